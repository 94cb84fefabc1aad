package org.lcngeo.symbolic.poly;

import cc.redberry.rings.poly.AlgebraicNumberField;
import cc.redberry.rings.Rational;
import cc.redberry.rings.Rings;
import cc.redberry.rings.poly.PolynomialFactorDecomposition;
import cc.redberry.rings.poly.multivar.MonomialOrder;
import cc.redberry.rings.poly.multivar.Monomial;
import cc.redberry.rings.poly.multivar.MultivariateFactorization;
import cc.redberry.rings.poly.multivar.MultivariatePolynomial;
import cc.redberry.rings.poly.univar.UnivariatePolynomial;
import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.ufd.FactorFactory;
import edu.jas.ufd.GreatestCommonDivisor;
import edu.jas.ufd.GCDFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.symbolic.linalg.ExactLinearAlgebra;

/**
 * The absolutely irreducible components of a Q-irreducible polynomial f in several variables, as
 * the conjugates of one of them: f = c * prod_sigma G^sigma over the embeddings sigma of the field
 * of definition Q(gamma) of G (Trager's method, with a specialisation).
 *
 * <p>Specialise all variables but one, x, to small integers c with f(x, c) squarefree of full
 * degree, take an irreducible factor h of f(x, c) over Q of least degree and a root alpha of it.
 * The point (alpha, c) lies on exactly one absolutely irreducible component (f(x, c) is
 * squarefree), every automorphism fixing alpha maps that component to one through (alpha, c),
 * so it is defined over Q(alpha): it is the factor G of f over Q(alpha) (Rings' factorisation over
 * algebraic number fields) that vanishes at (alpha, c). Normalised monic, its coefficients generate
 * its field of definition; a primitive element gamma (an integer combination of them) has a
 * minimal polynomial of degree N = deg f / deg G, the number of components, and every coefficient
 * is written as a polynomial in gamma by linear algebra over Q. The real embeddings of Q(gamma)
 * (the real roots of its minimal polynomial) give the real components of f; the others come in
 * complex-conjugate pairs, each pair's product a real irreducible factor. Every step is checked
 * exactly: G divides f over Q(alpha), the degree count, the representation in gamma.
 */
public final class AbsoluteComponents {
  /**
   * The components of f.
   *
   * @param count N, the number of absolutely irreducible components (1: f is absolutely
   *     irreducible)
   * @param minimalPolynomial the minimal polynomial over Q of gamma, monic, lowest degree first
   *     (degree N; [1, ...] meaningless when N = 1)
   * @param terms G = sum over terms of c_j(gamma) z^e_j, monic in its leading term
   */
  public record Components(
      int count, List<BigFraction> minimalPolynomial, List<Term> terms) {}

  /** One term of G: its exponents (variable m at index m) and its coefficient as a polynomial in gamma. */
  public record Term(int[] exponents, List<BigFraction> coefficientInGamma) {}

  /** Bound on [Q(alpha) : Q]: beyond it the components are not computed. */
  public static final int MAX_ALPHA_DEGREE = 6;

  private static final int MAX_POINTS = 200;
  private static final int MAX_COMBINATIONS = 20;

  private AbsoluteComponents() {}

  /**
   * The components of a Q-irreducible f depending on at least two variables.
   *
   * @return the components, or empty when Q(alpha) would exceed {@link #MAX_ALPHA_DEGREE}
   * @throws IllegalStateException when a check fails (a library error)
   */
  public static java.util.Optional<Components> of(GenPolynomial<BigRational> f) {
    int nv = f.ring.nvar;
    int x = -1;
    long best = 0;
    for (int m = 0; m < nv; m++) {
      long d = LayerPolynomials.degree(f, m);
      if (d > best) {
        best = d;
        x = m;
      }
    }
    GenPolynomialRing<BigRational> uring = new GenPolynomialRing<>(BigRational.ONE, 1);
    GreatestCommonDivisor<BigRational> gcd = GCDFactory.getImplementation(BigRational.ONE);
    long[] point = null;
    GenPolynomial<BigRational> u = null;
    for (int i = 0; i < MAX_POINTS && point == null; i++) {
      Deadline.checkCurrent();
      long[] c = candidate(i, nv);
      GenPolynomial<BigRational> s = specialise(f, x, c, uring);
      if (s.degree(0) == best && gcd.gcd(s, edu.jas.poly.PolyUtil.baseDerivative(s)).isConstant()) {
        point = c;
        u = s;
      }
    }
    if (point == null) {
      throw new IllegalStateException("no squarefree specialisation of " + f + " found");
    }
    SortedMap<GenPolynomial<BigRational>, Long> factors =
        FactorFactory.getImplementation(BigRational.ONE).factors(u);
    GenPolynomial<BigRational> h = null;
    for (GenPolynomial<BigRational> g : factors.keySet()) {
      if (!g.isConstant() && (h == null || g.degree(0) < h.degree(0))) {
        h = g;
      }
    }
    if (h.degree(0) == 1) {
      // alpha rational: the component through (alpha, c) is defined over Q, so it is f itself
      return java.util.Optional.of(new Components(1, List.of(BigFraction.ONE), List.of()));
    }
    if (h.degree(0) > MAX_ALPHA_DEGREE) {
      return java.util.Optional.empty();
    }
    int n = (int) h.degree(0);
    @SuppressWarnings("unchecked")
    Rational<cc.redberry.rings.bigint.BigInteger>[] hc = new Rational[n + 1];
    for (int j = 0; j <= n; j++) {
      hc[j] = rational(h.coefficient(edu.jas.poly.ExpVector.create(1, 0, j)));
    }
    UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>> minimal =
        UnivariatePolynomial.create(Rings.Q, hc);
    AlgebraicNumberField<UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>>> k =
        Rings.AlgebraicNumberField(minimal);
    MultivariatePolynomial<UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>>> big =
        toRings(f, k);
    PolynomialFactorDecomposition<MultivariatePolynomial<
        UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>>>> decomposition =
            MultivariateFactorization.Factor(big);
    UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>> alpha =
        UnivariatePolynomial.create(Rings.Q, Rings.Q.getZero(), Rings.Q.getOne());
    @SuppressWarnings("unchecked")
    UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>>[] at =
        new UnivariatePolynomial[nv];
    for (int m = 0; m < nv; m++) {
      at[m] = m == x ? alpha : k.valueOf(point[m]);
    }
    MultivariatePolynomial<UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>>> g =
        null;
    for (int i = 0; i < decomposition.size(); i++) {
      var factor = decomposition.get(i);
      if (!factor.isConstant() && k.isZero(factor.evaluate(at))) {
        if (g != null) {
          throw new IllegalStateException("two factors of " + f + " through one simple point");
        }
        g = factor;
      }
    }
    if (!decomposition.multiply().equals(big) || g == null) {
      throw new IllegalStateException("the factorisation of " + f + " over Q(alpha) does not"
          + " multiply back to it");
    }
    g = g.monic();
    int total = big.degree();
    if (g.degree() == 0 || total % g.degree() != 0) {
      throw new IllegalStateException("component of degree " + g.degree() + " of " + f);
    }
    int count = total / g.degree();
    if (count == 1) {
      return java.util.Optional.of(new Components(1, List.of(BigFraction.ONE), List.of()));
    }
    List<Monomial<UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>>>> monomials =
        new ArrayList<>(g.collection());
    List<List<BigFraction>> coefficients = new ArrayList<>();
    for (var mono : monomials) {
      coefficients.add(vector(mono.coefficient, n));
    }
    for (int attempt = 1; attempt <= MAX_COMBINATIONS; attempt++) {
      Deadline.checkCurrent();
      UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>> gamma = k.getZero();
      long weight = 1;
      for (var mono : monomials) {
        gamma = k.add(gamma, k.multiply(mono.coefficient, k.valueOf(weight)));
        weight = weight * (attempt + 1) % 1_000_003;
      }
      // columns gamma^0 .. gamma^(count - 1), and gamma^count
      List<List<BigFraction>> columns = new ArrayList<>();
      UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>> power = k.getOne();
      for (int j = 0; j <= count; j++) {
        columns.add(vector(power, n));
        power = k.multiply(power, gamma);
      }
      List<List<BigFraction>> a = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        List<BigFraction> row = new ArrayList<>();
        for (int j = 0; j < count; j++) {
          row.add(columns.get(j).get(r));
        }
        a.add(row);
      }
      if (ExactLinearAlgebra.rank(a) < count) {
        continue;
      }
      List<BigFraction> relation = ExactLinearAlgebra.solve(a, columns.get(count));
      if (relation == null) {
        continue; // gamma has degree above count: G is not what the count says
      }
      List<BigFraction> mp = new ArrayList<>();
      for (BigFraction r : relation) {
        mp.add(r.negate());
      }
      mp.add(BigFraction.ONE);
      List<Term> terms = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < monomials.size() && ok; i++) {
        List<BigFraction> c = ExactLinearAlgebra.solve(a, coefficients.get(i));
        ok = c != null;
        terms.add(new Term(monomials.get(i).exponents.clone(), c));
      }
      if (ok) {
        return java.util.Optional.of(new Components(count, List.copyOf(mp), List.copyOf(terms)));
      }
    }
    throw new IllegalStateException("no primitive element of the field of definition of a"
        + " component of " + f + " found");
  }

  /** The i-th candidate specialisation point: 0, 1, -1, 2, -2, ... in mixed radix. */
  private static long[] candidate(int i, int nv) {
    long[] c = new long[nv];
    int rest = i;
    for (int m = 0; m < nv; m++) {
      int digit = rest % 7;
      rest /= 7;
      c[m] = (digit + 1) / 2 * (digit % 2 == 1 ? 1 : -1) + (i >= 343 ? i : 0);
    }
    return c;
  }

  private static GenPolynomial<BigRational> specialise(
      GenPolynomial<BigRational> f, int x, long[] c, GenPolynomialRing<BigRational> uring) {
    GenPolynomial<BigRational> s = uring.getZERO();
    for (edu.jas.poly.Monomial<BigRational> mono : f) {
      BigRational coefficient = mono.c;
      for (int m = 0; m < f.ring.nvar; m++) {
        if (m != x) {
          coefficient = coefficient.multiply(
              new BigRational(BigInteger.valueOf(c[m]).pow((int) mono.e.getVal(m))));
        }
      }
      s = s.sum(uring.valueOf(coefficient).multiply(uring.univariate(0, mono.e.getVal(x))));
    }
    return s;
  }

  private static Rational<cc.redberry.rings.bigint.BigInteger> rational(BigRational q) {
    return new Rational<>(Rings.Z, new cc.redberry.rings.bigint.BigInteger(q.numerator()),
        new cc.redberry.rings.bigint.BigInteger(q.denominator()));
  }

  private static MultivariatePolynomial<UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>>>
      toRings(GenPolynomial<BigRational> f,
          AlgebraicNumberField<UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>>> k) {
    int nv = f.ring.nvar;
    List<Monomial<UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>>>> terms =
        new ArrayList<>();
    for (edu.jas.poly.Monomial<BigRational> mono : f) {
      int[] e = new int[nv];
      for (int m = 0; m < nv; m++) {
        e[m] = (int) mono.e.getVal(m);
      }
      terms.add(new Monomial<>(e, UnivariatePolynomial.constant(Rings.Q, rational(mono.c))));
    }
    return MultivariatePolynomial.create(nv, k, MonomialOrder.DEFAULT, terms);
  }

  /** The coordinates of an element of Q(alpha) in the basis 1, alpha, ..., alpha^(n-1). */
  private static List<BigFraction> vector(
      UnivariatePolynomial<Rational<cc.redberry.rings.bigint.BigInteger>> e, int n) {
    List<BigFraction> v = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Rational<cc.redberry.rings.bigint.BigInteger> r = i <= e.degree() ? e.get(i) : Rings.Q.getZero();
      v.add(new BigFraction(new BigInteger(r.numerator().toString()),
          new BigInteger(r.denominator().toString())));
    }
    return v;
  }
}
