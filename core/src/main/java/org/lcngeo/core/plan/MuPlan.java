package org.lcngeo.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import org.lcngeo.core.Limits;
import org.lcngeo.core.algebra.Ring;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/**
 * The index structure of mu, compiled once per {@link Architecture} and executed by both the exact
 * and the numeric layer.
 *
 * <p>By Lemma 9 (eq. 8 for D = 1), pi_1(mu(w_1..w_H)) = pi_{t_H}(w_H) ... pi_{t_1}(w_1): the end-to-end
 * filter is a product of sparse polynomials. Entry j of layer l is the monomial of exponent {@code
 * t_l * j} (componentwise), which we store as its row-major position {@code offsets[l][j]} in the
 * end-to-end filter. Because exponents of a product add and the row-major position is linear in the
 * multi-index, every product of layer polynomials is computed on flat positions: entry {@code p} of
 * one factor times entry {@code q} of another lands at {@code p + q}, and never leaves the
 * end-to-end grid (the degrees are bounded by k - 1).
 *
 * <p>Everything the paper's Observation 3 needs follows: the column of the Jacobian for entry j of
 * layer l is the partial product P_{-l} = prod_{i != l} pi_{t_i}(w_i) shifted by {@code
 * offsets[l][j]}, so {@code K_l = J_l J_l^T = sum_j S_j P_{-l} P_{-l}^T S_j^T}.
 *
 * <p>The generic methods run over any {@link Ring}; the executors' primitive kernels (long and
 * double) use {@link #offsets(int)} and {@link #support(int)} with the same meaning.
 */
public final class MuPlan {
  private final Architecture architecture;
  private final int[][] offsets;
  private final int[][] supports;
  private final int[] shape;

  private MuPlan(Architecture architecture) {
    this.architecture = architecture;
    this.shape = architecture.endToEndSize();
    int d = architecture.dims();
    int[] rowStride = new int[d];
    int s = 1;
    for (int m = d - 1; m >= 0; m--) {
      rowStride[m] = s;
      s *= shape[m];
    }
    int h = architecture.depth();
    offsets = new int[h][];
    for (int l = 0; l < h; l++) {
      int[] size = architecture.size(l);
      int[] t = architecture.dilation(l);
      int[] off = new int[architecture.layerParameters(l)];
      for (int j = 0; j < off.length; j++) {
        int[] idx = Architecture.unflatten(j, size);
        int p = 0;
        for (int m = 0; m < d; m++) {
          p += idx[m] * t[m] * rowStride[m];
        }
        off[j] = p;
      }
      offsets[l] = off;
    }
    supports = new int[h + 1][];
    for (int l = -1; l < h; l++) {
      supports[l + 1] = structuralSupport(l);
    }
  }

  /** Compiles the plan of an architecture. */
  public static MuPlan compile(Architecture architecture) {
    return new MuPlan(architecture);
  }

  public Architecture architecture() {
    return architecture;
  }

  /** Number of end-to-end entries n (rows of J, side of K). */
  public int outputSize() {
    return architecture.endToEndEntries();
  }

  /** Row-major shape of the end-to-end filter. */
  public int[] outputShape() {
    return shape.clone();
  }

  /** {@code offsets(l)[j]}: the end-to-end position of the monomial of entry j of layer l. */
  public int[] offsets(int l) {
    return offsets[l].clone();
  }

  /**
   * Structural support (sorted positions that can be non-zero) of the partial product P_{-l} of all
   * layers but l; {@code l = -1} gives the support of mu itself.
   */
  public int[] support(int excluded) {
    return supports[excluded + 1].clone();
  }

  private int[] structuralSupport(int excluded) {
    int n = outputSize();
    BitSet cur = new BitSet(n);
    cur.set(0);
    for (int l = 0; l < offsets.length; l++) {
      if (l == excluded) {
        continue;
      }
      BitSet next = new BitSet(n);
      for (int p = cur.nextSetBit(0); p >= 0; p = cur.nextSetBit(p + 1)) {
        for (int o : offsets[l]) {
          next.set(p + o);
        }
      }
      cur = next;
    }
    return cur.stream().toArray();
  }

  // ---------------------------------------------------------------- generic executor

  /**
   * The sparse polynomial product x * pi_{t_l}(w) on end-to-end positions. x must be a product of
   * layers other than l (so that every position stays on the grid).
   */
  public <T> List<T> multiplyByLayer(Ring<T> ring, List<T> x, int l, List<T> w) {
    List<T> out = zeros(ring);
    int[] off = offsets[l];
    for (int p = 0; p < x.size(); p++) {
      T xp = x.get(p);
      if (ring.isZero(xp)) {
        continue;
      }
      for (int j = 0; j < off.length; j++) {
        T wj = w.get(j);
        if (!ring.isZero(wj)) {
          out.set(p + off[j], ring.addProduct(out.get(p + off[j]), xp, wj));
        }
      }
    }
    return out;
  }

  /** P_{-l}: the product of all layer polynomials but layer {@code excluded} (-1: all of them). */
  public <T> List<T> partialProduct(Ring<T> ring, FilterTuple<T> theta, int excluded) {
    List<T> cur = zeros(ring);
    cur.set(0, ring.one());
    for (int l = 0; l < offsets.length; l++) {
      if (l != excluded) {
        cur = multiplyByLayer(ring, cur, l, theta.layer(l));
      }
    }
    return cur;
  }

  /** The end-to-end filter mu(theta), row-major (eq. 8, Lemma 9). */
  public <T> List<T> mu(Ring<T> ring, FilterTuple<T> theta) {
    return partialProduct(ring, theta, -1);
  }

  /**
   * The Jacobian J of mu at theta: rows are end-to-end entries, columns the parameters (w_1, ...,
   * w_H) row-major; column (l, j) is P_{-l} shifted by {@code offsets(l)[j]} (Observation 3).
   */
  public <T> List<List<T>> jacobian(Ring<T> ring, FilterTuple<T> theta) {
    int n = outputSize();
    int cols = architecture.parameterCount();
    List<List<T>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(new ArrayList<>(Collections.nCopies(cols, ring.zero())));
    }
    for (int l = 0; l < offsets.length; l++) {
      List<T> p = partialProduct(ring, theta, l);
      int start = architecture.parameterStart(l);
      for (int j = 0; j < offsets[l].length; j++) {
        for (int a = 0; a < n; a++) {
          if (!ring.isZero(p.get(a))) {
            rows.get(a + offsets[l][j]).set(start + j, p.get(a));
          }
        }
      }
    }
    return rows;
  }

  /** K_l = J_l J_l^T for layer l (0-based); it does not depend on w_l (Observation 3). */
  public <T> List<List<T>> ntkLayer(Ring<T> ring, FilterTuple<T> theta, int l) {
    int n = outputSize();
    Limits.checkDenseSquare(n, "the NTK");
    List<List<T>> k = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      k.add(new ArrayList<>(Collections.nCopies(n, ring.zero())));
    }
    addNtkLayer(ring, partialProduct(ring, theta, l), l, k);
    return k;
  }

  /** The NTK K = J J^T = sum_l K_l at theta. */
  public <T> List<List<T>> ntk(Ring<T> ring, FilterTuple<T> theta) {
    int n = outputSize();
    Limits.checkDenseSquare(n, "the NTK");
    List<List<T>> k = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      k.add(new ArrayList<>(Collections.nCopies(n, ring.zero())));
    }
    for (int l = 0; l < offsets.length; l++) {
      addNtkLayer(ring, partialProduct(ring, theta, l), l, k);
    }
    return k;
  }

  private <T> void addNtkLayer(Ring<T> ring, List<T> p, int l, List<List<T>> k) {
    int[] nz = nonZeros(ring, p);
    for (int a : nz) {
      for (int b : nz) {
        T prod = ring.multiply(p.get(a), p.get(b));
        for (int o : offsets[l]) {
          List<T> row = k.get(a + o);
          row.set(b + o, ring.add(row.get(b + o), prod));
        }
      }
    }
  }

  private static <T> int[] nonZeros(Ring<T> ring, List<T> p) {
    return java.util.stream.IntStream.range(0, p.size())
        .filter(i -> !ring.isZero(p.get(i)))
        .toArray();
  }

  private <T> List<T> zeros(Ring<T> ring) {
    return new ArrayList<>(Collections.nCopies(outputSize(), ring.zero()));
  }

  @Override
  public String toString() {
    return "MuPlan[" + architecture.summary() + ", offsets=" + Arrays.deepToString(offsets) + "]";
  }
}
