package org.lcngeo.symbolic.ntk;

import java.math.BigInteger;

/**
 * The hot loop of the exact NTK (Observation 3): adds {@code weight * sum_j S_j p p^T S_j^T} to the
 * upper triangle of a dense row-major n x n matrix, where p is a partial product P_{-l} given by
 * its non-zero positions and values and S_j shifts by {@code offsets[j]}. Shifting preserves the
 * order of positions, so pairs a <= b land on or above the diagonal; {@link #mirror} fills the
 * rest. Each product p_a p_b is formed once and reused for every shift.
 *
 * <p>Overflow: every entry of the sum, and every partial sum, is bounded in absolute value by
 * {@code weight * ||p||^2} (Cauchy-Schwarz over the distinct shifts), summed over the layers
 * added; {@link #fitsInLong} checks that bound before the long kernel is used.
 */
final class NtkKernel {
  private NtkKernel() {}

  /** True when sum_l weights[l] * ||p_l||^2 < 2^63, so that the long kernel cannot overflow. */
  static boolean fitsInLong(BigInteger[] weights, BigInteger[][] values) {
    BigInteger bound = BigInteger.ZERO;
    for (int l = 0; l < weights.length; l++) {
      BigInteger norm = BigInteger.ZERO;
      for (BigInteger x : values[l]) {
        norm = norm.add(x.multiply(x));
      }
      bound = bound.add(norm.multiply(weights[l]));
    }
    return bound.bitLength() < 63;
  }

  static void addLong(long[] k, int n, int[] nz, long[] pv, int[] offsets, long weight) {
    int m = nz.length;
    long[] q = new long[m];
    for (int ia = 0; ia < m; ia++) {
      long wa = pv[ia] * weight;
      for (int ib = ia; ib < m; ib++) {
        q[ib] = wa * pv[ib];
      }
      int a = nz[ia];
      for (int o : offsets) {
        int base = (a + o) * n + o;
        for (int ib = ia; ib < m; ib++) {
          k[base + nz[ib]] += q[ib];
        }
      }
    }
  }

  static void addBig(
      BigInteger[] k, int n, int[] nz, BigInteger[] pv, int[] offsets, BigInteger weight) {
    int m = nz.length;
    BigInteger[] q = new BigInteger[m];
    for (int ia = 0; ia < m; ia++) {
      BigInteger wa = pv[ia].multiply(weight);
      for (int ib = ia; ib < m; ib++) {
        q[ib] = wa.multiply(pv[ib]);
      }
      int a = nz[ia];
      for (int o : offsets) {
        int base = (a + o) * n + o;
        for (int ib = ia; ib < m; ib++) {
          int p = base + nz[ib];
          k[p] = k[p] == null ? q[ib] : k[p].add(q[ib]);
        }
      }
    }
  }

  static void mirror(long[] k, int n) {
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        k[j * n + i] = k[i * n + j];
      }
    }
  }

  static void mirror(BigInteger[] k, int n) {
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        k[j * n + i] = k[i * n + j];
      }
    }
  }
}
