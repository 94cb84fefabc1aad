package org.lcngeo.symbolic.linalg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact solution of a square rational system a x = b by modular arithmetic: Gaussian elimination
 * over F_p for word-size primes, Chinese remaindering, rational reconstruction (Wang's method; von
 * zur Gathen and Gerhard, <i>Modern Computer Algebra</i>, Sec. 5.10), and the exact check a x = b
 * before an answer is returned; the number of primes doubles until the check passes. Elimination
 * over Q swells its intermediate fractions (a dense trace matrix of size 64 took seconds).
 */
public final class ModularSolver {
  private static final long FIRST_PRIME = (1L << 31) - 1;

  private ModularSolver() {}

  /**
   * The solution of a x = b for a square a, checked exactly; null when a is singular modulo every
   * prime tried or no reconstruction passed the check within {@code maxPrimes} primes (the caller
   * then solves over Q).
   */
  public static List<BigFraction> solve(List<List<BigFraction>> a, List<BigFraction> b,
      int maxPrimes) {
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
    BigInteger product = BigInteger.ONE;
    BigInteger[] residue = new BigInteger[n];
    java.util.Arrays.fill(residue, BigInteger.ZERO);
    long p = FIRST_PRIME;
    int used = 0;
    int nextTry = 1;
    int tried = 0;
    while (used < maxPrimes && tried < 4 * maxPrimes) {
      tried++;
      p = BigInteger.valueOf(p).nextProbablePrime().longValue();
      long[] xp = solveModulo(m, p);
      if (xp == null) {
        continue;
      }
      BigInteger bp = BigInteger.valueOf(p);
      BigInteger productInverse = product.mod(bp).modInverse(bp);
      for (int i = 0; i < n; i++) {
        BigInteger diff = BigInteger.valueOf(xp[i]).subtract(residue[i]).mod(bp);
        residue[i] = residue[i].add(product.multiply(diff.multiply(productInverse).mod(bp)));
      }
      product = product.multiply(bp);
      used++;
      if (used == nextTry) {
        nextTry *= 2;
        List<BigFraction> x = new ArrayList<>(n);
        for (int i = 0; i < n && x.size() == i; i++) {
          BigFraction q = reconstruct(residue[i], product);
          if (q != null) {
            x.add(q);
          }
        }
        if (x.size() == n && ExactLinearAlgebra.times(a, x).equals(b)) {
          return x;
        }
      }
    }
    return null;
  }

  /** r / s with r = u s mod P and |r|, 0 < s <= sqrt(P / 2); null if there is none. */
  public static BigFraction reconstruct(BigInteger u, BigInteger modulus) {
    BigInteger bound = modulus.shiftRight(1).sqrt();
    BigInteger r0 = modulus;
    BigInteger r1 = u.mod(modulus);
    BigInteger s0 = BigInteger.ZERO;
    BigInteger s1 = BigInteger.ONE;
    while (r1.compareTo(bound) > 0) {
      BigInteger[] qr = r0.divideAndRemainder(r1);
      r0 = r1;
      r1 = qr[1];
      BigInteger s = s0.subtract(qr[0].multiply(s1));
      s0 = s1;
      s1 = s;
    }
    if (s1.signum() == 0 || s1.abs().compareTo(bound) > 0 || !r1.gcd(s1).equals(BigInteger.ONE)) {
      return null;
    }
    return new BigFraction(r1, s1);
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
