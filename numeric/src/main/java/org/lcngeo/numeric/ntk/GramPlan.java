package org.lcngeo.numeric.ntk;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * How {@link MuState#jacobianGram} forms J^T J from the partial products P_{-l} (Observation 3):
 * entry ((l, j), (k, i)) is {@code C_lk(offsets(l)[j] - offsets(k)[i])} with the correlation
 * {@code C_lk(s) = sum_q P_{-l}[q] P_{-k}[q + s]}, taken in flattened end-to-end positions (a
 * product of two non-zero entries at a needed shift pairs positions whose true D-dimensional
 * difference is that shift: both plus their layers' offsets land on the same position of the box).
 *
 * <p>For each pair of layers the needed shifts, sorted, form runs of a common step g (the gcd of
 * their differences), merged through gaps of fewer than {@link #MERGE_GAP} missing shifts. All
 * shifts of a run are accumulated at once: for each q in the structural support of the outer
 * factor, {@code c[t] += P_outer[q] P_inner[q + s_0 + g t]} over the t that stay in the inner
 * factor's support, one axpy over contiguous memory (for g > 1 the inner factor is first split
 * into its g residue classes; the stretch read is copied to c's positions first, so that both
 * arrays are read at one index, the form C2 vectorizes); a correlation shift by shift would be a
 * dot product, which it does not vectorize. The factor with the cheaper work is the outer one
 * (C_lk(s) = C_kl(-s)); on the diagonal blocks only the shifts s >= 0 are correlated (C_ll(-s) =
 * C_ll(s)), so those blocks come out symmetric. Immutable; the state supplies the scratch arrays.
 */
final class GramPlan {
  /**
   * The gaps (missing shifts, in steps) between two needed shifts below which one run passes
   * through, computing the correlations in between (never read), instead of starting another axpy:
   * a loop's start costs about as much as a few dozen multiply-adds of its vectorized body.
   */
  static final int MERGE_GAP = 64;

  /** The correlations of one pair of layers l <= k. */
  private record Pair(
      int l,
      int k,
      int outer,
      int inner,
      int step,
      int[] runShift,
      int[] runLength,
      int[] runOffset,
      int size,
      int[] position) {}

  private final int n;
  private final int[] starts;
  private final int[][] offsets;
  private final int mergeGap;
  private final Pair[] pairs;
  /** The largest number of correlations of a pair (the size of the scratch array c). */
  final int correlations;
  /** The size of the scratch array for an inner factor split into residue classes. */
  final int splitSize;

  GramPlan(int n, int[][] offsets, int[][] supports, int[] starts) {
    this(n, offsets, supports, starts, MERGE_GAP);
  }

  /** The plan with runs merged through gaps of fewer than mergeGap steps. */
  GramPlan(int n, int[][] offsets, int[][] supports, int[] starts, int mergeGap) {
    this.n = n;
    this.mergeGap = mergeGap;
    this.starts = starts;
    this.offsets = offsets;
    int h = offsets.length;
    this.pairs = new Pair[h * (h + 1) / 2];
    int index = 0;
    int most = 0;
    int split = n;
    for (int l = 0; l < h; l++) {
      for (int k = l; k < h; k++) {
        Pair pair = pair(l, k, supports);
        pairs[index++] = pair;
        most = Math.max(most, pair.size);
        split = Math.max(split, pair.step * ((n + pair.step - 1) / pair.step));
      }
    }
    this.correlations = most;
    this.splitSize = split;
  }

  private Pair pair(int l, int k, int[][] supports) {
    int[] offL = offsets[l];
    int[] offK = offsets[k];
    // the orientation with less work: outer support x (run span clipped to the inner extent)
    int outer = l;
    int inner = k;
    if (l != k && cost(k, l, supports) < cost(l, k, supports)) {
      outer = k;
      inner = l;
    }
    TreeSet<Integer> shifts = new TreeSet<>();
    for (int j = 0; j < offL.length; j++) {
      for (int i = 0; i < offK.length; i++) {
        shifts.add(shift(l, k, outer, offL[j], offK[i]));
      }
    }
    int[] sorted = shifts.stream().mapToInt(Integer::intValue).toArray();
    int step = step(sorted);
    int[] runShift = new int[sorted.length];
    int[] runLength = new int[sorted.length];
    int[] runOffset = new int[sorted.length];
    int runs = 0;
    int size = 0;
    int low = sorted[0];
    int[] at = new int[(sorted[sorted.length - 1] - low) / step + 1];
    for (int s : sorted) {
      if (runs == 0 || (s - runShift[runs - 1]) / step - runLength[runs - 1] >= mergeGap) {
        runShift[runs] = s;
        runOffset[runs] = size;
        runs++;
      }
      int r = runs - 1;
      int t = (s - runShift[r]) / step;
      size += t + 1 - runLength[r];
      runLength[r] = t + 1;
      at[(s - low) / step] = runOffset[r] + t;
    }
    int[] position = new int[offL.length * offK.length];
    for (int j = 0; j < offL.length; j++) {
      for (int i = 0; i < offK.length; i++) {
        position[j * offK.length + i] = at[(shift(l, k, outer, offL[j], offK[i]) - low) / step];
      }
    }
    return new Pair(l, k, outer, inner, step, Arrays.copyOf(runShift, runs),
        Arrays.copyOf(runLength, runs), Arrays.copyOf(runOffset, runs), size, position);
  }

  /** The shift at which the outer factor meets the inner one for entry (offL, offK). */
  private static int shift(int l, int k, int outer, int offL, int offK) {
    int s = outer == l ? offL - offK : offK - offL;
    return l == k ? Math.abs(s) : s;
  }

  /** The gcd of the differences of sorted values (1 for a single value). */
  private static int step(int[] sorted) {
    int g = 0;
    for (int s : sorted) {
      int d = s - sorted[0];
      while (d != 0) {
        int t = g % d;
        g = d;
        d = t;
      }
    }
    return Math.max(g, 1);
  }

  /** Work of correlating with layer a's partial product outer: its support times the span. */
  private long cost(int a, int b, int[][] supports) {
    int[] offA = offsets[a];
    int[] offB = offsets[b];
    int span = offA[offA.length - 1] + offB[offB.length - 1] + 1;
    int[] supB = supports[b];
    int extent = supB[supB.length - 1] - supB[0] + 1;
    return (long) supports[a].length * Math.min(span, extent);
  }

  /**
   * out := J^T J (parameters x parameters) from the partial products; c and aligned (size {@link
   * #correlations}) and split (size {@link #splitSize}) are scratch.
   */
  void gram(double[][] partial, int[][] supports, double[][] out, double[] c, double[] aligned,
      double[] split) {
    for (Pair pair : pairs) {
      correlate(pair, partial, supports, c, split, aligned);
      int[] offL = offsets[pair.l];
      int nk = offsets[pair.k].length;
      int sl = starts[pair.l];
      int sk = starts[pair.k];
      int[] position = pair.position;
      for (int j = 0; j < offL.length; j++) {
        double[] row = out[sl + j];
        for (int i = 0; i < nk; i++) {
          row[sk + i] = c[position[j * nk + i]];
        }
      }
      if (pair.l != pair.k) {
        for (int i = 0; i < nk; i++) {
          double[] row = out[sk + i];
          for (int j = 0; j < offL.length; j++) {
            row[sl + j] = c[position[j * nk + i]];
          }
        }
      }
    }
  }

  /**
   * c[runOffset + t] := C(runShift + step t) for every run of the pair; aligned (the size of c) is
   * scratch.
   */
  private void correlate(Pair pair, double[][] partial, int[][] supports, double[] c,
      double[] split, double[] aligned) {
    double[] po = partial[pair.outer];
    double[] pi = partial[pair.inner];
    int[] supI = supports[pair.inner];
    int first = supI[0];
    int end = supI[supI.length - 1] + 1;
    int g = pair.step;
    int classLength = (n + g - 1) / g;
    double[] src = pi;
    if (g > 1) {
      // residue class rho of the inner factor at rho * classLength: position q at (q % g, q / g)
      for (int q = first; q < end; q++) {
        split[(q % g) * classLength + q / g] = pi[q];
      }
      src = split;
    }
    Arrays.fill(c, 0, pair.size, 0.0);
    int[] runShift = pair.runShift;
    int[] runLength = pair.runLength;
    int[] runOffset = pair.runOffset;
    for (int q : supports[pair.outer]) {
      double a = po[q];
      if (a == 0.0) {
        continue;
      }
      for (int r = 0; r < runShift.length; r++) {
        int x0 = q + runShift[r];
        if (x0 >= end) {
          continue;
        }
        int lo = x0 >= first ? 0 : (first - x0 + g - 1) / g;
        int hi = Math.min(runLength[r], (end - x0 + g - 1) / g);
        if (lo >= hi) {
          continue;
        }
        int position = x0 + g * lo;
        int from = g == 1 ? position : (position % g) * classLength + position / g;
        int to = runOffset[r] + lo;
        int count = hi - lo;
        // C2 vectorizes an axpy only where both arrays are read at the same index: the inner
        // factor's stretch is first copied to c's positions
        System.arraycopy(src, from, aligned, to, count);
        Axpy.add(c, a, aligned, to, to + count);
      }
    }
  }
}
