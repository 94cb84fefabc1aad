package org.lcngeo.symbolic.poly;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.Monomial;
import java.util.ArrayList;
import java.util.List;

/**
 * Orbits of roots under the T-th roots of unity, computed over Q (for the 1-D fibers of eq. 8).
 *
 * <p>A polynomial lies in C[z^T] exactly when its roots (with multiplicity) are closed under z ->
 * zeta z for every T-th root of unity zeta. For a Q-irreducible f with root alpha, let g be the
 * minimal polynomial of alpha^T over Q. Then g(z^T) is the smallest polynomial in Q[z^T] divisible
 * by f; it is squarefree (for f != z) and its Q-irreducible factors are exactly the f' whose roots
 * have T-th powers conjugate to alpha^T, each one containing a T-th root of every root of g (the
 * Galois group acts transitively on the roots of g). So the part of a polynomial u that lies in
 * Q[z^T] (its largest divisor there, which is also its largest divisor in R[z^T] and C[z^T]) is
 * the product of g(z^T)^{m_g} over the blocks {f' : g_{f'} = g} whose degrees add up to T deg g,
 * with m_g the least exponent in u of the block's members.
 */
public final class RootOrbits {
  private RootOrbits() {}

  /**
   * The minimal polynomial over Q of alpha^T for a root alpha of the univariate Q-irreducible f
   * (variable index 0), as a primitive polynomial in the same variable with positive leading
   * coefficient. Linear algebra in Q[z]/(f): the first linear dependency among the powers of
   * z^T mod f.
   */
  public static GenPolynomial<BigRational> minimalPolynomialOfPower(
      GenPolynomial<BigRational> f, long t) {
    GenPolynomialRing<BigRational> ring = f.ring;
    int n = (int) f.degree(0);
    if (t == 1) {
      return normalize(f);
    }
    GenPolynomial<BigRational> r = powerMod(ring.univariate(0), t, f);
    // rows: reduced basis vectors with pivot columns, and their expressions in powers of r
    List<BigRational[]> basis = new ArrayList<>();
    List<BigRational[]> combos = new ArrayList<>();
    List<Integer> pivots = new ArrayList<>();
    GenPolynomial<BigRational> power = ring.getONE();
    for (int k = 0; k <= n; k++) {
      BigRational[] vec = vector(power, n);
      BigRational[] combo = new BigRational[n + 1];
      java.util.Arrays.fill(combo, BigRational.ZERO);
      combo[k] = BigRational.ONE;
      for (int i = 0; i < basis.size(); i++) {
        BigRational c = vec[pivots.get(i)];
        if (!c.isZERO()) {
          BigRational[] b = basis.get(i);
          BigRational[] bc = combos.get(i);
          for (int j = 0; j < n; j++) {
            vec[j] = vec[j].subtract(c.multiply(b[j]));
          }
          for (int j = 0; j <= n; j++) {
            combo[j] = combo[j].subtract(c.multiply(bc[j]));
          }
        }
      }
      int pivot = -1;
      for (int j = 0; j < n; j++) {
        if (!vec[j].isZERO()) {
          pivot = j;
          break;
        }
      }
      if (pivot < 0) {
        GenPolynomial<BigRational> g = ring.getZERO();
        for (int j = 0; j <= k; j++) {
          g = g.sum(combo[j], ExpVector.create(1, 0, j));
        }
        return normalize(g);
      }
      BigRational inv = vec[pivot].inverse();
      for (int j = 0; j < n; j++) {
        vec[j] = vec[j].multiply(inv);
      }
      for (int j = 0; j <= n; j++) {
        combo[j] = combo[j].multiply(inv);
      }
      basis.add(vec);
      combos.add(combo);
      pivots.add(pivot);
      power = power.multiply(r).remainder(f);
    }
    throw new IllegalStateException("no linear dependency among " + (n + 1) + " vectors of Q^" + n);
  }

  /** p(z^T): every exponent multiplied by T. */
  public static GenPolynomial<BigRational> substitutePower(GenPolynomial<BigRational> p, long t) {
    GenPolynomial<BigRational> q = p.ring.getZERO().copy();
    for (Monomial<BigRational> mono : p) {
      q.doPutToMap(mono.e.scalarMultiply(t), mono.c);
    }
    return q;
  }

  /** Primitive integer coefficients, positive leading coefficient. */
  public static GenPolynomial<BigRational> normalize(GenPolynomial<BigRational> p) {
    GenPolynomialRing<edu.jas.arith.BigInteger> iring =
        new GenPolynomialRing<>(edu.jas.arith.BigInteger.ONE, p.ring);
    GenPolynomial<edu.jas.arith.BigInteger> ip =
        edu.jas.poly.PolyUtil.integerFromRationalCoefficients(iring, p);
    java.math.BigInteger content = java.math.BigInteger.ZERO;
    for (edu.jas.arith.BigInteger c : ip.getMap().values()) {
      content = content.gcd(c.getVal());
    }
    edu.jas.arith.BigInteger divisor = new edu.jas.arith.BigInteger(
        ip.signum() < 0 ? content.negate() : content);
    return edu.jas.poly.PolyUtil.fromIntegerCoefficients(p.ring, ip.divide(divisor));
  }

  private static GenPolynomial<BigRational> powerMod(
      GenPolynomial<BigRational> x, long e, GenPolynomial<BigRational> f) {
    GenPolynomial<BigRational> result = x.ring.getONE();
    GenPolynomial<BigRational> base = x.remainder(f);
    while (e > 0) {
      if ((e & 1) == 1) {
        result = result.multiply(base).remainder(f);
      }
      base = base.multiply(base).remainder(f);
      e >>= 1;
    }
    return result;
  }

  private static BigRational[] vector(GenPolynomial<BigRational> p, int n) {
    BigRational[] v = new BigRational[n];
    java.util.Arrays.fill(v, BigRational.ZERO);
    for (Monomial<BigRational> mono : p) {
      v[(int) mono.e.getVal(0)] = mono.c;
    }
    return v;
  }
}
