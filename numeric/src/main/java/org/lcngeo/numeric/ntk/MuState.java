package org.lcngeo.numeric.ntk;

import java.util.Arrays;
import org.lcngeo.numeric.data.ShiftedColumns;

/**
 * The numeric executor at one filter tuple theta: {@link #at(double[])} computes mu(theta) through
 * the suffix products of the layer polynomials (eq. 8 / Lemma 9); the partial products P_{-l}
 * (product of all layer polynomials but layer l, Observation 3) follow when J, J x or K need them.
 * Not thread-safe; allocation-free after construction except for the methods that return new
 * matrices.
 */
public final class MuState {
  private final NumericMu m;
  /** partial[l] = P_{-l}; partial[0] aliases suffix[1]. */
  private final double[][] partial;
  /** suffix[l] = S_l = prod_{i >= l} pi(w_i); suffix[depth] = 1; mu = suffix[0]. */
  private final double[][] suffix;
  private final int[] suffixExtent;
  private final double[] bufA;
  private final double[] bufB;
  private final double[] theta;
  /** radj[l]: the correlation of r with prod_{i < l} pi(w_i) (adjoint chain of J^T r). */
  private final double[][] radj;
  /** J^T r's four sums over the even and over the odd positions of S_{l+1}'s support. */
  private final double[] sumEven = new double[4];
  private final double[] sumOdd = new double[4];
  private boolean partialsReady;
  /** Scratch of {@link #jacobianGram} (allocated on first use). */
  private double[] gramCorrelations;
  private double[] gramAligned;
  /** Scratch of the lattice products (allocated on first use). */
  private double[] latticeCompressed;
  private double[] latticeShifted;
  private double[] latticePhases;
  private double[] gramSplit;

  MuState(NumericMu m) {
    int h = m.depth;
    this.m = m;
    this.suffix = new double[h + 1][m.n];
    this.suffixExtent = new int[h + 1];
    this.partial = new double[h][];
    partial[0] = suffix[1];
    for (int l = 1; l < h; l++) {
      partial[l] = new double[m.n];
    }
    suffix[h][0] = 1.0;
    suffixExtent[h] = 1;
    this.bufA = new double[m.n];
    this.bufB = new double[m.n];
    this.theta = new double[m.parameters];
    this.radj = new double[h][];
    radj[0] = null;
    for (int l = 1; l < h; l++) {
      radj[l] = new double[m.n];
    }
  }

  public NumericMu executor() {
    return m;
  }

  /**
   * Evaluates at theta: the suffix products S_l = prod_{i >= l} pi(w_i), from the last layer down
   * (with 0-based layers, mu = S_0). The partial products P_{-l} = (prod_{i < l} pi(w_i)) S_{l+1}
   * follow on first use. Allocation-free.
   */
  public MuState at(double[] th) {
    System.arraycopy(th, 0, theta, 0, m.parameters);
    for (int l = m.depth - 1; l >= 0; l--) {
      suffixExtent[l] = l + 1 < m.depth
          ? lattice(m.ownLayer[l], suffix[l + 1], suffix[l])
          : m.multiplyByLayer(suffix[l + 1], suffixExtent[l + 1], l, theta, suffix[l]);
    }
    partialsReady = false;
    return this;
  }

  /** out := x * pi(w) by a lattice product (scratch allocated on first use); its extent. */
  private int lattice(LatticeProduct product, double[] x, double[] out) {
    latticeScratch();
    return product.multiply(x, theta, out, latticeCompressed, latticeShifted, latticePhases);
  }

  private void latticeScratch() {
    if (latticeShifted == null) {
      int size = 0;
      for (int l = 0; l < m.depth; l++) {
        for (LatticeProduct p : new LatticeProduct[] {m.ownLayer[l], m.firstLayer[l]}) {
          if (p != null) {
            size = Math.max(size, p.phases * p.size);
          }
        }
      }
      latticeCompressed = new double[size];
      latticeShifted = new double[size];
      latticePhases = new double[size];
    }
  }

  private void ensurePartials() {
    if (partialsReady) {
      return;
    }
    int h = m.depth;
    for (int l = 1; l < h; l++) {
      double[] cur = suffix[l + 1];
      int ext = suffixExtent[l + 1];
      for (int i = 0; i < l; i++) {
        double[] out = i == l - 1 ? partial[l] : (i % 2 == 0 ? bufA : bufB);
        // the first factor is S_{l+1}: on its lattice
        ext = i == 0 && l + 1 < h ? lattice(m.firstLayer[l], cur, out)
            : m.multiplyByLayer(cur, ext, i, theta, out);
        cur = out;
      }
    }
    partialsReady = true;
  }

  /** mu(theta), row-major (a view: do not modify). */
  public double[] mu() {
    return suffix[0];
  }

  /** P_{-l} (a view: do not modify). */
  public double[] partialProduct(int l) {
    ensurePartials();
    return partial[l];
  }

  /** out := J x (length n), a sum of dilated convolutions of P_{-l} with the layer blocks of x. */
  public void jacobianTimes(double[] x, double[] out) {
    Arrays.fill(out, 0, m.n, 0.0);
    jacobianColumns().addTimes(x, 1, out);
  }

  /**
   * out := J^T r (length = parameters). Block l is the correlation of r with P_{-l} = Pre_l
   * S_{l+1} (Pre_l = prod_{i < l} pi(w_i)) at the offsets of layer l; by associativity it is the
   * correlation with S_{l+1} of r_l = (r correlated with Pre_l), and r_{l+1} is r_l correlated
   * with layer l's filter. So all blocks cost one pass down the layers (the adjoint of the
   * product), without the P_{-l}, and only over the structural support of S_{l+1} (where a layer
   * after l has a dilation above 1, most of it is empty). Allocation-free.
   */
  public void jacobianTransposeTimes(double[] r, double[] out) {
    double[] rl = r;
    for (int l = 0; l < m.depth; l++) {
      int[] off = m.offsets[l];
      int s = m.starts[l];
      double[] sl = suffix[l + 1];
      // S_{l+1} is zero off its structural support: the sums run over it only, the even positions
      // into one sum and the odd ones into another, each in ascending order (the terms left out
      // are zeros: the same sums as over all positions)
      int[] even = m.suffixEven[l + 1];
      int[] odd = m.suffixOdd[l + 1];
      int j = 0;
      // four offsets per pass over each half of the support (four independent sums)
      for (; j + 3 < off.length; j += 4) {
        correlate4(sl, rl, even, off, j, sumEven);
        correlate4(sl, rl, odd, off, j, sumOdd);
        for (int k = 0; k < 4; k++) {
          out[s + j + k] = sumEven[k] + sumOdd[k];
        }
      }
      for (; j < off.length; j++) {
        out[s + j] = correlate(sl, rl, even, off[j]) + correlate(sl, rl, odd, off[j]);
      }
      if (l + 1 < m.depth) {
        // r_{l+1}[c] = sum_j w_l[j] r_l[c + off_j] (in the order of j), only where the later
        // layers read it: at c + off_(l+1) for c in S_{l+2}'s support, that is on S_{l+1}'s
        double[] next = radj[l + 1];
        adjointStep(rl, l, next);
        rl = next;
      }
    }
  }

  /** sums[k] := sum over q in part of s[q] r[q + off[j + k]], k = 0..3, each in part's order. */
  private static void correlate4(double[] s, double[] r, int[] part, int[] off, int j, double[] sums) {
    int o0 = off[j];
    int o1 = off[j + 1];
    int o2 = off[j + 2];
    int o3 = off[j + 3];
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    for (int q : part) {
      double sq = s[q];
      a0 += sq * r[q + o0];
      a1 += sq * r[q + o1];
      a2 += sq * r[q + o2];
      a3 += sq * r[q + o3];
    }
    sums[0] = a0;
    sums[1] = a1;
    sums[2] = a2;
    sums[3] = a3;
  }

  /** sum over q in part of s[q] r[q + o], in part's order. */
  private static double correlate(double[] s, double[] r, int[] part, int o) {
    double a = 0;
    for (int q : part) {
      a += s[q] * r[q + o];
    }
    return a;
  }

  /**
   * next[c] := sum_j w_l[j] r[c + off_j] for c in the support of S_{l+1}, the terms in the order of
   * j, on the lattice of S_{l+1} ({@link LatticeProduct#adjoint}).
   */
  private void adjointStep(double[] r, int l, double[] next) {
    latticeScratch();
    m.ownLayer[l].adjoint(r, theta, next, latticeCompressed, latticeShifted, latticePhases);
  }

  /** The Jacobian J (n x parameters) into out; column (l, j) is P_{-l} shifted by offsets(l)[j]. */
  public void jacobian(double[][] out) {
    jacobianColumns().fill(out);
  }

  /**
   * J as shifted blocks: column (l, j) is P_{-l} shifted by offsets(l)[j] (a view of this state's
   * partial products: valid until the next {@link #at}).
   */
  public ShiftedColumns jacobianColumns() {
    ensurePartials();
    return new ShiftedColumns(m.n, partial, m.supports, m.offsets, m.starts);
  }

  /**
   * out := J^T J (parameters x parameters) by correlations of the partial products: entry ((l, j),
   * (m, k)) is {@code C_lm(offsets(l)[j] - offsets(m)[k])} with {@code C_lm(s) = sum_r P_{-l}[r]
   * P_{-m}[r + s]}, all shifts of a pair of layers accumulated together ({@link GramPlan}).
   * O(shifts x n) instead of the O(n p^2) of a dense J.
   */
  public void jacobianGram(double[][] out) {
    ensurePartials();
    if (gramCorrelations == null) {
      gramCorrelations = new double[m.gram.correlations];
      gramAligned = new double[m.gram.correlations];
      gramSplit = new double[m.gram.splitSize];
    }
    m.gram.gram(partial, m.supports, out, gramCorrelations, gramAligned, gramSplit);
  }

  /** A new dense Jacobian. */
  public double[][] jacobian() {
    double[][] j = new double[m.n][m.parameters];
    jacobian(j);
    return j;
  }

  /** Adds K_l = J_l J_l^T = sum_j S_j P_{-l} P_{-l}^T S_j^T to out (n x n). */
  public void addNtkLayer(int l, double[][] out) {
    ensurePartials();
    double[] p = partial[l];
    int[] sup = m.supports[l];
    int[] off = m.offsets[l];
    for (int a : sup) {
      double pa = p[a];
      if (pa == 0.0) {
        continue;
      }
      for (int b : sup) {
        double prod = pa * p[b];
        for (int o : off) {
          out[a + o][b + o] += prod;
        }
      }
    }
  }

  /** K_l as a new matrix. */
  public double[][] ntkLayer(int l) {
    double[][] k = new double[m.n][m.n];
    addNtkLayer(l, k);
    return k;
  }

  /** K = J J^T = sum_l K_l into out (overwritten). */
  public void ntk(double[][] out) {
    for (double[] row : out) {
      Arrays.fill(row, 0.0);
    }
    for (int l = 0; l < m.depth; l++) {
      addNtkLayer(l, out);
    }
  }

  /** K as a new matrix. */
  public double[][] ntk() {
    double[][] k = new double[m.n][m.n];
    ntk(k);
    return k;
  }

  /**
   * Adds the second-order part of the Hessian of {@code theta -> l(mu(theta))}, {@code sum_a g_a
   * d^2 mu_a}, to out (parameters x parameters), where g = grad l(mu(theta)). By multilinearity
   * its diagonal blocks vanish and block (l, m), l != m, has entry (j, i) = sum_q P_{-l,-m}[q] g[q +
   * offsets(l)[j] + offsets(m)[i]] (the mu_{i,j} of the proof of Prop. 8).
   */
  public void addSecondOrderHessian(double[] g, double[][] out) {
    int h = m.depth;
    double[] cur = bufA;
    for (int l = 0; l < h; l++) {
      for (int k = l + 1; k < h; k++) {
        // P_{-l,-k}: product of all layers but l and k
        Arrays.fill(bufA, 0.0);
        bufA[0] = 1.0;
        cur = bufA;
        int ext = 1;
        boolean inA = true;
        for (int i = 0; i < h; i++) {
          if (i == l || i == k) {
            continue;
          }
          double[] o = inA ? bufB : bufA;
          ext = m.multiplyByLayer(cur, ext, i, theta, o);
          cur = o;
          inA = !inA;
        }
        int[] offL = m.offsets[l];
        int[] offK = m.offsets[k];
        int sl = m.starts[l];
        int sk = m.starts[k];
        for (int j = 0; j < offL.length; j++) {
          for (int i = 0; i < offK.length; i++) {
            int shift = offL[j] + offK[i];
            double acc = 0;
            for (int q = 0; q < ext; q++) {
              double c = cur[q];
              if (c != 0.0) {
                acc += c * g[q + shift];
              }
            }
            out[sl + j][sk + i] += acc;
            out[sk + i][sl + j] += acc;
          }
        }
      }
    }
  }
}
