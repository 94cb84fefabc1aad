package org.lcngeo.symbolic.poly;

import edu.jas.arith.BigInteger;
import edu.jas.arith.BigRational;
import edu.jas.arith.ModLong;
import edu.jas.arith.ModLongRing;
import edu.jas.poly.PolyUtil;
import edu.jas.ufd.FactorFactory;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.Monomial;
import java.util.Optional;

/**
 * Certificates that a Q-irreducible polynomial stays irreducible over R, which is what makes a
 * fiber computed from the factorisation over Q complete over R.
 *
 * <p>Certificates (each a proof, never a tolerance):
 *
 * <ul>
 *   <li>depending on one variable: linear, or quadratic with a negative discriminant (every other
 *       univariate polynomial of degree at least 2 has a real root or is a product of real
 *       quadratics, so it splits over R);
 *   <li>degree 1 in some variable z_m: a real factor free of z_m would divide both coefficients,
 *       whose gcd over R equals their gcd over Q, which is 1 for a Q-irreducible polynomial;
 *   <li>degree 2 in some variable z_m with discriminant b^2 - 4ac (a polynomial in the other
 *       variables) that is not a square in R[z']: a real factorisation would be into two factors
 *       linear in z_m, which requires a square discriminant. The discriminant is a square in
 *       R[z'] if and only if every exponent of its factorisation over Q is even and its unit is
 *       positive (an odd exponent of a squarefree Q-factor is odd for its real factors too).
 *   <li>absolutely irreducible by reduction modulo a prime p: f mod p keeps its total degree, is
 *       irreducible over F_p (primitive in one variable, with an irreducible univariate
 *       specialisation of full degree) and has a smooth F_p-rational point. Then f mod p is absolutely
 *       irreducible (the Frobenius fixes the only absolutely irreducible component through the
 *       smooth rational point, so that component is defined over F_p and is all of f mod p), and
 *       so is f (a factorisation over a number field, normalised at a prime above p, would reduce
 *       to one of f mod p with the same degrees). An absolutely irreducible f is irreducible over
 *       R.
 * </ul>
 *
 * No certificate means the factor might split over R; callers report that instead of assuming.
 */
public final class RealIrreducibility {
  private RealIrreducibility() {}

  /**
   * A one-line certificate that f is irreducible over R, or empty. For f depending on one variable
   * it assumes that f is irreducible over Q (univariate factoring is exhaustive); for several
   * variables it proves everything it claims, the primitivity included.
   */
  public static Optional<String> certificate(GenPolynomial<BigRational> f) {
    Optional<String> cheap = cheapCertificate(f);
    return cheap.isPresent() || dependsOnOne(f) ? cheap : absolutelyIrreducible(f);
  }

  private static boolean dependsOnOne(GenPolynomial<BigRational> f) {
    int used = 0;
    for (int m = 0; m < f.ring.nvar; m++) {
      if (LayerPolynomials.degree(f, m) > 0) {
        used++;
      }
    }
    return used <= 1;
  }

  /** The certificates from degrees 1 and 2 (no reduction modulo p). */
  static Optional<String> cheapCertificate(GenPolynomial<BigRational> f) {
    GenPolynomialRing<BigRational> ring = f.ring;
    int used = 0;
    int only = -1;
    for (int m = 0; m < ring.nvar; m++) {
      if (LayerPolynomials.degree(f, m) > 0) {
        used++;
        only = m;
      }
    }
    if (used == 0) {
      return Optional.empty();
    }
    if (used == 1) {
      long d = LayerPolynomials.degree(f, only);
      if (d == 1) {
        return Optional.of("linear");
      }
      if (d == 2 && univariateDiscriminant(f, only).signum() < 0) {
        return Optional.of("quadratic, negative discriminant");
      }
      return Optional.empty();
    }
    for (int m = 0; m < ring.nvar; m++) {
      if (LayerPolynomials.degree(f, m) == 1 && isPrimitive(f, m)) {
        return Optional.of("degree 1 in " + name(ring, m) + ", primitive");
      }
    }
    for (int m = 0; m < ring.nvar; m++) {
      if (LayerPolynomials.degree(f, m) == 2 && isPrimitive(f, m)
          && !isRealSquare(discriminant(f, m))) {
        return Optional.of(
            "quadratic in " + name(ring, m) + ", primitive, discriminant not a square over R");
      }
    }
    return Optional.empty();
  }

  /** Whether the coefficients of f as a polynomial in z_m have no common factor. */
  private static boolean isPrimitive(GenPolynomial<BigRational> f, int m) {
    GenPolynomial<BigRational>[] c = coefficients(f, m);
    edu.jas.ufd.GreatestCommonDivisor<BigRational> engine =
        edu.jas.ufd.GCDFactory.getImplementation(BigRational.ONE);
    GenPolynomial<BigRational> g = f.ring.getZERO();
    for (GenPolynomial<BigRational> ci : c) {
      if (!ci.isZERO()) {
        g = g.isZERO() ? ci : engine.gcd(g, ci);
        if (g.isConstant()) {
          return true;
        }
      }
    }
    return g.isConstant();
  }

  private static final long[] PRIMES = {101, 103, 107, 109, 113, 127, 131, 137, 139, 149};

  private static final java.util.Map<GenPolynomial<BigRational>, Optional<String>> PROVEN =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * A proof that f (depending on at least two variables) is absolutely irreducible, by reduction
   * modulo a small prime (see the class comment), or empty. Only univariate factoring over F_p
   * (exhaustive) and gcds are used. Results are remembered per polynomial.
   */
  public static Optional<String> absolutelyIrreducible(GenPolynomial<BigRational> f) {
    Optional<String> known = PROVEN.get(f);
    if (known == null) {
      known = absolutelyIrreducibleModP(f);
      PROVEN.put(f, known);
    }
    return known;
  }

  private static Optional<String> absolutelyIrreducibleModP(GenPolynomial<BigRational> f) {
    GenPolynomialRing<BigInteger> iring = new GenPolynomialRing<>(BigInteger.ONE, f.ring);
    GenPolynomial<BigInteger> fi = PolyUtil.integerFromRationalCoefficients(iring, f);
    int n = f.ring.nvar;
    int main = -1;
    for (int m = 0; m < n; m++) {
      if (LayerPolynomials.degree(f, m) > 0) {
        main = m;
        break;
      }
    }
    for (long p : PRIMES) {
      ModLongRing fp = new ModLongRing(p);
      GenPolynomialRing<ModLong> pring = new GenPolynomialRing<>(fp, f.ring);
      GenPolynomial<ModLong> fbar = PolyUtil.fromIntegerCoefficients(pring, fi);
      if (fbar.totalDegree() != fi.totalDegree()) {
        continue;
      }
      java.util.Random random = new java.util.Random(p);
      long[] point = smoothPoint(fbar, p, main, random);
      if (point == null || !irreducibleModP(fbar, fp, main, random)) {
        continue;
      }
      StringBuilder at = new StringBuilder();
      for (int m = 0; m < n; m++) {
        at.append(m == 0 ? "" : ", ").append(name(f.ring, m)).append('=').append(point[m]);
      }
      return Optional.of("absolutely irreducible: irreducible mod " + p
          + " with the smooth point (" + at + ")");
    }
    return Optional.empty();
  }

  /**
   * A proof that f is irreducible over F_p: f is primitive as a polynomial in z_main (its
   * coefficients have no common factor), and for some values c of the other variables f(z_main,
   * c) keeps its degree in z_main and is irreducible over F_p. (A factorisation g h with both
   * factors of positive degree in z_main would give one of f(z_main, c); a factor of degree 0
   * would divide every coefficient.) False means "not proven".
   */
  private static boolean irreducibleModP(
      GenPolynomial<ModLong> f, ModLongRing fp, int main, java.util.Random random) {
    int n = f.ring.nvar;
    long d = 0;
    for (Monomial<ModLong> mono : f) {
      d = Math.max(d, mono.e.getVal(main));
    }
    // content in z_main
    java.util.Map<Long, GenPolynomial<ModLong>> coefficients = new java.util.HashMap<>();
    for (Monomial<ModLong> mono : f) {
      coefficients.merge(mono.e.getVal(main),
          f.ring.getZERO().sum(mono.c, mono.e.subst(main, 0)), GenPolynomial::sum);
    }
    edu.jas.ufd.GreatestCommonDivisor<ModLong> gcd = edu.jas.ufd.GCDFactory.getImplementation(fp);
    GenPolynomial<ModLong> content = f.ring.getZERO();
    for (GenPolynomial<ModLong> c : coefficients.values()) {
      content = content.isZERO() ? c : gcd.gcd(content, c);
      if (content.isConstant()) {
        break;
      }
    }
    if (!content.isConstant()) {
      return false;
    }
    GenPolynomialRing<ModLong> uring = new GenPolynomialRing<>(fp, 1);
    edu.jas.ufd.FactorAbstract<ModLong> engine = FactorFactory.getImplementation(fp);
    long p = fp.getModul().longValue();
    for (int attempt = 0; attempt < 20 + 4 * d; attempt++) {
      long[] x = new long[n];
      for (int m = 0; m < n; m++) {
        x[m] = random.nextInt((int) p);
      }
      GenPolynomial<ModLong> u = uring.getZERO();
      for (Monomial<ModLong> mono : f) {
        long c = mono.c.getVal() % p;
        for (int m = 0; m < n && c != 0; m++) {
          if (m != main) {
            for (long k = 0; k < mono.e.getVal(m); k++) {
              c = c * x[m] % p;
            }
          }
        }
        u = u.sum(fp.fromInteger(c), edu.jas.poly.ExpVector.create(1, 0, mono.e.getVal(main)));
      }
      if (u.degree(0) == d && engine.isIrreducible(u.monic())) {
        return true;
      }
    }
    return false;
  }

  /** A point of F_p^n on f with a non-zero gradient, searched along lines in variable main. */
  private static long[] smoothPoint(
      GenPolynomial<ModLong> f, long p, int main, java.util.Random random) {
    int n = f.ring.nvar;
    for (int attempt = 0; attempt < 4 * p; attempt++) {
      long[] x = new long[n];
      for (int m = 0; m < n; m++) {
        x[m] = random.nextInt((int) p);
      }
      for (long b = 0; b < p; b++) {
        x[main] = b;
        if (evaluate(f, x, p, -1) == 0) {
          for (int m = 0; m < n; m++) {
            if (evaluate(f, x, p, m) != 0) {
              return x.clone();
            }
          }
        }
      }
    }
    return null;
  }

  /** f(x) mod p, or its partial derivative in z_d when d >= 0. */
  private static long evaluate(GenPolynomial<ModLong> f, long[] x, long p, int d) {
    long s = 0;
    for (Monomial<ModLong> mono : f) {
      long c = mono.c.getVal() % p;
      for (int m = 0; m < x.length && c != 0; m++) {
        long e = mono.e.getVal(m);
        if (m == d) {
          if (e == 0) {
            c = 0;
            break;
          }
          c = c * (e % p) % p;
          e--;
        }
        for (long k = 0; k < e; k++) {
          c = c * x[m] % p;
        }
      }
      s = (s + c) % p;
    }
    return s;
  }

  /** The variable name of exponent index m. */
  public static String name(GenPolynomialRing<?> ring, int m) {
    return ring.getVars()[ring.nvar - 1 - m];
  }

  private static BigRational univariateDiscriminant(GenPolynomial<BigRational> f, int m) {
    BigRational[] c = new BigRational[3];
    java.util.Arrays.fill(c, BigRational.ZERO);
    for (Monomial<BigRational> mono : f) {
      c[(int) mono.e.getVal(m)] = mono.c;
    }
    return c[1].multiply(c[1]).subtract(c[0].multiply(c[2]).multiply(new BigRational(4)));
  }

  /** b^2 - 4ac for f = a z_m^2 + b z_m + c, a polynomial in the other variables. */
  static GenPolynomial<BigRational> discriminant(GenPolynomial<BigRational> f, int m) {
    GenPolynomial<BigRational>[] c = coefficients(f, m);
    return c[1].multiply(c[1]).subtract(c[0].multiply(c[2]).multiply(new BigRational(4)));
  }

  /** The coefficients of f as a polynomial in z_m (each free of z_m), lowest degree first. */
  private static GenPolynomial<BigRational>[] coefficients(GenPolynomial<BigRational> f, int m) {
    @SuppressWarnings("unchecked")
    GenPolynomial<BigRational>[] c = new GenPolynomial[(int) LayerPolynomials.degree(f, m) + 1];
    for (int i = 0; i < c.length; i++) {
      c[i] = f.ring.getZERO();
    }
    for (Monomial<BigRational> mono : f) {
      int i = (int) mono.e.getVal(m);
      c[i] = c[i].sum(mono.c, mono.e.subst(m, 0));
    }
    return c;
  }

  private static boolean isRealSquare(GenPolynomial<BigRational> d) {
    if (d.isZERO()) {
      return true;
    }
    RationalFactorization r = RationalFactorization.of(d);
    if (r.unit().signum() < 0) {
      return false;
    }
    return r.factors().stream().allMatch(f -> f.multiplicity() % 2 == 0);
  }
}
