package org.lcngeo.symbolic.ntk;

import java.math.BigInteger;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.PrimeField;

/**
 * The exact rank over Q of an integer matrix, decided without any tolerance.
 *
 * <p>Fast path: the rank mod a prime p is a lower bound on the rank over Q (every minor that
 * vanishes over Z vanishes mod p). When the caller knows a proven upper bound (for the Jacobian of
 * mu: the certified dimension of the neuromanifold, since the rank at any point is at most the
 * generic rank) and the rank mod p reaches it, the rank is certain. Otherwise the rank is computed
 * by fraction-free Gaussian elimination (Bareiss) over the integers, which is exact by
 * construction: every intermediate entry is a minor of the matrix (Sylvester's identity), so the
 * divisions are exact.
 */
public final class ExactRank {
  private ExactRank() {}

  /**
   * Rank over Q.
   *
   * @param m an integer matrix (rows of equal length), not modified
   * @param upperBound a proven upper bound on the rank, or a negative number if none is known
   */
  public static int of(BigInteger[][] m, int upperBound) {
    if (upperBound >= 0) {
      int lower = modular(m, PrimeField.M31);
      if (lower >= upperBound) {
        return lower;
      }
    }
    return bareiss(m);
  }

  /** Rank over Q of a rational matrix (scaled to integers), with the contract of {@link #of}. */
  public static int ofRational(List<? extends List<BigFraction>> m, int upperBound) {
    return of(ScaledIntegerMatrix.ofFractions(m).numerators(), upperBound);
  }

  /** Rank over Z/pZ of the reduction of m: a lower bound on its rank over Q. */
  public static int modular(BigInteger[][] m, PrimeField field) {
    BigInteger p = BigInteger.valueOf(field.p());
    long[][] r = new long[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = new long[m[i].length];
      for (int j = 0; j < m[i].length; j++) {
        r[i][j] = m[i][j].mod(p).longValueExact();
      }
    }
    return field.rank(r);
  }

  /** Rank over Q by fraction-free (Bareiss) elimination; m is not modified. */
  public static int bareiss(BigInteger[][] m) {
    int rows = m.length;
    if (rows == 0) {
      return 0;
    }
    int cols = m[0].length;
    BigInteger[][] a = new BigInteger[rows][];
    for (int i = 0; i < rows; i++) {
      a[i] = m[i].clone();
    }
    BigInteger previous = BigInteger.ONE;
    int rank = 0;
    for (int c = 0; c < cols && rank < rows; c++) {
      int pivot = rank;
      while (pivot < rows && a[pivot][c].signum() == 0) {
        pivot++;
      }
      if (pivot == rows) {
        continue;
      }
      BigInteger[] t = a[pivot];
      a[pivot] = a[rank];
      a[rank] = t;
      BigInteger p = a[rank][c];
      for (int i = rank + 1; i < rows; i++) {
        BigInteger f = a[i][c];
        for (int j = c + 1; j < cols; j++) {
          BigInteger x = p.multiply(a[i][j]);
          if (f.signum() != 0) {
            x = x.subtract(f.multiply(a[rank][j]));
          }
          a[i][j] = x.divide(previous);
        }
        a[i][c] = BigInteger.ZERO;
      }
      previous = p;
      rank++;
    }
    return rank;
  }
}
