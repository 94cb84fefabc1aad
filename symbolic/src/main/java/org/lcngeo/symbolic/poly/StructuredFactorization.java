package org.lcngeo.symbolic.poly;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.Monomial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Factoring over Q of a univariate pi_1(v) that uses the sparse structure of eq. (8): the end-to-end
 * polynomial of a network with dilations t_l is a product of polynomials in z^{t_l}, and splitting
 * those parts off first turns one hard factoring problem (degree 30 for workload W2, where the
 * Zassenhaus recombination of JAS meets dozens of modular factors) into several small ones.
 *
 * <p>The largest divisor of u (u(0) != 0) in Q[z^T] is M(z^T) with M = gcd_r U_r, where u(z) =
 * sum_{r < T} z^r U_r(z^T): a polynomial q(z^T) with q(0) != 0 divides u exactly when it divides
 * u(zeta^j z) for every T-th root of unity zeta, hence (discrete Fourier inversion) every z^r
 * U_r(z^T), hence every U_r. For T in the given list, largest first, M(w) is split off and
 * factored in w (degree deg u / T); each of its factors g(z^T), and what remains, is then factored
 * by JAS ({@link RationalFactorization}, verified). Equal factors from different pieces are merged
 * and the whole product is checked against the input again. Cost: gcds of T polynomials of degree
 * deg u / T per dilation, plus the factoring of the pieces.
 */
public final class StructuredFactorization {
  private StructuredFactorization() {}

  /**
   * Factors a non-zero univariate polynomial (variable index 0).
   *
   * @param dilations the T to try (values below 2 are ignored), in any order
   */
  public static RationalFactorization of(GenPolynomial<BigRational> p, long[] dilations) {
    if (p.isZERO() || p.ring.nvar != 1) {
      return RationalFactorization.of(p);
    }
    GenPolynomialRing<BigRational> ring = p.ring;
    long zeroRoot = Long.MAX_VALUE;
    for (Monomial<BigRational> m : p) {
      zeroRoot = Math.min(zeroRoot, m.e.getVal(0));
    }
    GenPolynomial<BigRational> rest = shift(p, -zeroRoot);
    Map<GenPolynomial<BigRational>, Long> pieces = new LinkedHashMap<>();
    long[] ts = dilations.clone();
    java.util.Arrays.sort(ts);
    for (int i = ts.length - 1; i >= 0; i--) {
      long t = ts[i];
      if (t < 2 || (i + 1 < ts.length && ts[i + 1] == t) || rest.degree(0) < t) {
        continue;
      }
      GenPolynomial<BigRational> m = largestDivisorInPowers(rest, t);
      if (m.degree(0) == 0) {
        continue;
      }
      GenPolynomial<BigRational> mt = RootOrbits.substitutePower(m, t);
      GenPolynomial<BigRational>[] qr = rest.quotientRemainder(mt);
      if (!qr[1].isZERO()) {
        throw new IllegalStateException("M(z^" + t + ") does not divide the polynomial");
      }
      rest = qr[0];
      for (RationalFactorization.Factor g : RationalFactorization.of(m).factors()) {
        pieces.merge(RootOrbits.substitutePower(g.polynomial(), t), g.multiplicity(), Long::sum);
      }
    }
    pieces.merge(rest, 1L, Long::sum);
    Map<GenPolynomial<BigRational>, Long> factors = new LinkedHashMap<>();
    if (zeroRoot > 0) {
      factors.put(ring.univariate(0), zeroRoot);
    }
    for (Map.Entry<GenPolynomial<BigRational>, Long> piece : pieces.entrySet()) {
      if (piece.getKey().isConstant()) {
        continue;
      }
      for (RationalFactorization.Factor f : RationalFactorization.of(piece.getKey()).factors()) {
        factors.merge(f.polynomial(), f.multiplicity() * piece.getValue(), Long::sum);
      }
    }
    List<RationalFactorization.Factor> list = new ArrayList<>();
    factors.forEach((f, e) -> list.add(new RationalFactorization.Factor(f, e)));
    return RationalFactorization.assemble(p, list);
  }

  /** M(w) = gcd_r U_r(w), monic; u(0) must be non-zero. */
  static GenPolynomial<BigRational> largestDivisorInPowers(GenPolynomial<BigRational> u, long t) {
    GenPolynomialRing<BigRational> ring = u.ring;
    List<GenPolynomial<BigRational>> residues = new ArrayList<>();
    for (int r = 0; r < t; r++) {
      residues.add(ring.getZERO().copy());
    }
    for (Monomial<BigRational> m : u) {
      long e = m.e.getVal(0);
      GenPolynomial<BigRational> ur = residues.get((int) (e % t));
      ur.doPutToMap(ExpVector.create(1, 0, e / t), m.c);
    }
    GenPolynomial<BigRational> g = ring.getZERO();
    for (GenPolynomial<BigRational> ur : residues) {
      if (!ur.isZERO()) {
        g = g.isZERO() ? ur : g.gcd(ur);
        if (g.isConstant()) {
          return ring.getONE();
        }
      }
    }
    return g.monic();
  }

  private static GenPolynomial<BigRational> shift(GenPolynomial<BigRational> p, long by) {
    GenPolynomial<BigRational> q = p.ring.getZERO().copy();
    for (Monomial<BigRational> m : p) {
      q.doPutToMap(ExpVector.create(1, 0, m.e.getVal(0) + by), m.c);
    }
    return q;
  }
}
