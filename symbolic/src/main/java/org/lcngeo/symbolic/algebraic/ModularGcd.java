package org.lcngeo.symbolic.algebraic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.symbolic.linalg.ModularReconstruction;

/**
 * The monic gcd of two polynomials over a number field K = Q(theta) = Q[t]/(m) by modular
 * arithmetic (Encarnación's method: von zur Gathen and Gerhard, <i>Modern Computer Algebra</i>,
 * Ch. 6, over K): Euclid in (F_p[t]/(m))[x] for word-size primes p, Chinese remaindering and
 * rational reconstruction of the coordinates of the monic gcd ({@link ModularReconstruction}),
 * accepted only when the candidate divides both polynomials exactly over K. Euclid over K itself
 * inverts leading coefficients whose rational coordinates swell; here nothing is inverted over K
 * (the candidate is monic, so the trial divisions need no inverse).
 *
 * <p>Why an accepted candidate is the gcd G: a prime counts only if every leading coefficient met
 * by Euclid is a unit of F_p[t]/(m) (then the reductions keep the degrees of a and b, and the
 * subresultants S_j(a, b), which vanish over K for j < deg G, vanish modulo p), so its gcd has
 * degree at least deg G. The candidate has the smallest degree seen at such a prime and divides
 * G (it divides a and b over K), hence it is G. A gcd of degree 0 at one such prime proves G = 1.
 */
final class ModularGcd {
  /** Primes whose images are combined at most (each about 31 bits). */
  private static final int MAX_PRIMES = 1 << 12;
  /** Lucky primes probed for the degree of the gcd before reconstructing. */
  private static final int DEGREE_PROBES = 2;

  private ModularGcd() {}

  /**
   * The monic gcd of a and b (coefficient lists over one field, lowest degree first, trimmed, both
   * of degree at least 1); empty when no candidate was accepted within {@link #MAX_PRIMES} primes.
   */
  static Optional<List<FieldElement>> gcd(List<FieldElement> a, List<FieldElement> b) {
    NumberField f = a.get(0).field();
    int d = f.degree();
    Modulus m = Modulus.of(f);
    int lowest = Integer.MAX_VALUE;
    long probe = 1L << 30;
    for (int found = 0; found < DEGREE_PROBES; ) {
      Deadline.checkCurrent();
      probe = BigInteger.valueOf(probe).nextProbablePrime().longValue();
      long[][] g = image(a, b, m, probe);
      if (g != null) {
        lowest = Math.min(lowest, g.length - 1);
        found++;
      }
    }
    for (int round = 0; round < 3; round++) {
      int e = lowest;
      if (e == 0) {
        return Optional.of(List.of(f.one()));
      }
      int[] seen = {e};
      Optional<List<BigFraction>> c = ModularReconstruction.of(e * d, MAX_PRIMES, p -> {
        Deadline.checkCurrent();
        long[][] g = image(a, b, m, p);
        if (g == null || g.length - 1 != e) {
          if (g != null) {
            seen[0] = Math.min(seen[0], g.length - 1);
          }
          return null; // an unlucky prime, or e was
        }
        long[] flat = new long[e * d];
        for (int i = 0; i < e; i++) {
          System.arraycopy(g[i], 0, flat, i * d, d);
        }
        return flat;
      }, x -> divides(monic(f, x, e), a) && divides(monic(f, x, e), b));
      if (c.isPresent()) {
        return Optional.of(monic(f, c.get(), e));
      }
      if (seen[0] == e) {
        return Optional.empty();
      }
      lowest = seen[0];
    }
    return Optional.empty();
  }

  /** The monic polynomial of degree e with the given coordinates below its leading 1. */
  private static List<FieldElement> monic(NumberField f, List<BigFraction> x, int e) {
    int d = f.degree();
    List<FieldElement> q = new ArrayList<>();
    for (int i = 0; i < e; i++) {
      q.add(f.element(x.subList(i * d, (i + 1) * d)));
    }
    q.add(f.one());
    return q;
  }

  /** Whether the monic q divides a over K (the remainder needs no inverse). */
  private static boolean divides(List<FieldElement> q, List<FieldElement> a) {
    int e = q.size() - 1;
    List<FieldElement> r = new ArrayList<>(a);
    for (int top = r.size() - 1; top >= e; top--) {
      Deadline.checkCurrent();
      FieldElement c = r.get(top);
      if (c.isZero()) {
        continue;
      }
      for (int i = 0; i < e; i++) {
        r.set(top - e + i, r.get(top - e + i).subtract(c.multiply(q.get(i))));
      }
    }
    for (int i = 0; i < Math.min(e, r.size()); i++) {
      if (!r.get(i).isZero()) {
        return false;
      }
    }
    return true;
  }

  /** m modulo p, monic, or null when p divides a denominator of m. */
  private record Modulus(List<BigFraction> coefficients) {
    static Modulus of(NumberField f) {
      return new Modulus(f.minimalPolynomial());
    }

    long[] modulo(long p) {
      long[] out = new long[coefficients.size()];
      for (int i = 0; i < out.length; i++) {
        BigFraction c = coefficients.get(i);
        long den = ModularInverse.mod(c.getDenominator(), p);
        if (den == 0) {
          return null;
        }
        out[i] = ModularInverse.mulmod(ModularInverse.mod(c.getNumerator(), p),
            ModularInverse.inverse(den, p), p);
      }
      return out;
    }
  }

  /**
   * The monic gcd of a and b modulo p (coefficients long[d] over 1, t, .., t^(d-1)), or null when
   * p is unlucky: it divides a denominator, or Euclid meets a leading coefficient that is not a
   * unit of F_p[t]/(m).
   */
  private static long[][] image(List<FieldElement> a, List<FieldElement> b, Modulus modulus, long p) {
    long[] m = modulus.modulo(p);
    if (m == null) {
      return null;
    }
    long[][] x = reduce(a, p);
    long[][] y = reduce(b, p);
    if (x == null || y == null || x.length < a.size() || y.length < b.size()) {
      return null; // a leading coefficient vanishes modulo p
    }
    if (ModularInverse.inverseModulo(x[x.length - 1], m, p) == null) {
      return null;
    }
    while (!isZero(y)) {
      long[][] r = remainder(x, y, m, p);
      if (r == null) {
        return null;
      }
      x = y;
      y = r;
    }
    long[] inv = ModularInverse.inverseModulo(x[x.length - 1], m, p);
    if (inv == null) {
      return null;
    }
    long[][] out = new long[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = times(x[i], inv, m, p);
    }
    return out;
  }

  private static boolean isZero(long[][] a) {
    return a.length == 1 && ModularInverse.degree(a[0]) < 0;
  }

  /** The coefficients modulo p, trimmed; null when p divides a denominator. */
  private static long[][] reduce(List<FieldElement> a, long p) {
    int d = a.get(0).field().degree();
    long[][] out = new long[a.size()][];
    for (int i = 0; i < a.size(); i++) {
      FieldElement c = a.get(i);
      long den = ModularInverse.mod(c.denominator(), p);
      if (den == 0) {
        return null;
      }
      long inv = ModularInverse.inverse(den, p);
      BigInteger[] num = c.numerators();
      out[i] = new long[d];
      for (int j = 0; j < d; j++) {
        out[i][j] = ModularInverse.mulmod(ModularInverse.mod(num[j], p), inv, p);
      }
    }
    return trim(out);
  }

  private static long[][] trim(long[][] a) {
    int n = a.length;
    while (n > 1 && ModularInverse.degree(a[n - 1]) < 0) {
      n--;
    }
    return java.util.Arrays.copyOf(a, n);
  }

  /** x mod y in (F_p[t]/(m))[x], or null when y's leading coefficient is not a unit. */
  private static long[][] remainder(long[][] x, long[][] y, long[] m, long p) {
    int e = y.length - 1;
    long[] inv = ModularInverse.inverseModulo(y[e], m, p);
    if (inv == null) {
      return null;
    }
    long[][] r = x.clone();
    for (int top = r.length - 1; top >= e; top--) {
      if (ModularInverse.degree(r[top]) < 0) {
        continue;
      }
      long[] c = times(r[top], inv, m, p);
      for (int i = 0; i <= e; i++) {
        r[top - e + i] = ModularInverse.subtract(r[top - e + i], times(c, y[i], m, p), p);
      }
    }
    return trim(java.util.Arrays.copyOf(r, Math.min(r.length, Math.max(1, e))));
  }

  /** u v mod (m, p), padded to d coordinates. */
  private static long[] times(long[] u, long[] v, long[] m, long p) {
    long[] r = ModularInverse.divide(ModularInverse.multiply(u, v, p), m, p)[1];
    return java.util.Arrays.copyOf(r, m.length - 1);
  }
}
