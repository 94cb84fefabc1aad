package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.ufd.Quotient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.algebra.Ring;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.symbolic.expr.NtkOfVTree;

/**
 * K^(delta)(v) in closed form (Thm. 4, Ex. 15): with theta(v) the {@link InverseMap}, N_l(v) =
 * ||w_l(v)||^2, C = prod_l N_l, c_l the offsets of the {@link Invariants} and beta_1 the unique
 * root of P(x) = prod_l (x + c_l) - C with x > max_l(-c_l) (Prop. 2),
 *
 * <pre>K^(delta)(v) = sum_l K_l(theta(v)) N_l(v) / (beta_1 + c_l).</pre>
 *
 * For H = 2 this is the paper's K_1/lambda^2 + lambda^2 K_2 with lambda^2 = (-delta +
 * sqrt(delta^2 + 4 ||a||^2 ||b||^2)) / (2 ||a||^2) (Ex. 15); for H > 2 beta_1 is written as a
 * {@link Expr.LargestRoot}: the largest real root of P (in Symja the limit of Newton's iteration
 * from a point above it). The matrix is written in terms of the
 * symbol {@code lambda2} (H = 2) or {@code beta1}, whose closed form is printed once beside it. K_l(theta) N_l and C do not depend on the scaling of theta, so the
 * normalization of the inverse map does not matter.
 */
public final class NtkOfVFormula {
  /** The variable of beta_1's polynomial P. */
  private static final Expr.Symbol X = Exprs.symbol("x");
  /**
   * Largest {@link #expansionEstimate} for which K^(delta)(v) is expanded into rational functions
   * of v; above it the formula is printed as a composition with the inverse map ({@link
   * #inFilterSymbols}). Chosen between the architectures that expand within seconds (into up to
   * tens of megabytes of Symja) and those whose expansion (JAS rational functions, brought to
   * lowest terms by multivariate gcds) did not finish within minutes (README, "formula").
   */
  public static final long MAX_EXPANSION_ESTIMATE = 10_000_000L;
  /**
   * Most term products the expansion of K^(delta)(v) may form, counted inside it as it goes (each
   * product or sum of two rational functions counts the product of their numbers of terms,
   * numerators and denominators together, as the cross-multiplication forms them before the gcds
   * bring the result to lowest terms): beyond it {@link #of} stops with {@link
   * ExpansionBoundReached}. It bounds, by work rather than by time, the expansions that {@link
   * #MAX_EXPANSION_ESTIMATE} lets through, so which form is printed does not depend on the
   * machine's load. Chosen from the formula survey (bench/README.md, "formula"): the largest
   * expansions within the estimate's bound, (5,4,3)/(3,2,1) and (4,4,4)/(3,2,1), form 1.0e6 and
   * 1.2e6 term products in about 20 s of CPU (mostly JAS' gcds); the bound allows eight times that.
   */
  public static final long MAX_TERM_PRODUCTS = 10_000_000L;

  /** The expansion of K^(delta)(v) reached {@link #MAX_TERM_PRODUCTS}. */
  public static final class ExpansionBoundReached extends LimitExceededException {
    private static final long serialVersionUID = 1L;

    ExpansionBoundReached(long bound) {
      super("the expansion reached its bound of " + bound + " term products");
    }
  }

  /**
   * Q(v) as a core ring that counts the term products of its products and sums ({@link
   * #MAX_TERM_PRODUCTS}).
   */
  private static final class TermProducts implements Ring<Quotient<BigRational>> {
    private final RationalFunctionRing ring;
    private final long bound;
    private long count;

    TermProducts(RationalFunctionRing ring, long bound) {
      this.ring = ring;
      this.bound = bound;
    }

    private void count(Quotient<BigRational> a, Quotient<BigRational> b) {
      long terms = (long) (a.num.length() + a.den.length()) * (b.num.length() + b.den.length());
      count += terms;
      if (count > bound) {
        throw new ExpansionBoundReached(bound);
      }
    }

    @Override
    public Quotient<BigRational> zero() {
      return ring.zero();
    }

    @Override
    public Quotient<BigRational> one() {
      return ring.one();
    }

    @Override
    public Quotient<BigRational> add(Quotient<BigRational> a, Quotient<BigRational> b) {
      count(a, b);
      return ring.add(a, b);
    }

    @Override
    public Quotient<BigRational> multiply(Quotient<BigRational> a, Quotient<BigRational> b) {
      count(a, b);
      return ring.multiply(a, b);
    }

    @Override
    public Quotient<BigRational> negate(Quotient<BigRational> a) {
      return ring.negate(a);
    }

    @Override
    public boolean isZero(Quotient<BigRational> a) {
      return ring.isZero(a);
    }

    @Override
    public Quotient<BigRational> subtract(Quotient<BigRational> a, Quotient<BigRational> b) {
      count(a, b);
      return ring.subtract(a, b);
    }
  }

  private final InverseMap inverse;
  private final Invariants invariants;
  private final NtkFormula ntk;
  private final List<Quotient<BigRational>> squaredNorms;
  private final List<List<List<Quotient<BigRational>>>> blocksOfV;
  /**
   * Entry (i, j) of K^(delta)(v) for H > 2: sum_l K_l N_l over the layers that share an offset
   * c_l, by offset (empty for H <= 2, where {@link #ntkOfV} writes the blocks themselves).
   */
  private final List<List<Map<GenPolynomial<BigRational>, Quotient<BigRational>>>> weighted;
  private final long termProducts;

  private NtkOfVFormula(InverseMap inverse, Invariants invariants, long maxTermProducts) {
    this.inverse = inverse;
    this.invariants = invariants;
    Architecture a = inverse.theta().architecture();
    this.ntk = NtkFormula.of(a);
    TermProducts ring = new TermProducts(inverse.ring(), maxTermProducts);
    MuPlan plan = ntk.plan();
    this.squaredNorms = new ArrayList<>();
    this.blocksOfV = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      Deadline.checkCurrent();
      squaredNorms.add(inverse.theta().squaredNorm(ring, l));
      blocksOfV.add(plan.ntkLayer(ring, inverse.theta(), l));
    }
    this.weighted = new ArrayList<>();
    int n = blocksOfV.get(0).size();
    for (int i = 0; i < n && a.depth() > 2; i++) {
      List<Map<GenPolynomial<BigRational>, Quotient<BigRational>>> row = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        Deadline.checkCurrent();
        // layers with equal offsets c_l share the denominator beta1 + c_l
        Map<GenPolynomial<BigRational>, Quotient<BigRational>> sums = new LinkedHashMap<>();
        for (int l = 0; l < a.depth(); l++) {
          Quotient<BigRational> k = blocksOfV.get(l).get(i).get(j);
          if (!k.isZERO()) {
            sums.merge(invariants.offset(l), ring.multiply(k, squaredNorms.get(l)), ring::add);
          }
        }
        row.add(sums);
      }
      weighted.add(row);
    }
    this.termProducts = ring.count;
  }

  /** The term products the expansion formed (see {@link #MAX_TERM_PRODUCTS}). */
  public long termProducts() {
    return termProducts;
  }

  /**
   * K^(delta)(v) of a rational inverse map, expanded.
   *
   * @throws ExpansionBoundReached when the expansion would form more than {@link
   *     #MAX_TERM_PRODUCTS} term products
   */
  public static NtkOfVFormula of(InverseMap inverse, Invariants invariants) {
    return of(inverse, invariants, MAX_TERM_PRODUCTS);
  }

  /** {@link #of(InverseMap, Invariants)} with another bound on the term products (for tests). */
  static NtkOfVFormula of(InverseMap inverse, Invariants invariants, long maxTermProducts) {
    if (invariants.deltas().size() != inverse.theta().depth() - 1) {
      throw new IllegalArgumentException("H-1 invariants needed");
    }
    return new NtkOfVFormula(inverse, invariants, maxTermProducts);
  }

  /**
   * Thm. 4 in the filter symbols w: the same formula with theta the identity, so N_l, the scalar
   * and the blocks are written in a0, a1, ..., b0, .... Where the inverse map is a program
   * ({@link DeterminantInverse}, {@link FactorInverse}) rather than rational functions,
   * K^(delta)(v) is this formula composed with it: evaluated at w = theta(v). The scalar (beta_1,
   * and lambda^2 = beta_1 / N_1) is then taken at w = theta(v) as well; beta_1 does not depend on
   * the scaling of theta.
   */
  public static NtkOfVFormula inFilterSymbols(Architecture a, Invariants invariants) {
    return of(InverseMap.identity(a), invariants, Long.MAX_VALUE);
  }

  /**
   * The size of one entry of the expanded K^(delta)(v), estimated from the inverse map alone
   * (before any of it is computed): with T_l the number of terms of layer l of theta(v) (numerators
   * and denominators), the product of the T_l^2. An entry of K_l(theta(v)) N_l(v) is a sum of
   * products of two entries of every layer (Observation 3, N_l = ||w_l||^2), so prod_l T_l^2 is
   * the order of the term products one entry's expansion multiplies out, up to the gcds that bring
   * it to lowest terms. Saturates at {@link Long#MAX_VALUE}.
   */
  public static long expansionEstimate(InverseMap inverse) {
    long estimate = 1;
    FilterTuple<Quotient<BigRational>> theta = inverse.theta();
    for (int l = 0; l < theta.depth(); l++) {
      long terms = 0;
      for (Quotient<BigRational> q : theta.layer(l)) {
        terms += q.num.length() + q.den.length();
      }
      estimate = saturatingMultiply(estimate, saturatingMultiply(terms, terms));
    }
    return estimate;
  }

  private static long saturatingMultiply(long x, long y) {
    long high = Math.multiplyHigh(x, y);
    return high != 0 || x * y < 0 ? Long.MAX_VALUE : x * y;
  }

  public InverseMap inverse() {
    return inverse;
  }

  public Invariants invariants() {
    return invariants;
  }

  /** N_l(v) = ||w_l(v)||^2 of the inverse map's tuple. */
  public Quotient<BigRational> squaredNorm(int l) {
    return squaredNorms.get(l);
  }

  /** C = prod_l N_l(v). */
  public Quotient<BigRational> productOfSquaredNorms() {
    Quotient<BigRational> c = inverse.ring().one();
    for (Quotient<BigRational> n : squaredNorms) {
      c = c.multiply(n);
    }
    return c;
  }

  private int depth() {
    return squaredNorms.size();
  }

  /** P(x) = prod_l (x + c_l) - C, a polynomial in x over Q(v, delta). */
  public Expr beta1Polynomial() {
    return beta1Polynomial(X);
  }

  /** P at x (an expression). */
  private Expr beta1Polynomial(Expr x) {
    List<Expr> factors = new ArrayList<>();
    for (int l = 0; l < depth(); l++) {
      factors.add(Exprs.sum(x, JasExprs.of(invariants.offset(l))));
    }
    return Exprs.sum(Exprs.product(factors), Exprs.negate(JasExprs.of(productOfSquaredNorms())));
  }

  /**
   * The polynomial relation that defines {@link #scalarSymbol} s without radicals or roots:
   * P(s) for beta_1 (H != 2), P(s N_1) for lambda^2 = beta_1 / N_1 (H = 2); s is its largest real
   * root (for systems such as Macaulay2 that have no real radicals).
   */
  public Expr scalarRelation() {
    Expr s = scalarSymbol();
    return beta1Polynomial(depth() == 2 ? Exprs.product(s, JasExprs.of(squaredNorms.get(0))) : s);
  }

  /**
   * beta_1: for H = 2 the closed form (-delta + sqrt(delta^2 + 4C))/2, for H = 3 the cubic's real
   * radicals, for H > 3 the largest real root of P (the unique one above max_l(-c_l)), for H = 1
   * simply C.
   */
  public Expr beta1() {
    Expr c = JasExprs.of(productOfSquaredNorms());
    if (depth() == 1) {
      return c;
    }
    if (depth() == 2) {
      Expr d = JasExprs.of(invariants.deltas().get(0));
      Expr root = Exprs.sqrt(Exprs.sum(Exprs.power(d, 2), Exprs.product(Exprs.num(4), c)));
      return Exprs.quotient(Exprs.sum(Exprs.negate(d), root), Exprs.num(2));
    }
    if (depth() == 3) {
      return largestRootOfTheCubic();
    }
    return new Expr.LargestRoot(beta1Polynomial(), beta1Derivative(), X, beta1Start());
  }

  /** P'(x) = sum_l prod_(m != l) (x + c_m). */
  private Expr beta1Derivative() {
    List<Expr> terms = new ArrayList<>();
    for (int l = 0; l < depth(); l++) {
      List<Expr> factors = new ArrayList<>();
      for (int m = 0; m < depth(); m++) {
        if (m != l) {
          factors.add(Exprs.sum(X, JasExprs.of(invariants.offset(m))));
        }
      }
      terms.add(Exprs.product(factors));
    }
    return Exprs.sum(terms);
  }

  /**
   * x0 = 1 + C + sqrt(sum_l c_l^2) (positive), at or above beta_1: x0 + c_l >= 1 + C > 0 for every l, so
   * P(x0) >= (1 + C)^H - C > 0, and P is increasing and convex above max_l(-c_l) (a product of
   * positive increasing linear factors minus a constant), so Newton's iteration from x0 decreases
   * monotonically to beta_1 (Fourier's condition).
   */
  private Expr beta1Start() {
    List<Expr> squares = new ArrayList<>();
    for (int l = 0; l < depth(); l++) {
      squares.add(Exprs.power(JasExprs.of(invariants.offset(l)), 2));
    }
    return Exprs.sum(Exprs.ONE, JasExprs.of(productOfSquaredNorms()), Exprs.sqrt(Exprs.sum(squares)));
  }

  /**
   * H = 3: the largest real root of P(x) = x^3 + a x^2 + b x - C (a = c_2 + c_3, b = c_2 c_3) in
   * real radicals, with t = x + a/3, t^3 + p t + q = 0 and D = q^2/4 + p^3/27: Viete's
   * 2 sqrt(-p/3) cos(arccos((3q/2p) sqrt(-3/p))/3) (the largest of three) where D < 0, else
   * Cardano's cbrt(-q/2 + sqrt(D)) + cbrt(-q/2 - sqrt(D)) (the only real root, or the simple one
   * when D = 0, which is the largest: P is increasing above max(-c_l)).
   */
  private Expr largestRootOfTheCubic() {
    GenPolynomial<BigRational> a = invariants.offset(1).sum(invariants.offset(2));
    GenPolynomial<BigRational> b = invariants.offset(1).multiply(invariants.offset(2));
    BigRational third = new BigRational(1, 3);
    GenPolynomial<BigRational> p = b.subtract(a.multiply(a).multiply(third));
    Expr shift = JasExprs.of(a.multiply(third).negate());
    Expr q = Exprs.sum(JasExprs.of(a.multiply(a).multiply(a).multiply(new BigRational(2, 27))
        .subtract(a.multiply(b).multiply(third))), Exprs.negate(JasExprs.of(productOfSquaredNorms())));
    Expr pe = JasExprs.of(p);
    Expr d = Exprs.sum(Exprs.quotient(Exprs.power(q, 2), Exprs.num(4)),
        Exprs.quotient(Exprs.power(pe, 3), Exprs.num(27)));
    Expr halfQ = Exprs.quotient(Exprs.negate(q), Exprs.num(2));
    Expr cardano = Exprs.sum(new Expr.CubeRoot(Exprs.sum(halfQ, Exprs.sqrt(d))),
        new Expr.CubeRoot(Exprs.sum(halfQ, Exprs.negate(Exprs.sqrt(d)))), shift);
    if (p.isZERO()) { // balanced: P = x^3 - C, D = C^2/4 > 0
      return cardano;
    }
    Expr cosine = Exprs.product(Exprs.quotient(Exprs.product(Exprs.num(3), q), Exprs.product(Exprs.num(2), pe)),
        Exprs.sqrt(Exprs.quotient(Exprs.num(-3), pe)));
    Expr viete = Exprs.sum(Exprs.product(Exprs.num(2),
        Exprs.sqrt(Exprs.quotient(Exprs.negate(pe), Exprs.num(3))),
        new Expr.Cos(Exprs.quotient(new Expr.ArcCos(cosine), Exprs.num(3)))), shift);
    return new Expr.IfNegative(d, viete, cardano);
  }

  /** lambda^2 = beta_1 / ||w_1||^2 (Ex. 15; the rescaling of layer 1), self-contained. */
  public Expr lambdaSquared() {
    return Exprs.quotient(beta1(), JasExprs.of(squaredNorms.get(0)));
  }

  /** The symbol the entries of {@link #ntkOfV} use: lambda^2 ({@code lambda2}) for H = 2, beta_1 otherwise. */
  public Expr.Symbol scalarSymbol() {
    return depth() == 2 ? Exprs.squaredSymbol("lambda") : Exprs.symbol("beta", 1);
  }

  /** The definition of {@link #scalarSymbol}: {@link #lambdaSquared} or {@link #beta1}. */
  public Expr scalarDefinition() {
    return depth() == 2 ? lambdaSquared() : beta1();
  }

  /**
   * K^(delta)(v) in terms of {@link #scalarSymbol} (defined by {@link #scalarDefinition}): for
   * H = 2 the paper's K_1/lambda2 + lambda2 K_2, for H != 2 sum_l K_l N_l / (beta1 + c_l),
   * entries rational functions of v (and the invariants' symbols).
   */
  public List<List<Expr>> ntkOfV() {
    int n = blocksOfV.get(0).size();
    Expr symbol = scalarSymbol();
    List<List<Expr>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Expr> row = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        Deadline.checkCurrent();
        List<Expr> terms = new ArrayList<>();
        for (int l = 0; l < depth() && depth() <= 2; l++) {
          Quotient<BigRational> k = blocksOfV.get(l).get(i).get(j);
          if (!k.isZERO()) {
            Expr entry = JasExprs.of(k);
            terms.add(l == 0 ? Exprs.quotient(entry, symbol) : Exprs.product(symbol, entry));
          }
        }
        Map<GenPolynomial<BigRational>, Quotient<BigRational>> sums =
            depth() > 2 ? weighted.get(i).get(j) : Map.of();
        for (Map.Entry<GenPolynomial<BigRational>, Quotient<BigRational>> e : sums.entrySet()) {
          if (!e.getValue().isZERO()) {
            Expr den = Exprs.sum(symbol, JasExprs.of(e.getKey()));
            terms.add(Exprs.quotient(JasExprs.of(e.getValue()), den));
          }
        }
        row.add(Exprs.sum(terms));
      }
      out.add(row);
    }
    return out;
  }

  /**
   * K^(delta)(v) at a rational point, exactly, given beta_1 (which must be the root of P above
   * max_l(-c_l), checked exactly): sum_l K_l(theta(v)) N_l(v) / (beta_1 + c_l), from the rational
   * functions this formula prints.
   *
   * @param deltaValues delta_1..delta_{H-1} (the values of the invariants at this point)
   */
  public List<List<BigFraction>> evaluate(
      List<BigFraction> v, List<BigFraction> deltaValues, BigFraction beta1) {
    int h = depth();
    List<BigFraction> c = new ArrayList<>();
    BigFraction sum = BigFraction.ZERO;
    BigFraction lower = BigFraction.ZERO;
    for (int l = 0; l < h; l++) {
      c.add(sum);
      lower = lower.compareTo(sum.negate()) > 0 ? lower : sum.negate();
      if (l + 1 < h) {
        sum = sum.add(deltaValues.get(l));
      }
    }
    BigFraction p = BigFraction.ONE;
    for (BigFraction cl : c) {
      p = p.multiply(beta1.add(cl));
    }
    BigFraction bigC = value(productOfSquaredNorms(), v);
    if (!p.subtract(bigC).equals(BigFraction.ZERO) || beta1.compareTo(lower) <= 0) {
      throw new InvalidInputException("beta_1 = " + beta1 + " is not the root of P above " + lower);
    }
    int n = blocksOfV.get(0).size();
    List<List<BigFraction>> k = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<BigFraction> row = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        BigFraction e = BigFraction.ZERO;
        for (int l = 0; l < h; l++) {
          Quotient<BigRational> q = blocksOfV.get(l).get(i).get(j).multiply(squaredNorms.get(l));
          e = e.add(value(q, v).divide(beta1.add(c.get(l))));
        }
        row.add(e);
      }
      k.add(row);
    }
    return k;
  }

  private static BigFraction value(Quotient<BigRational> q, List<BigFraction> v) {
    BigFraction den = InverseMap.evaluate(q.den, v);
    if (den.getNumerator().signum() == 0) {
      throw new InvalidInputException("a denominator of K^(delta)(v) vanishes at this v");
    }
    return InverseMap.evaluate(q.num, v).divide(den);
  }

  /**
   * The parts a program needs to evaluate K^(delta)(v) (theta(v), N_l and K_l in the filter
   * symbols, the offsets c_l), as neutral trees; {@link org.lcngeo.symbolic.expr.JavaSource}
   * writes them as Java.
   */
  public NtkOfVTree tree() {
    Architecture a = inverse.theta().architecture();
    List<Expr.Symbol> v = new ArrayList<>();
    for (int m = 0; m < a.endToEndEntries(); m++) {
      v.add(JasExprs.symbol("v" + m));
    }
    List<Expr.Symbol> deltas = invariants.symbols().stream().map(JasExprs::symbol).toList();
    FilterTuple<Quotient<BigRational>> theta = inverse.theta();
    FilterTuple<GenPolynomial<BigRational>> w = ntk.symbols();
    List<List<NtkOfVTree.Definition>> filters = new ArrayList<>();
    List<Expr> norms = new ArrayList<>();
    List<Expr> offsets = new ArrayList<>();
    List<List<List<Expr>>> blocks = new ArrayList<>();
    for (int l = 0; l < depth(); l++) {
      List<NtkOfVTree.Definition> layer = new ArrayList<>();
      for (int j = 0; j < a.layerParameters(l); j++) {
        layer.add(new NtkOfVTree.Definition(
            JasExprs.symbol(NtkFormula.symbol(l, j)), JasExprs.of(theta.layer(l).get(j))));
      }
      filters.add(layer);
      norms.add(JasExprs.of(w.squaredNorm(ntk.ring(), l)));
      offsets.add(JasExprs.of(invariants.offset(l)));
      blocks.add(JasExprs.polynomials(ntk.block(l)));
    }
    return new NtkOfVTree(v, deltas, filters, norms, offsets, blocks);
  }
}
