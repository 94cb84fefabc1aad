package org.lcngeo.symbolic.linalg;

import java.math.BigInteger;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact solution of a square rational system a x = b by modular arithmetic: Gaussian elimination
 * over F_p, then {@link ModularReconstruction} with the exact check a x = b. Elimination over Q
 * swells its intermediate fractions (a dense trace matrix of size 64 took seconds).
 */
public final class ModularSolver {
  private ModularSolver() {}

  /**
   * The solution of a x = b for a square a, checked exactly; null when a is singular modulo every
   * prime tried or no reconstruction passed the check within {@code maxPrimes} primes (the caller
   * then solves over Q).
   */
  public static List<BigFraction> solve(List<List<BigFraction>> a, List<BigFraction> b,
      int maxPrimes) {
    return solve(a, b, maxPrimes, x -> ExactLinearAlgebra.times(a, x).equals(b));
  }

  /**
   * As {@link #solve(List, List, int)}, with the caller's exact check in place of the product a x
   * = b: for callers that prove the solution by what it means (a x for long rationals can cost
   * more than the whole elimination).
   */
  public static List<BigFraction> solve(List<List<BigFraction>> a, List<BigFraction> b,
      int maxPrimes, java.util.function.Predicate<List<BigFraction>> check) {
    int n = a.size();
    // integer rows: row i and b_i times the lcm of their denominators
    BigInteger[][] m = new BigInteger[n][n + 1];
    for (int i = 0; i < n; i++) {
      BigInteger l = b.get(i).getDenominator();
      for (BigFraction c : a.get(i)) {
        l = l.divide(l.gcd(c.getDenominator())).multiply(c.getDenominator());
      }
      for (int j = 0; j < n; j++) {
        BigFraction c = a.get(i).get(j);
        m[i][j] = c.getNumerator().multiply(l.divide(c.getDenominator()));
      }
      m[i][n] = b.get(i).getNumerator().multiply(l.divide(b.get(i).getDenominator()));
    }
    return ModularReconstruction.of(n, maxPrimes, p -> solveModulo(m, p), check).orElse(null);
  }

  /** x with m[:, :n] x = m[:, n] mod p, or null when the matrix is singular mod p. */
  private static long[] solveModulo(BigInteger[][] m, long p) {
    int n = m.length;
    BigInteger bp = BigInteger.valueOf(p);
    long[][] r = new long[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= n; j++) {
        r[i][j] = m[i][j].mod(bp).longValue();
      }
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      while (pivot < n && r[pivot][c] == 0) {
        pivot++;
      }
      if (pivot == n) {
        return null;
      }
      long[] t = r[pivot];
      r[pivot] = r[c];
      r[c] = t;
      long inv = BigInteger.valueOf(r[c][c]).modInverse(bp).longValue();
      for (int j = c; j <= n; j++) {
        r[c][j] = r[c][j] * inv % p;
      }
      for (int i = 0; i < n; i++) {
        if (i != c && r[i][c] != 0) {
          long f = r[i][c];
          for (int j = c; j <= n; j++) {
            r[i][j] = Math.floorMod(r[i][j] - f * r[c][j] % p, p);
          }
        }
      }
    }
    long[] x = new long[n];
    for (int i = 0; i < n; i++) {
      x[i] = r[i][n];
    }
    return x;
  }
}
