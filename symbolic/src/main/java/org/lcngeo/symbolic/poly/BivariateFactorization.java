package org.lcngeo.symbolic.poly;

import edu.jas.arith.BigInteger;
import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.Monomial;
import edu.jas.poly.PolyUtil;
import edu.jas.ufd.FactorAbstract;
import edu.jas.ufd.FactorFactory;
import edu.jas.ufd.SquarefreeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.lcngeo.core.LimitExceededException;

/**
 * Factoring over Q of a polynomial in two variables x, y (the dehomogenised end-to-end filter of a
 * 2-D network, Lemma 9) by Zassenhaus' method with y-adic Hensel lifting (von zur Gathen and
 * Gerhard, <i>Modern Computer Algebra</i>, Ch. 15 and 16: evaluation, univariate factoring,
 * multifactor Hensel lifting, exhaustive recombination).
 *
 * <p>Steps: remove the contents in y and in x (univariate, factored by JAS); choose an integer a
 * with lc_x(p)(a) != 0 and p(x, a) squarefree, the one with fewest factors among the first few; factor
 * p(x, a) over Q (JAS, univariate: deterministic); lift the monic factors u_i to p(x, y + a) /
 * lc_x = prod G_i mod y^{deg_y p + 1} with the partial-fraction Bezout coefficients of the u_i;
 * test subsets of the G_i in order of size: lc · prod_S G_i mod y^{deg_y p + 1}, made primitive over
 * Q[y], is a factor exactly when it divides (exact division over Q[y]). A true factor always has
 * this form, so the factors found are <b>proven irreducible</b>: the search is exhaustive. Where no
 * squarefree evaluation point exists among the first integers, JAS's squarefree decomposition
 * comes first.
 *
 * <p>Cost: one univariate factoring per evaluation point tried; lifting O(r n^2) products of
 * polynomials of degree deg_x p in Q[x] (r factors of p(x, a), n = deg_y p + 1); recombination
 * 2^{r-1} subsets in the worst case, each one exact division (r is small for the end-to-end filters
 * of random networks: p(x, a) has few factors). JAS's own multivariate factoring (Wang's method)
 * takes 15-60 ms on workload W3 and sometimes reports a reducible polynomial as irreducible.
 */
final class BivariateFactorization {
  /** Evaluation points tried for the fewest univariate factors when the first gives many. */
  private static final int GOOD_POINTS = 4;
  /** A first evaluation point with at most this many factors is taken as it is. */
  private static final int FEW_FACTORS = 4;
  /** Recombination tests before the factoring is refused (2^{r-1} subsets in the worst case). */
  static final int MAX_SUBSETS = 1 << 16;
  /** Integers tried before falling back to a squarefree decomposition. */
  private static final int MAX_POINTS = 24;

  private final GenPolynomialRing<BigRational> ring;
  private final int x;
  private final int y;
  private final GenPolynomialRing<BigRational> qx =
      new GenPolynomialRing<>(BigRational.ONE, new String[] {"x"});
  private final GenPolynomialRing<BigRational> qy =
      new GenPolynomialRing<>(BigRational.ONE, new String[] {"y"});
  private final GenPolynomialRing<BigInteger> zx =
      new GenPolynomialRing<>(BigInteger.ONE, new String[] {"x"});
  private final FactorAbstract<BigInteger> univariate =
      FactorFactory.getImplementation(BigInteger.ONE);
  private final Map<GenPolynomial<BigRational>, Long> out = new LinkedHashMap<>();

  private BivariateFactorization(GenPolynomialRing<BigRational> ring, int x, int y) {
    this.ring = ring;
    this.x = x;
    this.y = y;
  }

  /**
   * The Q-irreducible factors of p (primitive integer coefficients, positive leading coefficient)
   * with their multiplicities, when p depends on exactly the variables x and y of its ring.
   */
  static Map<GenPolynomial<BigRational>, Long> factors(GenPolynomial<BigRational> p, int x, int y) {
    BivariateFactorization f = new BivariateFactorization(p.ring, x, y);
    f.withMultiplicity(f.dense(p), 1);
    return f.out;
  }

  // ------------------------------------------------------------- representation

  /** p as coefficients of x^i in Q[y]. */
  private List<GenPolynomial<BigRational>> dense(GenPolynomial<BigRational> p) {
    int dx = (int) LayerPolynomials.degree(p, x);
    List<GenPolynomial<BigRational>> c = new ArrayList<>();
    for (int i = 0; i <= dx; i++) {
      c.add(qy.getZERO());
    }
    for (Monomial<BigRational> m : p) {
      int i = (int) m.e.getVal(x);
      c.set(i, c.get(i).sum(qy.univariate(0, m.e.getVal(y)).multiply(m.c)));
    }
    return c;
  }

  private GenPolynomial<BigRational> sparse(List<GenPolynomial<BigRational>> c) {
    GenPolynomial<BigRational> p = ring.getZERO();
    for (int i = 0; i < c.size(); i++) {
      for (Monomial<BigRational> m : c.get(i)) {
        ExpVector e = ExpVector.create(ring.nvar, x, i).sum(ExpVector.create(ring.nvar, y, m.e.getVal(0)));
        p = p.sum(m.c, e);
      }
    }
    return p;
  }

  private static int degreeY(List<GenPolynomial<BigRational>> c) {
    long d = 0;
    for (GenPolynomial<BigRational> a : c) {
      d = Math.max(d, a.degree(0));
    }
    return (int) d;
  }

  private static List<GenPolynomial<BigRational>> trim(List<GenPolynomial<BigRational>> c) {
    List<GenPolynomial<BigRational>> t = new ArrayList<>(c);
    while (t.size() > 1 && t.get(t.size() - 1).isZERO()) {
      t.remove(t.size() - 1);
    }
    return t;
  }

  /** The coefficient of y^k as a polynomial in x. */
  private GenPolynomial<BigRational> coefficientOfY(List<GenPolynomial<BigRational>> c, int k) {
    GenPolynomial<BigRational> a = qx.getZERO();
    ExpVector ek = ExpVector.create(1, 0, k);
    for (int i = 0; i < c.size(); i++) {
      BigRational b = c.get(i).coefficient(ek);
      if (!b.isZERO()) {
        a = a.sum(b, ExpVector.create(1, 0, i));
      }
    }
    return a;
  }

  // ------------------------------------------------------------------ the method

  private void withMultiplicity(List<GenPolynomial<BigRational>> p, long e) {
    // content in y: a factor of y alone
    GenPolynomial<BigRational> cy = qy.getZERO();
    for (GenPolynomial<BigRational> a : p) {
      cy = cy.isZERO() ? a : cy.gcd(a);
    }
    if (cy.degree(0) > 0) {
      for (Map.Entry<GenPolynomial<BigRational>, Long> f : univariateFactors(cy).entrySet()) {
        add(List.of(f.getKey()), f.getValue() * e);
      }
      List<GenPolynomial<BigRational>> q = new ArrayList<>();
      for (GenPolynomial<BigRational> a : p) {
        q.add(a.divide(cy));
      }
      p = q;
    }
    if (p.size() == 1) {
      return;
    }
    // content in x: a factor of x alone
    int dy = degreeY(p);
    GenPolynomial<BigRational> cx = qx.getZERO();
    for (int k = 0; k <= dy; k++) {
      cx = cx.isZERO() ? coefficientOfY(p, k) : cx.gcd(coefficientOfY(p, k));
    }
    if (cx.degree(0) > 0) {
      for (Map.Entry<GenPolynomial<BigRational>, Long> f : univariateFactors(cx).entrySet()) {
        List<GenPolynomial<BigRational>> g = new ArrayList<>();
        for (int i = 0; i <= f.getKey().degree(0); i++) {
          g.add(qy.getONE().multiply(f.getKey().coefficient(ExpVector.create(1, 0, i))));
        }
        add(g, f.getValue() * e);
      }
      p = exactQuotient(p, constantInY(cx)).orElseThrow();
    }
    if (degreeY(p) == 0) {
      return;
    }
    Optional<Point> point = evaluationPoint(p, MAX_POINTS);
    if (point.isEmpty()) {
      SortedMap<GenPolynomial<BigRational>, Long> parts =
          SquarefreeFactory.getImplementation(BigRational.ONE).squarefreeFactors(sparse(p));
      if (parts.size() == 1 && parts.values().iterator().next() == 1) {
        // squarefree: lc_x(p) disc_x(p) is a non-zero polynomial in y of degree below
        // 2 deg_x deg_y, so one of that many integers is a good point
        int sure = 2 * (p.size() - 1) * degreeY(p) + 1;
        squarefree(p, evaluationPoint(p, sure).orElseThrow()).forEach(f -> add(f, e));
        return;
      }
      for (Map.Entry<GenPolynomial<BigRational>, Long> part : parts.entrySet()) {
        if (!part.getKey().isConstant()) {
          withMultiplicity(dense(part.getKey()), part.getValue() * e);
        }
      }
      return;
    }
    for (List<GenPolynomial<BigRational>> f : squarefree(p, point.get())) {
      add(f, e);
    }
  }

  private List<GenPolynomial<BigRational>> constantInY(GenPolynomial<BigRational> a) {
    List<GenPolynomial<BigRational>> g = new ArrayList<>();
    for (int i = 0; i <= a.degree(0); i++) {
      g.add(qy.getONE().multiply(a.coefficient(ExpVector.create(1, 0, i))));
    }
    return g;
  }

  private void add(List<GenPolynomial<BigRational>> f, long e) {
    out.merge(RootOrbits.normalize(sparse(f)), e, Long::sum);
  }

  /** An integer a and the monic Q-irreducible factors of p(x, a). */
  private record Point(long a, List<GenPolynomial<BigRational>> factors) {}

  private Optional<Point> evaluationPoint(List<GenPolynomial<BigRational>> p, int points) {
    Point best = null;
    int good = 0;
    for (int n = 0; n < points && good < GOOD_POINTS; n++) {
      org.lcngeo.core.Deadline.checkCurrent();
      long a = (n % 2 == 0 ? 1 : -1) * ((n + 1) / 2);
      BigRational ar = new BigRational(a);
      GenPolynomial<BigRational> pa = qx.getZERO();
      for (int i = 0; i < p.size(); i++) {
        BigRational v = PolyUtil.evaluateMain(BigRational.ONE, p.get(i), ar);
        if (!v.isZERO()) {
          pa = pa.sum(v, ExpVector.create(1, 0, i));
        }
      }
      if (pa.degree(0) != p.size() - 1 || pa.gcd(PolyUtil.baseDerivative(pa)).degree(0) > 0) {
        continue;
      }
      good++;
      List<GenPolynomial<BigRational>> u = squarefreeFactors(pa);
      if (best == null || u.size() < best.factors.size()) {
        best = new Point(a, u);
      }
      if (u.size() <= FEW_FACTORS) {
        break;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The monic Q-irreducible factors of a squarefree polynomial in qx, checked. */
  private List<GenPolynomial<BigRational>> squarefreeFactors(GenPolynomial<BigRational> a) {
    GenPolynomial<BigRational> primitive = RootOrbits.normalize(a);
    List<GenPolynomial<BigRational>> u = new ArrayList<>();
    GenPolynomial<BigRational> product = qx.getONE();
    for (GenPolynomial<BigInteger> f : univariate.baseFactorsSquarefree(
        PolyUtil.integerFromRationalCoefficients(zx, primitive))) {
      if (!f.isConstant()) {
        GenPolynomial<BigRational> g = PolyUtil.fromIntegerCoefficients(qx, f).monic();
        u.add(g);
        product = product.multiply(g);
      }
    }
    if (!product.equals(a.monic())) {
      throw new IllegalStateException("univariate factoring failed the product check for " + a);
    }
    return u;
  }

  /** The factors over Q of a univariate polynomial in qx or qy, primitive, with multiplicities. */
  private Map<GenPolynomial<BigRational>, Long> univariateFactors(GenPolynomial<BigRational> a) {
    GenPolynomialRing<BigInteger> iring = new GenPolynomialRing<>(BigInteger.ONE, a.ring);
    Map<GenPolynomial<BigRational>, Long> f = new LinkedHashMap<>();
    GenPolynomial<BigRational> product = a.ring.getONE();
    for (Map.Entry<GenPolynomial<BigInteger>, Long> e :
        univariate.factors(PolyUtil.integerFromRationalCoefficients(iring, a)).entrySet()) {
      if (e.getKey().isConstant()) {
        continue;
      }
      GenPolynomial<BigRational> g = PolyUtil.fromIntegerCoefficients(a.ring, e.getKey());
      f.put(g, e.getValue());
      product = product.multiply(g.power(e.getValue()));
    }
    if (!product.monic().equals(a.monic())) {
      throw new IllegalStateException("univariate factoring failed the product check for " + a);
    }
    return f;
  }

  /**
   * The irreducible factors of a squarefree p, primitive in x and y, from its evaluation point: in
   * the coordinates y' = y - a, lift, recombine, shift back.
   */
  private List<List<GenPolynomial<BigRational>>> squarefree(
      List<GenPolynomial<BigRational>> p, Point point) {
    List<List<GenPolynomial<BigRational>>> found = new ArrayList<>();
    if (point.factors.size() == 1) {
      found.add(p);
      return found;
    }
    List<GenPolynomial<BigRational>> shifted = shift(p, point.a);
    int n = degreeY(shifted) + 1;
    List<List<GenPolynomial<BigRational>>> lifted = lift(shifted, point.factors, n);
    List<GenPolynomial<BigRational>> rest = primitive(shifted);
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < lifted.size(); i++) {
      open.add(i);
    }
    int tested = 0;
    for (int size = 1; 2 * size <= open.size(); ) {
      List<Integer> hit = null;
      for (int[] subset : subsets(open.size(), size, MAX_SUBSETS + 1 - tested)) {
        org.lcngeo.core.Deadline.checkCurrent();
        if (++tested > MAX_SUBSETS) {
          throw new LimitExceededException("factoring a polynomial of bidegree (" + (p.size() - 1)
              + ", " + degreeY(p) + ") needs more than " + MAX_SUBSETS + " recombination tests ("
              + point.factors.size() + " factors at every evaluation point tried)");
        }
        Optional<List<GenPolynomial<BigRational>>> candidate =
            candidate(rest, lifted, open, subset, n);
        List<GenPolynomial<BigRational>> dividend = rest;
        Optional<List<GenPolynomial<BigRational>>> q =
            candidate.flatMap(c -> exactQuotient(dividend, c));
        if (q.isPresent()) {
          hit = new ArrayList<>();
          for (int s : subset) {
            hit.add(open.get(s));
          }
          found.add(shift(candidate.get(), -point.a));
          rest = primitive(q.get());
          break;
        }
      }
      if (hit == null) {
        size++;
      } else {
        open.removeAll(hit);
      }
    }
    found.add(shift(rest, -point.a));
    return found;
  }

  /** p(x, y + a). */
  private List<GenPolynomial<BigRational>> shift(List<GenPolynomial<BigRational>> p, long a) {
    GenPolynomial<BigRational> base = qy.univariate(0).sum(new BigRational(a));
    List<GenPolynomial<BigRational>> q = new ArrayList<>();
    for (GenPolynomial<BigRational> c : p) {
      q.add(PolyUtil.substituteMain(c, base));
    }
    return q;
  }

  /**
   * Multifactor Hensel lifting: monic G_i in Q[x][y]/(y^n) with G_i(x, 0) = u_i and prod G_i =
   * p / lc_x(p). Returns G_i as coefficients of y^k in Q[x].
   */
  private List<List<GenPolynomial<BigRational>>> lift(
      List<GenPolynomial<BigRational>> p, List<GenPolynomial<BigRational>> u, int n) {
    int r = u.size();
    // the monic target F = p / lc as a series in y, coefficient of y^k in Q[x]
    GenPolynomial<BigRational> lc = p.get(p.size() - 1);
    BigRational[] inverse = seriesInverse(lc, n);
    List<GenPolynomial<BigRational>> target = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      target.add(qx.getZERO());
    }
    for (int i = 0; i < p.size(); i++) {
      BigRational[] c = coefficients(p.get(i), n);
      for (int k = 0; k < n; k++) {
        BigRational s = BigRational.ZERO;
        for (int j = 0; j <= k; j++) {
          s = s.sum(c[j].multiply(inverse[k - j]));
        }
        if (!s.isZERO()) {
          target.set(k, target.get(k).sum(s, ExpVector.create(1, 0, i)));
        }
      }
    }
    // Bezout: sum s_i prod_{j != i} u_j = 1 with deg s_i < deg u_i
    List<GenPolynomial<BigRational>> bezout = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      GenPolynomial<BigRational> others = qx.getONE();
      for (int j = 0; j < r; j++) {
        if (j != i) {
          others = others.multiply(u.get(j));
        }
      }
      GenPolynomial<BigRational>[] g = others.egcd(u.get(i));
      bezout.add(g[1].multiply(g[0].leadingBaseCoefficient().inverse()).remainder(u.get(i)));
    }
    List<List<GenPolynomial<BigRational>>> lifted = new ArrayList<>();
    // left.get(m): the coefficients of prod_{i <= m} G_i, filled up to the current degree
    List<List<GenPolynomial<BigRational>>> left = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      List<GenPolynomial<BigRational>> series = new ArrayList<>();
      series.add(u.get(i));
      lifted.add(series);
      left.add(new ArrayList<>());
      left.get(i).add(i == 0 ? u.get(0) : left.get(i - 1).get(0).multiply(u.get(i)));
    }
    for (int k = 1; k < n; k++) {
      org.lcngeo.core.Deadline.checkCurrent();
      for (int i = 0; i < r; i++) {
        lifted.get(i).add(qx.getZERO());
        left.get(i).add(qx.getZERO());
      }
      fillLeft(lifted, left, k);
      GenPolynomial<BigRational> error = target.get(k).subtract(left.get(r - 1).get(k));
      if (error.isZERO()) {
        continue;
      }
      for (int i = 0; i < r; i++) {
        lifted.get(i).set(k, bezout.get(i).multiply(error).remainder(u.get(i)));
      }
      fillLeft(lifted, left, k);
    }
    return lifted;
  }

  /** Coefficient k of every partial product prod_{i <= m} G_i, from their lower coefficients. */
  private static void fillLeft(List<List<GenPolynomial<BigRational>>> g,
      List<List<GenPolynomial<BigRational>>> left, int k) {
    left.get(0).set(k, g.get(0).get(k));
    for (int m = 1; m < g.size(); m++) {
      GenPolynomial<BigRational> c = left.get(m - 1).get(k).multiply(g.get(m).get(0));
      for (int j = 0; j < k; j++) {
        GenPolynomial<BigRational> b = g.get(m).get(k - j);
        if (!b.isZERO()) {
          c = c.sum(left.get(m - 1).get(j).multiply(b));
        }
      }
      left.get(m).set(k, c);
    }
  }

  private List<GenPolynomial<BigRational>> multiply(
      List<GenPolynomial<BigRational>> a, List<GenPolynomial<BigRational>> b, int k) {
    List<GenPolynomial<BigRational>> c = new ArrayList<>();
    for (int m = 0; m <= k; m++) {
      GenPolynomial<BigRational> s = qx.getZERO();
      for (int j = 0; j <= m; j++) {
        if (j < a.size() && m - j < b.size()) {
          s = s.sum(a.get(j).multiply(b.get(m - j)));
        }
      }
      c.add(s);
    }
    return c;
  }

  private static BigRational[] coefficients(GenPolynomial<BigRational> a, int n) {
    BigRational[] c = new BigRational[n];
    for (int k = 0; k < n; k++) {
      c[k] = a.coefficient(ExpVector.create(1, 0, k));
    }
    return c;
  }

  /** 1 / a mod y^n, a(0) != 0. */
  private static BigRational[] seriesInverse(GenPolynomial<BigRational> a, int n) {
    BigRational[] c = coefficients(a, n);
    BigRational[] inv = new BigRational[n];
    inv[0] = c[0].inverse();
    for (int k = 1; k < n; k++) {
      BigRational s = BigRational.ZERO;
      for (int j = 1; j <= k; j++) {
        s = s.sum(c[j].multiply(inv[k - j]));
      }
      inv[k] = s.negate().multiply(inv[0]);
    }
    return inv;
  }

  /**
   * lc_x(rest) · prod_{S} G_i mod y^n, primitive over Q[y], as coefficients of x^i in Q[y]; empty
   * when a coefficient is not an integer. For a true factor g (primitive in Z[x, y], Gauss), rest =
   * g h in Z[x, y] and the product is lc_x(h) g, an integer polynomial: the test rejects almost every
   * false subset before any division (the lifted series have large rational coefficients).
   */
  private Optional<List<GenPolynomial<BigRational>>> candidate(
      List<GenPolynomial<BigRational>> rest, List<List<GenPolynomial<BigRational>>> lifted,
      List<Integer> open, int[] subset, int n) {
    List<GenPolynomial<BigRational>> series = null;
    for (int s : subset) {
      List<GenPolynomial<BigRational>> g = lifted.get(open.get(s));
      series = series == null ? g : multiply(series, g, n - 1);
    }
    BigRational[] lc = coefficients(rest.get(rest.size() - 1), n);
    int dx = 0;
    for (GenPolynomial<BigRational> c : series) {
      dx = (int) Math.max(dx, c.degree(0));
    }
    List<GenPolynomial<BigRational>> c = new ArrayList<>();
    for (int i = 0; i <= dx; i++) {
      c.add(qy.getZERO());
    }
    for (int k = 0; k < n; k++) {
      for (int j = 0; j <= k; j++) {
        if (lc[j].isZERO() || j >= series.size() || k - j >= series.size()) {
          continue;
        }
        for (Monomial<BigRational> m : series.get(k - j)) {
          int i = (int) m.e.getVal(0);
          c.set(i, c.get(i).sum(m.c.multiply(lc[j]), ExpVector.create(1, 0, k)));
        }
      }
    }
    for (GenPolynomial<BigRational> a : c) {
      for (BigRational b : a.getMap().values()) {
        if (!b.den.equals(java.math.BigInteger.ONE)) {
          return Optional.empty();
        }
      }
    }
    GenPolynomial<BigRational> content = qy.getZERO();
    for (GenPolynomial<BigRational> a : c) {
      content = content.isZERO() ? a : content.gcd(a);
    }
    List<GenPolynomial<BigRational>> primitive = new ArrayList<>();
    for (GenPolynomial<BigRational> a : c) {
      primitive.add(a.divide(content));
    }
    return Optional.of(primitive(trim(primitive)));
  }

  /** The primitive integer multiple of c (positive sign of the leading coefficient in x). */
  private static List<GenPolynomial<BigRational>> primitive(List<GenPolynomial<BigRational>> c) {
    java.math.BigInteger den = java.math.BigInteger.ONE;
    java.math.BigInteger num = java.math.BigInteger.ZERO;
    for (GenPolynomial<BigRational> a : c) {
      for (BigRational b : a.getMap().values()) {
        den = den.divide(den.gcd(b.den)).multiply(b.den);
        num = num.gcd(b.num);
      }
    }
    if (c.get(c.size() - 1).signum() < 0) {
      num = num.negate();
    }
    BigRational scale = new BigRational(new BigInteger(den), new BigInteger(num));
    List<GenPolynomial<BigRational>> out = new ArrayList<>();
    for (GenPolynomial<BigRational> a : c) {
      out.add(a.multiply(scale));
    }
    return out;
  }

  /** p / d when d divides p in Q[x, y] (division over Q[y], exact at every step). */
  private Optional<List<GenPolynomial<BigRational>>> exactQuotient(
      List<GenPolynomial<BigRational>> p, List<GenPolynomial<BigRational>> d) {
    int dd = d.size() - 1;
    if (p.size() - 1 < dd || degreeY(d) > degreeY(p)) {
      return Optional.empty();
    }
    List<GenPolynomial<BigRational>> r = new ArrayList<>(p);
    List<GenPolynomial<BigRational>> q = new ArrayList<>();
    for (int i = 0; i <= p.size() - 1 - dd; i++) {
      q.add(qy.getZERO());
    }
    GenPolynomial<BigRational> lead = d.get(dd);
    for (int i = p.size() - 1; i >= dd; i--) {
      GenPolynomial<BigRational> top = r.get(i);
      if (top.isZERO()) {
        continue;
      }
      GenPolynomial<BigRational>[] qr = top.quotientRemainder(lead);
      if (!qr[1].isZERO()) {
        return Optional.empty();
      }
      q.set(i - dd, qr[0]);
      for (int j = 0; j <= dd; j++) {
        r.set(i - dd + j, r.get(i - dd + j).subtract(qr[0].multiply(d.get(j))));
      }
    }
    for (GenPolynomial<BigRational> a : r) {
      if (!a.isZERO()) {
        return Optional.empty();
      }
    }
    return Optional.of(trim(q));
  }

  /** The first (at most limit) subsets of {0..m-1} of the given size, in lexicographic order. */
  private static List<int[]> subsets(int m, int size, int limit) {
    List<int[]> all = new ArrayList<>();
    int[] s = new int[size];
    for (int i = 0; i < size; i++) {
      s[i] = i;
    }
    while (all.size() < limit) {
      all.add(s.clone());
      int i = size - 1;
      while (i >= 0 && s[i] == m - size + i) {
        i--;
      }
      if (i < 0) {
        return all;
      }
      s[i]++;
      for (int j = i + 1; j < size; j++) {
        s[j] = s[j - 1] + 1;
      }
    }
    return all;
  }
}
