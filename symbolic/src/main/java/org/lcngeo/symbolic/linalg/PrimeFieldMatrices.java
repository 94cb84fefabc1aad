package org.lcngeo.symbolic.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lcngeo.core.algebra.PrimeField;

/**
 * Row echelon forms and kernels over F_p (p below 2^31, entries in [0, p)), for interpolation mod
 * primes: the reduced row echelon basis of a subspace is unique, so its images mod several primes
 * can be combined by Chinese remaindering.
 */
public final class PrimeFieldMatrices {
  private PrimeFieldMatrices() {}

  /** The first non-zero position of a row, -1 for a zero row. */
  public static int pivot(long[] row) {
    for (int i = 0; i < row.length; i++) {
      if (row[i] != 0) {
        return i;
      }
    }
    return -1;
  }

  /** The reduced row echelon basis of {x : m x = 0} over F_p. */
  public static List<long[]> kernel(long[][] m, int cols, long p) {
    List<long[]> r = rref(Arrays.asList(m), p);
    int[] pivotOf = new int[cols];
    Arrays.fill(pivotOf, -1);
    for (int i = 0; i < r.size(); i++) {
      pivotOf[pivot(r.get(i))] = i;
    }
    List<long[]> out = new ArrayList<>();
    for (int f = 0; f < cols; f++) {
      if (pivotOf[f] >= 0) {
        continue;
      }
      long[] x = new long[cols];
      x[f] = 1;
      for (int c = 0; c < cols; c++) {
        if (pivotOf[c] >= 0) {
          long v = r.get(pivotOf[c])[f];
          x[c] = v == 0 ? 0 : p - v;
        }
      }
      out.add(x);
    }
    return rref(out, p);
  }

  /** The reduced row echelon form (non-zero rows) of the rows over F_p; the rows are copied. */
  public static List<long[]> rref(List<long[]> rows, long p) {
    List<long[]> m = new ArrayList<>();
    for (long[] r : rows) {
      m.add(r.clone());
    }
    if (m.isEmpty()) {
      return m;
    }
    PrimeField field = new PrimeField(p);
    int cols = m.get(0).length;
    int rank = 0;
    for (int c = 0; c < cols && rank < m.size(); c++) {
      int pr = -1;
      for (int r = rank; r < m.size(); r++) {
        if (m.get(r)[c] != 0) {
          pr = r;
          break;
        }
      }
      if (pr < 0) {
        continue;
      }
      long[] prow = m.get(pr);
      m.set(pr, m.get(rank));
      m.set(rank, prow);
      long inv = field.inverse(prow[c]);
      for (int j = c; j < cols; j++) {
        prow[j] = prow[j] * inv % p;
      }
      for (int r = 0; r < m.size(); r++) {
        long[] row = m.get(r);
        long f = row[c];
        if (r == rank || f == 0) {
          continue;
        }
        for (int j = c; j < cols; j++) {
          if (prow[j] != 0) {
            row[j] = Math.floorMod(row[j] - f * prow[j] % p, p);
          }
        }
      }
      rank++;
    }
    return new ArrayList<>(m.subList(0, rank));
  }

  /** The largest {@code count} primes below {@code bound}. */
  public static long[] primesBelow(long bound, int count) {
    long[] out = new long[count];
    java.math.BigInteger x = java.math.BigInteger.valueOf(bound);
    for (int i = 0; i < count; i++) {
      x = x.subtract(java.math.BigInteger.ONE);
      while (!x.isProbablePrime(40)) {
        x = x.subtract(java.math.BigInteger.ONE);
      }
      out[i] = x.longValueExact();
    }
    return out;
  }
}
