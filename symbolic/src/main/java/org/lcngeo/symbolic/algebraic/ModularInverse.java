package org.lcngeo.symbolic.algebraic;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.lcngeo.symbolic.linalg.ModularReconstruction;
import org.hipparchus.fraction.BigFraction;

/**
 * The inverse of A(theta) in Q(theta) = Q[x]/(m) by modular arithmetic: A^{-1} mod (m, p) by the
 * extended Euclidean algorithm over F_p, then {@link ModularReconstruction} with the exact check
 * A · A^{-1} = 1 in the field. The extended Euclidean
 * algorithm over Q, which JAS uses, suffers the growth of its intermediate rational coefficients
 * and was the bottleneck of the rescaling of irrational fiber points (fields of degree 30 to 60).
 */
final class ModularInverse {
  private ModularInverse() {}

  /**
   * The coefficients (lowest degree first) of the inverse of a modulo m, both with integer
   * coefficients, m of degree d with a non-zero leading coefficient, deg a < d: the first
   * reconstruction that {@code check} accepts (it decides exactly). Empty when none was accepted
   * within the given number of primes.
   */
  static Optional<List<BigFraction>> inverse(BigInteger[] a, BigInteger[] m, int maxPrimes,
      Predicate<List<BigFraction>> check) {
    int d = m.length - 1;
    return ModularReconstruction.of(d, maxPrimes, p -> {
      long lead = mod(m[d], p);
      if (lead == 0) {
        return null;
      }
      long[] mp = new long[d + 1];
      long leadInverse = inverse(lead, p);
      for (int i = 0; i <= d; i++) {
        mp[i] = mulmod(mod(m[i], p), leadInverse, p);
      }
      long[] ap = new long[d];
      for (int i = 0; i < a.length && i < d; i++) {
        ap[i] = mod(a[i], p);
      }
      return inverseModulo(ap, mp, p); // null for an unlucky prime: a, m share a factor mod p
    }, check);
  }

  /** a^{-1} mod (m, p) for monic m, or null when gcd(a, m) is not 1 mod p. */
  static long[] inverseModulo(long[] a, long[] m, long p) {
    // invariants: r0 = s0 a mod m, r1 = s1 a mod m
    long[] r0 = m.clone();
    long[] r1 = trim(a.clone());
    long[] s0 = new long[] {0};
    long[] s1 = new long[] {1};
    while (degree(r1) > 0) {
      long[][] qr = divide(r0, r1, p);
      long[] s = subtract(s0, multiply(qr[0], s1, p), p);
      r0 = r1;
      r1 = qr[1];
      s0 = s1;
      s1 = s;
    }
    if (degree(r1) < 0) {
      return null;
    }
    long c = inverse(r1[0], p);
    long[] out = new long[m.length - 1];
    long[] reduced = divide(s1, m, p)[1];
    for (int i = 0; i < reduced.length && i < out.length; i++) {
      out[i] = mulmod(reduced[i], c, p);
    }
    return out;
  }

  static int degree(long[] a) {
    int d = a.length - 1;
    while (d >= 0 && a[d] == 0) {
      d--;
    }
    return d;
  }

  static long[] trim(long[] a) {
    return Arrays.copyOf(a, Math.max(1, degree(a) + 1));
  }

  static long[][] divide(long[] a, long[] b, long p) {
    int db = degree(b);
    long[] r = a.clone();
    int da = degree(r);
    long[] q = new long[Math.max(1, da - db + 1)];
    long lead = inverse(b[db], p);
    for (int i = da; i >= db; i--) {
      if (r[i] == 0) {
        continue;
      }
      long c = mulmod(r[i], lead, p);
      q[i - db] = c;
      for (int j = 0; j <= db; j++) {
        r[i - db + j] = Math.floorMod(r[i - db + j] - mulmod(c, b[j], p), p);
      }
    }
    return new long[][] {q, trim(r)};
  }

  static long[] multiply(long[] a, long[] b, long p) {
    long[] c = new long[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      if (a[i] != 0) {
        for (int j = 0; j < b.length; j++) {
          c[i + j] = (c[i + j] + mulmod(a[i], b[j], p)) % p;
        }
      }
    }
    return trim(c);
  }

  static long[] subtract(long[] a, long[] b, long p) {
    long[] c = new long[Math.max(a.length, b.length)];
    for (int i = 0; i < c.length; i++) {
      long x = i < a.length ? a[i] : 0;
      long y = i < b.length ? b[i] : 0;
      c[i] = Math.floorMod(x - y, p);
    }
    return trim(c);
  }

  static long mod(BigInteger x, long p) {
    return x.mod(BigInteger.valueOf(p)).longValue();
  }

  /** a b mod p for 0 <= a, b < p < 2^32 (no overflow). */
  static long mulmod(long a, long b, long p) {
    return (a * b) % p;
  }

  static long inverse(long a, long p) {
    return BigInteger.valueOf(a).modInverse(BigInteger.valueOf(p)).longValue();
  }
}
