package org.lcngeo.symbolic.ntk;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The hot loop of the exact NTK (Observation 3): adds {@code weight * sum_j S_j p p^T S_j^T} to the
 * upper triangle of a dense row-major n x n matrix, where p is a partial product P_{-l} given by
 * its non-zero positions and values and S_j shifts by {@code offsets[j]}. Shifting preserves the
 * order of positions, so pairs a <= b land on or above the diagonal; {@link #mirror} fills the
 * rest.
 *
 * <p>Overflow: every entry of the sum, and every partial sum, is bounded in absolute value by
 * {@code weight * ||p||^2} (Cauchy-Schwarz over the distinct shifts), summed over the layers
 * added; {@link #fitsInLong} checks that bound before the long kernel is used.
 */
final class NtkKernel {
  private static final int TILE = 64;

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

  /**
   * Long kernel. Works row by row of K so that the row being written stays in the cache: row R
   * receives p_a p_b at column b + o for every shift o with a = R - o a non-zero position.
   */
  static void addLong(long[] k, int n, int[] nz, long[] pv, int[] offsets, long weight) {
    int m = nz.length;
    int[] index = positions(n, nz);
    long[] wv = new long[m];
    for (int i = 0; i < m; i++) {
      wv[i] = pv[i] * weight;
    }
    for (int row = 0; row < n; row++) {
      int base = row * n;
      for (int o : offsets) {
        int a = row - o;
        int ia = a < 0 ? -1 : index[a];
        if (ia < 0) {
          continue;
        }
        long wa = wv[ia];
        int shift = base + o;
        for (int ib = ia; ib < m; ib++) {
          k[shift + nz[ib]] += wa * pv[ib];
        }
      }
    }
  }

  /** BigInteger kernel, the same loops as {@link #addLong}; {@code null} entries are zero. */
  static void addBig(
      BigInteger[] k, int n, int[] nz, BigInteger[] pv, int[] offsets, BigInteger weight) {
    int m = nz.length;
    int[] index = positions(n, nz);
    for (int row = 0; row < n; row++) {
      int base = row * n;
      for (int o : offsets) {
        int a = row - o;
        int ia = a < 0 ? -1 : index[a];
        if (ia < 0) {
          continue;
        }
        BigInteger wa = pv[ia].multiply(weight);
        int shift = base + o;
        for (int ib = ia; ib < m; ib++) {
          int p = shift + nz[ib];
          BigInteger x = wa.multiply(pv[ib]);
          k[p] = k[p] == null ? x : k[p].add(x);
        }
      }
    }
  }

  /** index[a] = i when nz[i] = a, -1 for positions that are zero. */
  private static int[] positions(int n, int[] nz) {
    int[] index = new int[n];
    Arrays.fill(index, -1);
    for (int i = 0; i < nz.length; i++) {
      index[nz[i]] = i;
    }
    return index;
  }

  /** Copies the upper triangle to the lower one, in tiles (the transposed reads are strided). */
  static void mirror(long[] k, int n) {
    for (int i0 = 0; i0 < n; i0 += TILE) {
      for (int j0 = i0; j0 < n; j0 += TILE) {
        for (int i = i0; i < Math.min(i0 + TILE, n); i++) {
          for (int j = Math.max(j0, i + 1); j < Math.min(j0 + TILE, n); j++) {
            k[j * n + i] = k[i * n + j];
          }
        }
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
