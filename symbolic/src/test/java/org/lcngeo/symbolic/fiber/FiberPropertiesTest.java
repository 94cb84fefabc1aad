package org.lcngeo.symbolic.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import cc.redberry.rings.Rational;
import cc.redberry.rings.Rings;
import cc.redberry.rings.bigint.BigInteger;
import cc.redberry.rings.poly.multivar.GroebnerBases;
import cc.redberry.rings.poly.multivar.MonomialOrder;
import cc.redberry.rings.poly.multivar.MultivariatePolynomial;
import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Ring;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.algebraic.FieldElement;

/**
 * Completeness by construction and the paper's theorems as computed properties: random tuples of
 * random architectures, v = mu(theta).
 */
class FiberPropertiesTest {
  private static final RationalRing Q = RationalRing.INSTANCE;

  /** A random architecture and a random integer tuple with non-zero layers. */
  record Case(Architecture architecture, FilterTuple<BigFraction> theta) {
    List<BigFraction> target() {
      return MuPlan.compile(architecture).mu(Q, theta);
    }

    @Override
    public String toString() {
      return architecture.summary() + " theta=" + theta;
    }
  }

  /**
   * H = 2..3 layers of D = dims axes, sizes 1..maxSize (2..maxSize if sizeTwoEach) with at least
   * one size above one per layer (else one random axis gets 2), strides 1..maxStride, integer
   * entries in -bound..bound ({@link #tuples}).
   */
  static Arbitrary<Case> cases(int dims, int maxSize, int maxStride, int bound, boolean sizeTwoEach) {
    Arbitrary<int[]> sizes = Combinators.combine(
            Arbitraries.integers().between(sizeTwoEach ? 2 : 1, maxSize).array(int[].class).ofSize(dims),
            Arbitraries.integers().between(0, dims - 1))
        .as((k, axis) -> {
          if (java.util.Arrays.stream(k).allMatch(x -> x <= 1)) {
            k = k.clone();
            k[axis] = 2;
          }
          return k;
        });
    Arbitrary<int[]> strides =
        Arbitraries.integers().between(1, maxStride).array(int[].class).ofSize(dims);
    return Arbitraries.integers().between(2, 3)
        .flatMap(h -> Combinators.combine(sizes.array(int[][].class).ofSize(h),
            strides.array(int[][].class).ofSize(h)).as(Architecture::of))
        .flatMap(a -> tuples(a, bound).map(t -> new Case(a, t)));
  }

  /**
   * Integer filters with entries uniform in -bound..bound; a zero filter gets the entry 1 first.
   * Properties about generic points draw them {@code withoutEdgeCases()} (jqwik's edge cases, zeros
   * and extremes, are not generic).
   */
  static Arbitrary<FilterTuple<BigFraction>> tuples(Architecture a, int bound) {
    List<Arbitrary<List<BigFraction>>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      layers.add(Arbitraries.integers().between(-bound, bound)
          .withDistribution(net.jqwik.api.RandomDistribution.uniform())
          .list().ofSize(a.layerParameters(l))
          .map(xs -> {
            List<BigFraction> w = new ArrayList<>(xs.stream().map(BigFraction::new).toList());
            if (xs.stream().allMatch(x -> x == 0)) {
              w.set(0, BigFraction.ONE);
            }
            return w;
          }));
    }
    return Combinators.combine(layers).as(w -> FilterTuple.of(a, w));
  }

  /** theta's projective class in the representative's normal form. */
  static FilterTuple<BigFraction> normalForm(FilterTuple<BigFraction> theta, List<BigFraction> v) {
    Architecture a = theta.architecture();
    List<List<BigFraction>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth() - 1; l++) {
      layers.add(FiberEnumeration.primitive(theta.layer(l)));
    }
    layers.add(theta.layer(a.depth() - 1));
    List<BigFraction> mu = MuPlan.compile(a).mu(Q, FilterTuple.of(a, layers));
    int p = 0;
    while (mu.get(p).getNumerator().signum() == 0) {
      p++;
    }
    BigFraction s = v.get(p).divide(mu.get(p));
    layers.set(a.depth() - 1, theta.layer(a.depth() - 1).stream().map(x -> x.multiply(s)).toList());
    return FilterTuple.of(a, layers);
  }

  /**
   * The fiber, for targets within the factoring bounds (beyond them the enumeration refuses with
   * a clear error, a designed limit: such tries are discarded, not passed).
   */
  static FiberEnumeration withinBounds(Architecture a, List<BigFraction> v) {
    return withinBounds(() -> FiberEnumeration.of(a, v));
  }

  static <T> T withinBounds(java.util.function.Supplier<T> computation) {
    try {
      return computation.get();
    } catch (org.lcngeo.core.InvalidInputException e) {
      net.jqwik.api.Assume.that(!e.getMessage().contains("bound"));
      throw e;
    } catch (org.lcngeo.core.LimitExceededException e) {
      net.jqwik.api.Assume.that(false); // a designed limit (the factoring bounds): discarded
      throw e;
    }
  }

  @Provide
  Arbitrary<Case> small() {
    return Arbitraries.integers().between(1, 2).flatMap(d -> cases(d, d == 1 ? 4 : 3, 3, 2, false));
  }

  @Property(tries = 60)
  void fiberContainsTheGeneratingClassAndMapsToV(@ForAll("small") Case c) {
    List<BigFraction> v = c.target();
    if (v.stream().allMatch(x -> x.getNumerator().signum() == 0)) {
      return; // a layer polynomial vanished identically? impossible for non-zero layers
    }
    FiberEnumeration f = withinBounds(c.architecture(), v);
    MuPlan plan = MuPlan.compile(c.architecture());
    assertThat(f.points()).extracting(FiberEnumeration.RationalPoint::filters)
        .contains(normalForm(c.theta(), v));
    for (FiberEnumeration.RationalPoint p : f.points()) {
      assertThat(plan.mu(Q, p.filters())).isEqualTo(v);
    }
    assertThat(f.points()).extracting(FiberEnumeration.RationalPoint::filters)
        .doesNotHaveDuplicates();
  }

  /**
   * Completeness over R by construction: 1-D tuples whose first layer carries an irreducible
   * quadratic with real roots (z^2 - a), so that pi_1(v) has a Q-factor that splits over R and
   * the fiber has points with irrational entries. The fiber is complete (or says it met the field
   * degree bound), contains theta's class, and every point maps exactly to v.
   */
  @Property(tries = 25)
  void irrationalSplittingTargetsGiveCompleteFibersContainingTheta(@ForAll("splitting") Case c) {
    Architecture a = c.architecture();
    int h = a.depth();
    List<BigFraction> v = c.target();
    Fiber fiber = Fiber.compute(a, v, Collections.nCopies(h - 1, BigFraction.ZERO));
    net.jqwik.api.statistics.Statistics.collect(fiber.complete() ? "complete" : "field bound",
        fiber.points().stream().allMatch(Fiber.Point::isRational) ? "rational only"
            : "irrational points");
    if (!fiber.complete()) {
      assertThat(fiber.reason().orElseThrow()).as(c.toString()).contains("bound");
      return;
    }
    MuPlan plan = MuPlan.compile(a);
    List<FilterTuple<BigFraction>> rational = new ArrayList<>();
    for (Fiber.Point p : fiber.points()) {
      var field = p.filters().flat().get(0).field();
      assertThat(plan.mu(field, p.filters())).isEqualTo(v.stream().map(field::element).toList());
      if (p.isRational()) {
        rational.add(p.representative());
      }
    }
    assertThat(rational).as(c.toString()).contains(normalForm(c.theta(), v));
  }

  /**
   * 1-D, H = 2..3, k_1 = 3 and k_l = 2..3, strides 2 (one in three) or 1, entries in -3..3, the
   * first layer replaced by z^2 - a for a non-square a in {2, 3, 5, 6, 7}.
   */
  @Provide
  Arbitrary<Case> splitting() {
    Arbitrary<Integer> size = Arbitraries.integers().between(2, 3);
    Arbitrary<Integer> stride = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(2)), net.jqwik.api.Tuple.of(2, Arbitraries.just(1)));
    Arbitrary<int[]> layer = Combinators.combine(size, stride).as((k, s) -> new int[] {k, s});
    return Arbitraries.integers().between(2, 3)
        .flatMap(h -> layer.list().ofSize(h))
        .map(ls -> {
          int[] k = ls.stream().mapToInt(x -> x[0]).toArray();
          k[0] = 3;
          return Architecture.oneDimensional(k, ls.stream().mapToInt(x -> x[1]).toArray());
        })
        .flatMap(a -> Combinators.combine(tuples(a, 3), Arbitraries.of(2, 3, 5, 6, 7))
            .as((random, nonSquare) -> {
              List<List<BigFraction>> layers = new ArrayList<>(random.layers());
              layers.set(0, List.of(new BigFraction(-nonSquare), BigFraction.ZERO, BigFraction.ONE));
              return new Case(a, FilterTuple.of(a, layers));
            }));
  }

  // ------------------------------------------------------------------ independent count

  /**
   * H = 2: 1-D with sizes 2..3 and a first stride 1..3, or 2-D with sizes (2, 1..2), (1..2, 2)
   * and a first stride in 1..2 per axis; entries in -2..2.
   */
  @Provide
  Arbitrary<Case> tiny() {
    Arbitrary<Integer> one2 = Arbitraries.integers().between(1, 2);
    Arbitrary<Architecture> oneD = Combinators.combine(Arbitraries.integers().between(2, 3),
            Arbitraries.integers().between(2, 3), Arbitraries.integers().between(1, 3))
        .as((k1, k2, s1) -> Architecture.of(new int[][] {{k1}, {k2}}, new int[][] {{s1}, {1}}));
    Arbitrary<Architecture> twoD = Combinators.combine(one2, one2, one2, one2)
        .as((k1, k2, s1, s2) -> Architecture.of(
            new int[][] {{2, k1}, {k2, 2}}, new int[][] {{s1, s2}, {1, 1}}));
    return Arbitraries.oneOf(oneD, twoD).flatMap(a -> tuples(a, 2).map(t -> new Case(a, t)));
  }

  /**
   * The number of real solutions of mu(w) = v in the affine charts L_l(w_l) = 1 (random positive
   * linear forms, layers 1..H-1), counted from a lex Groebner basis (JAS) in shape position, equals
   * the number of points. Tries whose basis is not in shape position, or that exceed the time
   * budget, are discarded, not passed.
   */
  @Property(tries = 12, maxDiscardRatio = 10)
  void countEqualsGroebnerCount(@ForAll("tiny") Case c, @ForAll @IntRange(min = 1, max = 1000) int seed) {
    Architecture a = c.architecture();
    List<BigFraction> v = c.target();
    FiberEnumeration f = withinBounds(a, v);
    Random r = new Random(seed);
    List<List<Integer>> forms = chartForms(a, r);
    // every listed point must lie in the charts, else the comparison is void
    if (!inCharts(f, a, forms)) {
      return;
    }
    int listed = f.points().size() + f.algebraicPoints().size();
    // the Groebner basis of some systems is very slow; such tries are rejected (not passed) after
    // a time budget
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
        r2 -> {
          Thread t = new Thread(r2);
          t.setDaemon(true);
          return t;
        });
    java.util.OptionalInt real;
    try {
      real = pool.submit(() -> realSolutionCount(a, v, forms, r)).get(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      net.jqwik.api.Assume.that(false);
      return;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    net.jqwik.api.statistics.Statistics.collect(real.isPresent() ? "shape position" : "not in shape position");
    net.jqwik.api.Assume.that(real.isPresent());
    if (f.complete()) {
      assertThat(listed).as("%s, v=%s", c, v).isEqualTo(real.getAsInt());
    } else {
      assertThat(real.getAsInt()).as("%s, v=%s", c, v).isGreaterThanOrEqualTo(listed);
    }
  }

  /**
   * Regression: JAS' {@code PolyUtilApp.realAlgebraicRoots} counted 1 real solution here; the
   * fiber of v = -2 (z - 2)(z^2 + z - 1) for sizes (3, 2), strides (1, 1) has 3 real points (layer
   * 2 is any of the three real linear factors).
   */
  @net.jqwik.api.Example
  void groebnerCountOfAFiberWithIrrationalPoints() {
    Architecture a = Architecture.oneDimensional(new int[] {3, 2}, new int[] {1, 1});
    FilterTuple<BigFraction> theta = FilterTuple.of(a, List.of(
        List.of(new BigFraction(2), new BigFraction(-2), new BigFraction(-2)),
        List.of(new BigFraction(-2), BigFraction.ONE)));
    List<BigFraction> v = new Case(a, theta).target();
    assertThat(v).containsExactly(new BigFraction(-4), new BigFraction(6), new BigFraction(2),
        new BigFraction(-2));
    FiberEnumeration f = FiberEnumeration.of(a, v);
    assertThat(f.complete()).isTrue();
    assertThat(f.points().size() + f.algebraicPoints().size()).isEqualTo(3);
    for (int seed = 1; seed <= 10; seed++) {
      Random r = new Random(seed);
      List<List<Integer>> forms = chartForms(a, r);
      assertThat(inCharts(f, a, forms)).isTrue();
      assertThat(realSolutionCount(a, v, forms, r)).as("seed %d", seed).hasValue(3);
    }
  }

  /** Random positive integer linear forms L_l, one for each layer but the last. */
  static List<List<Integer>> chartForms(Architecture a, Random r) {
    List<List<Integer>> forms = new ArrayList<>();
    for (int l = 0; l < a.depth() - 1; l++) {
      List<Integer> coeff = new ArrayList<>();
      for (int j = 0; j < a.layerParameters(l); j++) {
        coeff.add(1 + r.nextInt(40));
      }
      forms.add(coeff);
    }
    return forms;
  }

  /** Whether no listed point lies on a hyperplane L_l = 0 (each then has one representative). */
  static boolean inCharts(FiberEnumeration f, Architecture a, List<List<Integer>> forms) {
    for (FiberEnumeration.RationalPoint p : f.points()) {
      for (int l = 0; l < a.depth() - 1; l++) {
        BigFraction s = BigFraction.ZERO;
        for (int j = 0; j < a.layerParameters(l); j++) {
          s = s.add(p.filters().layer(l).get(j).multiply(forms.get(l).get(j)));
        }
        if (s.getNumerator().signum() == 0) {
          return false;
        }
      }
    }
    for (FiberEnumeration.AlgebraicPoint p : f.algebraicPoints()) {
      for (int l = 0; l < a.depth() - 1; l++) {
        FieldElement s = p.field().zero();
        for (int j = 0; j < a.layerParameters(l); j++) {
          s = s.add(p.filters().layer(l).get(j).multiply(new BigFraction(forms.get(l).get(j))));
        }
        if (s.isZero()) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The number of real solutions w of mu(w) = v, L_l(w_l) = 1, independent of the fiber code: with
   * a random t = sum c_i w_i as the lowest variable, the reduced lex Groebner basis (Rings' modular
   * algorithm over Q; JAS' Buchberger took minutes on some 6-unknown systems) in shape position
   * {w_i - g_i(t)} + {h(t)} puts the solutions in bijection with the distinct roots of h, real
   * solutions with real roots (the g_i are rational), which a Sturm sequence counts exactly. Empty
   * when the basis is not in that shape (a positive-dimensional or non-curvilinear ideal).
   */
  static java.util.OptionalInt realSolutionCount(Architecture a, List<BigFraction> v,
      List<List<Integer>> forms, Random r) {
    int n = a.parameterCount();
    // Rings' LEX: the last variable, t, is the lowest
    RingsPolynomials ring = new RingsPolynomials(n + 1);
    List<MultivariatePolynomial<Rational<BigInteger>>> unknowns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      unknowns.add(ring.variable(i));
    }
    FilterTuple<MultivariatePolynomial<Rational<BigInteger>>> w = FilterTuple.fromFlat(a, unknowns);
    List<MultivariatePolynomial<Rational<BigInteger>>> eqs = new ArrayList<>();
    List<MultivariatePolynomial<Rational<BigInteger>>> mu = MuPlan.compile(a).mu(ring, w);
    for (int i = 0; i < mu.size(); i++) {
      eqs.add(mu.get(i).copy().subtract(ring.constant(v.get(i))));
    }
    for (int l = 0; l < a.depth() - 1; l++) {
      MultivariatePolynomial<Rational<BigInteger>> form = ring.constant(BigFraction.MINUS_ONE);
      for (int j = 0; j < a.layerParameters(l); j++) {
        form = form.add(w.layer(l).get(j).copy()
            .multiply(RingsPolynomials.rational(new BigFraction(forms.get(l).get(j)))));
      }
      eqs.add(form);
    }
    MultivariatePolynomial<Rational<BigInteger>> separating = ring.variable(n);
    for (MultivariatePolynomial<Rational<BigInteger>> x : unknowns) {
      separating = separating.subtract(
          x.copy().multiply(RingsPolynomials.rational(new BigFraction(r.nextInt(41) - 20))));
    }
    eqs.add(separating);
    List<MultivariatePolynomial<Rational<BigInteger>>> basis =
        GroebnerBases.GroebnerBasis(eqs, MonomialOrder.LEX);
    if (basis.size() == 1 && basis.get(0).isConstant()) {
      return java.util.OptionalInt.of(0); // no solution at all
    }
    MultivariatePolynomial<Rational<BigInteger>> eliminant = null;
    java.util.Set<Integer> leads = new java.util.HashSet<>();
    for (MultivariatePolynomial<Rational<BigInteger>> p : basis) {
      if (inT(p, n)) {
        if (eliminant != null) {
          return java.util.OptionalInt.empty();
        }
        eliminant = p;
      } else if (p.lt().totalDegree == 1 && inT(p.copy().subtract(p.lt()), n)) {
        leads.add(java.util.stream.IntStream.range(0, n).filter(i -> p.lt().exponents[i] == 1)
            .findFirst().orElse(n));
      } else {
        return java.util.OptionalInt.empty();
      }
    }
    if (eliminant == null || eliminant.isConstant() || leads.size() != n || basis.size() != n + 1) {
      return java.util.OptionalInt.empty();
    }
    GenPolynomialRing<BigRational> z = new GenPolynomialRing<>(BigRational.ONE, new String[] {"z"});
    GenPolynomial<BigRational> h = z.getZERO();
    for (cc.redberry.rings.poly.multivar.Monomial<Rational<BigInteger>> m : eliminant) {
      h = h.sum(z.univariate(0, m.exponents[n]).multiply(new BigRational(
          new edu.jas.arith.BigInteger(new java.math.BigInteger(m.coefficient.numerator().toByteArray())),
          new edu.jas.arith.BigInteger(new java.math.BigInteger(m.coefficient.denominator().toByteArray())))));
    }
    return java.util.OptionalInt.of(distinctRealRoots(h));
  }

  /** Whether p involves no variable but the last, t (index n). */
  private static boolean inT(MultivariatePolynomial<Rational<BigInteger>> p, int n) {
    for (cc.redberry.rings.poly.multivar.Monomial<Rational<BigInteger>> m : p) {
      if (m.totalDegree != m.exponents[n]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Distinct real roots of a non-constant polynomial in one variable (of a ring with more): sign
   * changes of the Sturm sequence of its squarefree part at -infinity minus those at +infinity.
   */
  static int distinctRealRoots(GenPolynomial<BigRational> p) {
    GenPolynomialRing<BigRational> z = new GenPolynomialRing<>(BigRational.ONE, new String[] {"z"});
    GenPolynomial<BigRational> f = z.getZERO();
    for (edu.jas.poly.Monomial<BigRational> m : p) {
      f = f.sum(z.univariate(0, m.exponent().totalDeg()).multiply(m.coefficient()));
    }
    f = f.divide(f.gcd(edu.jas.poly.PolyUtil.baseDerivative(f)));
    List<GenPolynomial<BigRational>> sturm = new ArrayList<>(List.of(f, edu.jas.poly.PolyUtil.baseDerivative(f)));
    while (!sturm.get(sturm.size() - 1).isZERO()) {
      int k = sturm.size();
      sturm.add(sturm.get(k - 2).remainder(sturm.get(k - 1)).negate());
    }
    sturm.remove(sturm.size() - 1);
    int atMinusInfinity = 0;
    int atPlusInfinity = 0;
    int minus = 0;
    int plus = 0;
    for (GenPolynomial<BigRational> s : sturm) {
      int sign = s.leadingBaseCoefficient().signum();
      int signMinus = s.degree() % 2 == 0 ? sign : -sign;
      atPlusInfinity += plus != 0 && plus != sign ? 1 : 0;
      atMinusInfinity += minus != 0 && minus != signMinus ? 1 : 0;
      plus = sign;
      minus = signMinus;
    }
    return atMinusInfinity - atPlusInfinity;
  }

  /** Rings' polynomials over Q in n variables (LEX) as a {@link Ring} for the plan's executor. */
  record RingsPolynomials(int n) implements Ring<MultivariatePolynomial<Rational<BigInteger>>> {
    static Rational<BigInteger> rational(BigFraction q) {
      return new Rational<>(Rings.Z, new BigInteger(q.getNumerator()), new BigInteger(q.getDenominator()));
    }

    MultivariatePolynomial<Rational<BigInteger>> variable(int i) {
      return zero().createMonomial(i, 1);
    }

    MultivariatePolynomial<Rational<BigInteger>> constant(BigFraction q) {
      return one().multiply(rational(q));
    }

    public MultivariatePolynomial<Rational<BigInteger>> zero() {
      return MultivariatePolynomial.zero(n, Rings.Q, MonomialOrder.LEX);
    }

    public MultivariatePolynomial<Rational<BigInteger>> one() {
      return MultivariatePolynomial.one(n, Rings.Q, MonomialOrder.LEX);
    }

    public MultivariatePolynomial<Rational<BigInteger>> add(
        MultivariatePolynomial<Rational<BigInteger>> a, MultivariatePolynomial<Rational<BigInteger>> b) {
      return a.copy().add(b);
    }

    public MultivariatePolynomial<Rational<BigInteger>> multiply(
        MultivariatePolynomial<Rational<BigInteger>> a, MultivariatePolynomial<Rational<BigInteger>> b) {
      return a.copy().multiply(b);
    }

    public MultivariatePolynomial<Rational<BigInteger>> negate(MultivariatePolynomial<Rational<BigInteger>> a) {
      return a.copy().negate();
    }

    public boolean isZero(MultivariatePolynomial<Rational<BigInteger>> a) {
      return a.isZero();
    }
  }

  // ------------------------------------------------------------------ the theorems

  /** Thm. 4: 1-D, strides s_1..s_{H-1} > 1, generic v: exactly one point, so one NTK. */
  @Property(tries = 30)
  void oneDimensionalStridesAboveOneGiveOnePoint(@ForAll("stridesAboveOne") Case c) {
    Architecture a = c.architecture();
    int h = a.depth();
    FilterTuple<BigFraction> theta = c.theta();
    // v is not generic when a layer is a polynomial in a power w^m (m > 1) of its own variable
    // w = z^(t_l), e.g. 366 - 94 z^2 for k = (3,3,4), s = (2,3,1): it can then trade real factors
    // with the next layer, in z^2 (3 points; see stridesAboveOneWithALayerInZSquared)
    net.jqwik.api.Assume.that(theta.layers().stream().noneMatch(FiberPropertiesTest::inAPower));
    Fiber fiber = Fiber.compute(a, MuPlan.compile(a).mu(Q, theta),
        Collections.nCopies(h - 1, BigFraction.ZERO));
    assertThat(fiber.complete()).as(a.summary()).isTrue();
    assertThat(fiber.points()).as(a.summary()).hasSize(1);
    assertThat(fiber.isSingular()).isFalse();
  }

  /** Whether the polynomial with these coefficients lies in Q[w^m] for some m > 1. */
  static boolean inAPower(List<BigFraction> coefficients) {
    int g = 0;
    for (int i = 1; i < coefficients.size(); i++) {
      if (coefficients.get(i).signum() != 0) {
        g = java.math.BigInteger.valueOf(g).gcd(java.math.BigInteger.valueOf(i)).intValue();
      }
    }
    return g > 1;
  }

  /**
   * The draw of Thm. 4's property found by a 1,000-try run: k = (3,3,4), s = (2,3,1), layer 1 =
   * 366 - 94 z^2 lies in Q[z^2], the ring of layer 2 (-907 - 541 z^2 + 807 z^4, one positive and
   * one negative root in z^2), so layer 1 may be any of the three real factors in z^2 and the
   * fiber has 3 points, each mapping to v: v is not generic, and the property discards such draws.
   */
  @net.jqwik.api.Example
  void stridesAboveOneWithALayerInZSquared() {
    Architecture a = Architecture.oneDimensional(new int[] {3, 3, 4}, new int[] {2, 3, 1});
    FilterTuple<BigFraction> theta = FilterTuple.of(a, List.of(
        List.of(new BigFraction(366), BigFraction.ZERO, new BigFraction(-94)),
        List.of(new BigFraction(-907), new BigFraction(-541), new BigFraction(807)),
        List.of(new BigFraction(-311), new BigFraction(657), new BigFraction(686),
            new BigFraction(688))));
    assertThat(inAPower(theta.layer(0))).isTrue();
    Fiber fiber = Fiber.compute(a, MuPlan.compile(a).mu(Q, theta), Collections.nCopies(2, BigFraction.ZERO));
    assertThat(fiber.complete()).as("%s", fiber.reason()).isTrue();
    assertThat(fiber.points()).hasSize(3);
    RealFiberTest.assertMapsToV(fiber);
  }

  /** 1-D, H = 2..3, sizes 2..4, strides 2..3 but the last 1, entries in -1000..1000. */
  @Provide
  Arbitrary<Case> stridesAboveOne() {
    Arbitrary<int[]> layer = Combinators.combine(Arbitraries.integers().between(2, 4),
        Arbitraries.integers().between(2, 3)).as((k, s) -> new int[] {k, s});
    return Arbitraries.integers().between(2, 3).flatMap(h -> layer.list().ofSize(h))
        .map(ls -> {
          int[] s = ls.stream().mapToInt(x -> x[1]).toArray();
          s[s.length - 1] = 1;
          return Architecture.oneDimensional(ls.stream().mapToInt(x -> x[0]).toArray(), s);
        })
        .flatMap(a -> tuples(a, 1000).map(t -> new Case(a, t)))
        .withoutEdgeCases();
  }

  /** Sizes 2..3 of H = 2..3 layers with distinct integer roots in -20..20, as many as they need. */
  record StrideOne(int[] k, List<Integer> roots) {
    @Override
    public String toString() {
      return java.util.Arrays.toString(k) + " roots " + roots;
    }
  }

  @Provide
  Arbitrary<StrideOne> strideOne() {
    return Arbitraries.integers().between(2, 3).array(int[].class).ofMinSize(2).ofMaxSize(3)
        .flatMap(k -> Arbitraries.integers().between(-20, 20).list().uniqueElements()
            .ofSize(java.util.Arrays.stream(k).map(x -> x - 1).sum())
            .map(roots -> new StrideOne(k, roots)));
  }

  /**
   * Sec. 2.3 / Example 19: 1-D, stride 1, v with N distinct real linear factors: the fiber has
   * N! / prod (k_l - 1)! points and their NTKs are not all equal.
   */
  @Property(tries = 15)
  void oneDimensionalStrideOneGivesSeveralPointsWithDifferentNtks(@ForAll("strideOne") StrideOne c) {
    int[] k = c.k();
    int h = k.length;
    Architecture a = Architecture.oneDimensional(k, null);
    // layers with distinct integer roots
    List<Integer> roots = c.roots();
    List<List<BigFraction>> layers = new ArrayList<>();
    int next = 0;
    for (int l = 0; l < h; l++) {
      List<BigFraction> w = new ArrayList<>(List.of(BigFraction.ONE));
      for (int i = 0; i < k[l] - 1; i++) {
        w = times(w, roots.get(next++));
      }
      layers.add(w);
    }
    FilterTuple<BigFraction> theta = FilterTuple.of(a, layers);
    Fiber fiber = Fiber.compute(a, MuPlan.compile(a).mu(Q, theta),
        Collections.nCopies(h - 1, BigFraction.ZERO));
    long expected = factorial(roots.size());
    for (int kk : k) {
      expected /= factorial(kk - 1);
    }
    assertThat(fiber.complete()).isTrue();
    assertThat(fiber.points()).hasSize((int) expected);
    // points related by a swap of equal layers (Obs. 11) have equal NTKs; the others, in general, not
    java.util.Map<List<String>, List<Fiber.Point>> classes = swapClasses(fiber);
    for (List<Fiber.Point> cls : classes.values()) {
      for (Fiber.Point p : cls) {
        assertThat(p.ntk().exactlyEquals(cls.get(0).ntk())).isTrue();
      }
    }
    assertThat(fiber.ntkEqual()).isEqualTo(classes.size() == 1);
  }

  /** Points grouped by the multiset of (layer space, layer filter up to scale). */
  static java.util.Map<List<String>, List<Fiber.Point>> swapClasses(Fiber fiber) {
    Architecture a = fiber.architecture();
    java.util.Map<List<String>, List<Fiber.Point>> classes = new java.util.HashMap<>();
    for (Fiber.Point p : fiber.points()) {
      List<String> key = new ArrayList<>();
      for (int l = 0; l < a.depth(); l++) {
        key.add(java.util.Arrays.toString(a.size(l)) + java.util.Arrays.toString(a.dilation(l))
            + FiberEnumeration.primitive(p.representative().layer(l)));
      }
      Collections.sort(key);
      classes.computeIfAbsent(key, x -> new ArrayList<>()).add(p);
    }
    return classes;
  }

  /**
   * Witness against the remark after Obs. 11 a) that t_l = t_L for l < L needs D > 1: in 1-D with
   * stride 1 and equal sizes, swapping two layers gives another point of the fiber, with the same
   * NTK (Obs. 11 b). v = (z - 1)(z + 1) for k = (2, 2), s = (1, 1).
   */
  @net.jqwik.api.Example
  void oneDimensionalEqualLayersSwapWithEqualNtks() {
    Architecture a = Architecture.oneDimensional(new int[] {2, 2}, null);
    Fiber fiber = Fiber.compute(a, List.of(new BigFraction(-1), BigFraction.ZERO, BigFraction.ONE),
        List.of(BigFraction.ZERO));
    assertThat(fiber.points()).hasSize(2);
    assertThat(fiber.points().get(0).representative().layer(0))
        .isNotEqualTo(fiber.points().get(1).representative().layer(0));
    assertThat(fiber.ntkEqual()).isTrue();
  }

  private static List<BigFraction> times(List<BigFraction> w, int root) {
    // (sum w_j z^j) * (z - root)
    List<BigFraction> out = new ArrayList<>(Collections.nCopies(w.size() + 1, BigFraction.ZERO));
    for (int j = 0; j < w.size(); j++) {
      out.set(j + 1, out.get(j + 1).add(w.get(j)));
      out.set(j, out.get(j).subtract(w.get(j).multiply(root)));
    }
    return out;
  }

  private static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }

  @Provide
  Arbitrary<Case> twoDimensional() {
    return cases(2, 3, 2, 30, true).withoutEdgeCases();
  }

  /**
   * Cor. 10 / Obs. 11 / Thm. 13: D = 2, every layer with two sizes above one, generic v: the points
   * differ only by swaps of layers with the same space, there are prod (class size)! of them, and
   * their NTKs are equal.
   */
  @Property(tries = 12)
  void twoDimensionalGenericPointsDifferBySwapsOnly(@ForAll("twoDimensional") Case c) {
    Architecture a = c.architecture();
    Fiber fiber = withinBounds(
        () -> Fiber.compute(a, c.target(), Collections.nCopies(a.depth() - 1, BigFraction.ZERO)));
    // classes of layers with the same space (Obs. 11 c)
    List<String> spaces = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      spaces.add(java.util.Arrays.toString(a.size(l)) + java.util.Arrays.toString(a.dilation(l)));
    }
    long expected = 1;
    for (String sp : new java.util.HashSet<>(spaces)) {
      expected *= factorial(Collections.frequency(spaces, sp));
    }
    assertThat(fiber.complete()).as(c + " " + fiber.reason()).isTrue();
    assertThat(fiber.points()).as(c.toString()).hasSize((int) expected);
    assertThat(fiber.ntkEqual()).isTrue();
    List<List<BigFraction>> first = fiber.points().get(0).representative().layers();
    for (Fiber.Point p : fiber.points()) {
      List<List<BigFraction>> layers = p.representative().layers();
      for (int l = 0; l < a.depth(); l++) {
        // layer l's filter is, up to scale, the filter of some layer with the same space
        int ll = l;
        boolean found = false;
        for (int m = 0; m < a.depth(); m++) {
          found |= spaces.get(m).equals(spaces.get(ll)) && proportional(layers.get(ll), first.get(m));
        }
        assertThat(found).isTrue();
      }
    }
  }

  private static boolean proportional(List<BigFraction> x, List<BigFraction> y) {
    return FiberEnumeration.primitive(x).equals(FiberEnumeration.primitive(y));
  }
}
