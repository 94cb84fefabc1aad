package org.lcngeo.symbolic.paper;

import java.time.Duration;
import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.symbolic.formula.JasExprs;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.fiber.Fiber;
import org.lcngeo.symbolic.formula.Invariants;
import org.lcngeo.symbolic.formula.InverseMap;
import org.lcngeo.symbolic.formula.PolynomialRing;
import org.lcngeo.symbolic.formula.NtkFormula;
import org.lcngeo.symbolic.formula.NtkOfVFormula;
import org.lcngeo.symbolic.manifold.NeuromanifoldEquations;
import org.lcngeo.symbolic.manifold.TangentCheck;
import org.lcngeo.symbolic.ntk.ExactNtk;
import org.lcngeo.symbolic.rescale.RescaledNtk;
import org.lcngeo.symbolic.rescale.Rescaling;

/**
 * The paper's worked examples 15, 16, 17, 19 and 20 (Sec. 7), recomputed exactly when called: no
 * value is copied from the paper except the matrices it prints, which are compared against.
 */
public final class PaperExamples {
  private static final RationalRing Q = RationalRing.INSTANCE;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** The running example: k = (3, 2), strides (2, 1). */
  public static final Architecture EX15 = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
  /** Example 19: k = (3, 2), strides (1, 1). */
  public static final Architecture EX19 = Architecture.oneDimensional(new int[] {3, 2}, new int[] {1, 1});

  private PaperExamples() {}

  public static List<PaperExample> all() {
    return List.of(example15(), example16(), example17(), example19(), example20());
  }

  static List<BigFraction> q(long... xs) {
    List<BigFraction> l = new ArrayList<>();
    for (long x : xs) {
      l.add(new BigFraction(x));
    }
    return l;
  }

  static FilterTuple<BigFraction> tuple(Architecture a, List<BigFraction> w1, List<BigFraction> w2) {
    return FilterTuple.of(a, List.of(w1, w2));
  }

  /**
   * Ex. 15: mu(a, b), the neuromanifold's equation and inequality, K_1 and K_2, lambda^2 and
   * K^(delta)(v) in closed form; checked against the paper's printed K_1, K_2 and cubic, and the
   * closed form against the exact NTK at a rational point.
   */
  public static PaperExample example15() {
    NtkFormula f = NtkFormula.of(EX15);
    // the paper's a = w1, b = w2; its K_1 and K_2, compared as polynomials
    String[][] k1 = {
      {"b0^2", "0", "b0*b1", "0", "0"},
      {"0", "b0^2", "0", "b0*b1", "0"},
      {"b0*b1", "0", "b0^2 + b1^2", "0", "b0*b1"},
      {"0", "b0*b1", "0", "b1^2", "0"},
      {"0", "0", "b0*b1", "0", "b1^2"}};
    String[][] k2 = {
      {"a0^2", "a0*a1", "a0*a2", "0", "0"},
      {"a0*a1", "a1^2", "a1*a2", "0", "0"},
      {"a0*a2", "a1*a2", "a0^2 + a2^2", "a0*a1", "a0*a2"},
      {"0", "0", "a0*a1", "a1^2", "a1*a2"},
      {"0", "0", "a0*a2", "a1*a2", "a2^2"}};
    List<List<Expr>> block1Expr = JasExprs.polynomials(f.block(0));
    List<List<Expr>> block2Expr = JasExprs.polynomials(f.block(1));
    boolean blocksMatch = f.block(0).equals(polynomials(f.ring(), k1))
        && f.block(1).equals(polynomials(f.ring(), k2));

    NeuromanifoldEquations eq = NeuromanifoldEquations.compute(EX15);
    List<Expr> equations = eq.equations().stream().map(JasExprs::of).toList();
    boolean equationMatches = eq.complete() && equations.size() == 1
        && isCubicUpToSign(eq.equations().get(0), "v0*v3^2 + v1^2*v4 - v1*v2*v3");

    // inequality v2^2 - 4 v0 v4 >= 0 on the image; a point of the hypersurface violating it has an empty fiber
    MuPlan plan = MuPlan.compile(EX15);
    Random random = new Random(15);
    boolean inequalityOnImage = true;
    for (int i = 0; i < 50; i++) {
      FilterTuple<BigFraction> t = tuple(EX15, randomVector(3, random), randomVector(2, random));
      List<BigFraction> v = plan.mu(Q, t);
      inequalityOnImage &= v.get(2).multiply(v.get(2)).subtract(v.get(0).multiply(v.get(4)).multiply(4)).signum() >= 0;
    }
    List<BigFraction> outside = q(1, 0, 1, 0, 1); // on the cubic, v2^2 - 4 v0 v4 = -3 < 0
    boolean outsideEmpty = Fiber.compute(EX15, outside, q(0)).points().isEmpty();

    // closed form K^(delta)(v) at a rational point: delta = the tuple's own invariant, beta_1 = ||a||^2
    InverseMap inverse = InverseMap.derive(EX15, TIMEOUT).orElseThrow();
    NtkOfVFormula kv = NtkOfVFormula.of(inverse, Invariants.symbolic(2));
    FilterTuple<BigFraction> theta = tuple(EX15, q(1, 3, 2), q(2, -1));
    List<BigFraction> v = plan.mu(Q, theta);
    List<BigFraction> delta = theta.invariants(Q);
    List<List<BigFraction>> closed = kv.evaluate(v, delta, theta.squaredNorm(Q, 0));
    boolean closedFormMatches = closed.equals(ExactNtk.of(theta).ntk().toFractions());

    var o = new PaperExample.Example15(
        EX15.summary(),
        f.mu().stream().map(JasExprs::of).toList(),
        equations,
        new PaperExample.NonNegative(discriminant()),
        inequalityOnImage,
        outside,
        outsideEmpty,
        block1Expr,
        block2Expr,
        JasExprs.quotients(inverse.theta().layers()),
        kv.lambdaSquared(),
        kv.ntkOfV(),
        v);
    boolean ok = blocksMatch && equationMatches && inequalityOnImage && outsideEmpty && closedFormMatches;
    Map<String, List<List<Expr>>> tex = new LinkedHashMap<>();
    tex.put("\\mu(a, b)", f.mu().stream().map(p -> List.of(JasExprs.of(p))).toList());
    tex.put("K_{1}", block1Expr);
    tex.put("K_{2}", block2Expr);
    List<List<Expr>> inverseExpr = JasExprs.quotients(inverse.theta().layers());
    tex.put("a(v)", List.of(inverseExpr.get(0)));
    tex.put("b(v)", List.of(inverseExpr.get(1)));
    tex.put("\\lambda^{2}", List.of(List.of(kv.lambdaSquared())));
    tex.put("K^{(\\delta)}(v)", kv.ntkOfV());
    return new PaperExample(15, "running example k=(3,2), s=(2,1): neuromanifold, K_1, K_2, K^(delta)(v)", ok,
        "mu(a,b) = (a0 b0, a1 b0, a2 b0 + a0 b1, a1 b1, a2 b1); the Zariski closure of M is the cubic "
            + (equations.isEmpty() ? "(none)" : Printer.TEXT.print(equations.get(0))) + " = 0 (elimination), every sampled "
            + "image point satisfies v2^2 - 4 v0 v4 >= 0 and a point of the cubic violating it has an "
            + "empty fiber; K_1, K_2 " + (blocksMatch ? "equal" : "DIFFER FROM") + " the paper's; the "
            + "closed form K^(delta)(v) from the inverse map (derived by elimination) "
            + (closedFormMatches ? "equals" : "DIFFERS FROM") + " the exact NTK at a rational point.",
        o, tex);
  }

  /** Ex. 16: the singular point v = (2, 0, 5, 0, 2): two balanced fiber points, different NTKs. */
  public static PaperExample example16() {
    List<BigFraction> v = q(2, 0, 5, 0, 2);
    Fiber fiber = Fiber.compute(EX15, v, q(0));
    // the paper's two NTKs
    RealAlgebraicNumber one = RealAlgebraicNumber.of(1);
    List<List<RealAlgebraicNumber>> paperA = matrix(new long[][] {
      {5, 0, 4, 0, 0}, {0, 4, 0, 2, 0}, {4, 0, 10, 0, 4}, {0, 2, 0, 1, 0}, {0, 0, 4, 0, 5}}, one);
    List<List<RealAlgebraicNumber>> paperB = matrix(new long[][] {
      {5, 0, 4, 0, 0}, {0, 1, 0, 2, 0}, {4, 0, 10, 0, 4}, {0, 2, 0, 4, 0}, {0, 0, 4, 0, 5}}, one);
    boolean ok = fiber.complete() && fiber.points().size() == 2 && !fiber.ntkEqual()
        && hasNtk(fiber, paperA) && hasNtk(fiber, paperB) && fiber.isSingular()
        && fiber.points().stream().allMatch(p -> p.rank() == 4);
    PaperExample.FiberObjects o = fiberObjects(fiber);
    return new PaperExample(16, "singular point v = (2,0,5,0,2): two factorizations, different NTKs", ok,
        "The fiber of v = (2,0,5,0,2) at delta = 0 has " + fiber.points().size() + " points (a = (1,0,2), "
            + "b = (2,1) and the swap (2,0,1), (1,2)), both of rank 4; their NTKs "
            + (fiber.ntkEqual() ? "are equal" : "differ") + " and equal the paper's two matrices: "
            + "the metric does not extend to the singular locus.", o, fiberMatrices(fiber));
  }

  /** Ex. 17: K^(delta)(v)'s (2,1) entry lambda^2 a0 a1 is strictly decreasing in delta. */
  public static PaperExample example17() {
    FilterTuple<BigFraction> theta = tuple(EX15, q(1, 2, 1), q(1, 3));
    List<BigFraction> deltas = List.of(new BigFraction(-2), new BigFraction(-1), BigFraction.ZERO,
        BigFraction.ONE, new BigFraction(2), new BigFraction(5));
    List<RealAlgebraicNumber> entries = new ArrayList<>();
    List<Expr> shownExpr = new ArrayList<>();
    boolean matchesLambda = true;
    for (BigFraction d : deltas) {
      var r = Rescaling.rescale(theta, List.of(d));
      RescaledNtk k = r.ntk();
      RealAlgebraicNumber e = k.toRealAlgebraic().get(1).get(0);
      entries.add(e);
      shownExpr.add(k.ntkExpr().get(1).get(0));
      RealAlgebraicNumber lambda2 = r.lambdas().get(0).multiply(r.lambdas().get(0));
      matchesLambda &= e.equals(lambda2.multiply(new BigFraction(2))); // a0 a1 = 1 * 2
    }
    boolean decreasing = true;
    for (int i = 1; i < entries.size(); i++) {
      decreasing &= entries.get(i).compareTo(entries.get(i - 1)) < 0;
    }
    var o = new PaperExample.Example17(
        theta.layers(),
        MuPlan.compile(EX15).mu(Q, theta),
        deltas,
        shownExpr,
        entries.stream().map(e -> e.toDecimalString(20)).toList(),
        decreasing);
    return new PaperExample(17, "K^(delta)(v) changes with delta", decreasing && matchesLambda,
        "At v = mu((1,2,1), (1,3)) the (2,1) entry of K^(delta)(v) equals lambda^2 a0 a1 "
            + (matchesLambda ? "" : "NOT ") + "and is " + (decreasing ? "strictly decreasing" : "NOT strictly decreasing")
            + " over delta = " + Rationals.formatAll(deltas) + " (exact comparisons of algebraic numbers): "
            + "different invariants give different metrics.", o,
        Map.of("K^{(\\delta)}(v)_{2,1}", shownExpr.stream().map(List::of).toList()));
  }

  /** Ex. 19: v = (0,1,1,0) with strides 1: three balanced factorizations, three NTKs. */
  public static PaperExample example19() {
    Fiber fiber = Fiber.compute(EX19, q(0, 1, 1, 0), q(0));
    // the paper's three NTKs: 1/sqrt(2) times integer matrices
    RealAlgebraicNumber s = RealAlgebraicNumber.of(new BigFraction(1, 2)).sqrt();
    List<List<List<RealAlgebraicNumber>>> paper = List.of(
        matrix(new long[][] {{1, 1, 0, 0}, {1, 4, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 1}}, s),
        matrix(new long[][] {{1, 1, 0, 0}, {1, 4, 1, 0}, {0, 1, 3, 0}, {0, 0, 0, 2}}, s),
        matrix(new long[][] {{2, 0, 0, 0}, {0, 3, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 1}}, s));
    boolean distinct = true;
    for (int i = 0; i < fiber.points().size(); i++) {
      for (int j = i + 1; j < fiber.points().size(); j++) {
        distinct &= !fiber.points().get(i).ntk().exactlyEquals(fiber.points().get(j).ntk());
      }
    }
    boolean matches = paper.stream().allMatch(p -> hasNtk(fiber, p));
    boolean ok = fiber.complete() && fiber.points().size() == 3 && distinct && matches;
    var o = new PaperExample.Example19(fiberObjects(fiber), matches);
    return new PaperExample(19, "stride 1: v = (0,1,1,0) has three factorizations with three NTKs", ok,
        "x^2 y + x y^2 = x y (x + y): the fiber at delta = 0 has " + fiber.points().size()
            + " points, their NTKs are pairwise " + (distinct ? "different" : "NOT all different")
            + " and " + (matches ? "equal" : "DIFFER FROM") + " (1/sqrt 2) times the paper's matrices: "
            + "with a stride 1 the NTK is not a function of v and delta.", o, fiberMatrices(fiber));
  }

  /** Ex. 20: fully connected, same product and Delta_1, different NTKs. */
  public static PaperExample example20() {
    FullyConnectedWitness w = FullyConnectedWitness.example20();
    boolean ok = w.productsEqual() && w.deltasEqual() && !w.ntkEqual() && !w.balanced();
    var o = new PaperExample.Example20(
        w.first(),
        w.second(),
        w.product(w.first()),
        w.deltas(w.first()).get(0),
        w.ntk(w.first()),
        w.ntk(w.second()),
        w.productsEqual(),
        w.deltasEqual(),
        w.ntkEqual());
    return new PaperExample(20, "fully connected: same product and Delta, different NTKs", ok,
        "V = (diag(1,1/2), diag(1,2)) and U = ([[0,1],[1/2,0]], [[0,2],[1,0]]) both multiply to I with "
            + "Delta_1 = diag(0,15/4); their NTKs (eq. 7) " + (w.ntkEqual() ? "are equal" : "differ")
            + ", so for unbalanced invariants the fully connected NTK depends on the parameters.", o,
        ex20Matrices(w));
  }

  /** Lemma 5 and Cor. 6 at a point of Theta_delta (the tuple's own invariants). */
  public static PaperExample.Lemma5Check lemma5AndCorollary6(FilterTuple<BigFraction> theta) {
    TangentCheck.Lemma5 lemma = TangentCheck.lemma5(theta);
    Random random = new Random(5);
    boolean metric = true;
    for (int i = 0; i < 5; i++) {
      metric &= TangentCheck.corollary6(theta, TangentCheck.randomTangentVector(theta, random)).holds();
    }
    return new PaperExample.Lemma5Check(
        theta.architecture().summary(),
        theta.layers(),
        lemma.tangentDimension(),
        lemma.jacobianRank(),
        lemma.restrictedRank(),
        lemma.bijective(),
        metric);
  }

  /** The NTK of each fiber point, as trees. */
  private static Map<String, List<List<Expr>>> fiberMatrices(Fiber fiber) {
    Map<String, List<List<Expr>>> m = new LinkedHashMap<>();
    for (int i = 0; i < fiber.points().size(); i++) {
      m.put("K(\\theta_{" + (i + 1) + "})", fiber.points().get(i).ntk().ntkExpr());
    }
    return m;
  }

  private static Map<String, List<List<Expr>>> ex20Matrices(FullyConnectedWitness w) {
    Map<String, List<List<Expr>>> m = new LinkedHashMap<>();
    for (int l = 0; l < w.first().size(); l++) {
      m.put("V_{" + (l + 1) + "}", exprs(w.first().get(l)));
    }
    for (int l = 0; l < w.second().size(); l++) {
      m.put("U_{" + (l + 1) + "}", exprs(w.second().get(l)));
    }
    m.put("V_{2} V_{1}", exprs(w.product(w.first())));
    m.put("\\Delta_{1}", exprs(w.deltas(w.first()).get(0)));
    m.put("K(V)", exprs(w.ntk(w.first())));
    m.put("K(U)", exprs(w.ntk(w.second())));
    return m;
  }

  private static List<List<Expr>> exprs(List<List<BigFraction>> m) {
    return m.stream().map(r -> r.stream().map(Exprs::num).toList()).toList();
  }

  static PaperExample.FiberObjects fiberObjects(Fiber fiber) {
    List<PaperExample.FiberPoint> points = new ArrayList<>();
    for (Fiber.Point p : fiber.points()) {
      points.add(new PaperExample.FiberPoint(
          p.rescaled().filtersExpr(), p.layerFactorizations(), p.ntk().ntkExpr(), p.rank()));
    }
    return new PaperExample.FiberObjects(
        fiber.architecture().summary(),
        fiber.target(),
        fiber.delta(),
        fiber.points().size(),
        points,
        fiber.ntkEqual(),
        fiber.isSingular());
  }

  /** Whether some point of the fiber has the NTK m, decided exactly (real algebraic numbers). */
  private static boolean hasNtk(Fiber fiber, List<List<RealAlgebraicNumber>> m) {
    return fiber.points().stream().anyMatch(p -> p.ntk().toRealAlgebraic().equals(m));
  }

  /** The integer matrix m times a real algebraic number. */
  private static List<List<RealAlgebraicNumber>> matrix(long[][] m, RealAlgebraicNumber scale) {
    List<List<RealAlgebraicNumber>> out = new ArrayList<>();
    for (long[] r : m) {
      out.add(Arrays.stream(r).mapToObj(x -> scale.multiply(new BigFraction(x))).toList());
    }
    return out;
  }

  /** The matrix of polynomials written (by us) in the ring's variables. */
  private static List<List<GenPolynomial<BigRational>>> polynomials(PolynomialRing ring, String[][] m) {
    return Arrays.stream(m).map(r -> Arrays.stream(r).map(ring.jas()::parse).toList()).toList();
  }

  /** Whether p is the polynomial written (by us) as {@code cubic}, or its negative. */
  private static boolean isCubicUpToSign(GenPolynomial<BigRational> p, String cubic) {
    GenPolynomial<BigRational> c = p.ring.parse(cubic);
    return p.equals(c) || p.equals(c.negate());
  }

  /** v2^2 - 4 v0 v4: the discriminant of Ex. 15's quadratic, non-negative on the image. */
  private static Expr discriminant() {
    return Exprs.sum(Exprs.power(Exprs.symbol("v", 2), 2),
        Exprs.product(Exprs.num(-4), Exprs.symbol("v", 0), Exprs.symbol("v", 4)));
  }

  private static List<BigFraction> randomVector(int n, Random random) {
    List<BigFraction> w = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      w.add(new BigFraction(random.nextInt(19) - 9, 1 + random.nextInt(4)));
    }
    return w;
  }
}
