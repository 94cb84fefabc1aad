package org.lcngeo.symbolic.poly;

import edu.jas.arith.BigRational;
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
 * </ul>
 *
 * No certificate means the factor might split over R; callers report that instead of assuming.
 */
public final class RealIrreducibility {
  private RealIrreducibility() {}

  /** A one-line certificate that the Q-irreducible f is irreducible over R, or empty. */
  public static Optional<String> certificate(GenPolynomial<BigRational> f) {
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
      if (LayerPolynomials.degree(f, m) == 1) {
        return Optional.of("degree 1 in " + name(ring, m));
      }
    }
    for (int m = 0; m < ring.nvar; m++) {
      if (LayerPolynomials.degree(f, m) == 2 && !isRealSquare(discriminant(f, m))) {
        return Optional.of("quadratic in " + name(ring, m) + ", discriminant not a square over R");
      }
    }
    return Optional.empty();
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
    GenPolynomialRing<BigRational> ring = f.ring;
    @SuppressWarnings("unchecked")
    GenPolynomial<BigRational>[] c = new GenPolynomial[3];
    for (int i = 0; i < 3; i++) {
      c[i] = ring.getZERO();
    }
    for (Monomial<BigRational> mono : f) {
      int i = (int) mono.e.getVal(m);
      c[i] = c[i].sum(mono.c, mono.e.subst(m, 0));
    }
    return c[1].multiply(c[1]).subtract(c[0].multiply(c[2]).multiply(new BigRational(4)));
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
