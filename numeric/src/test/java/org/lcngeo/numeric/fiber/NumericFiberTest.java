package org.lcngeo.numeric.fiber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Provide;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.numeric.rescale.NumericRescaling;

class NumericFiberTest {
  private static final double Q = Math.pow(2, 0.25);

  private static MuPlan plan1d(int[] k, int[] s) {
    return MuPlan.compile(Architecture.oneDimensional(k, s));
  }

  private static double distance(FilterTuple<Double> a, FilterTuple<Double> b) {
    double d = 0;
    List<Double> x = a.flat();
    List<Double> y = b.flat();
    for (int i = 0; i < x.size(); i++) {
      d = Math.max(d, Math.abs(x.get(i) - y.get(i)));
    }
    return d;
  }

  private static FilterTuple<Double> tuple(Architecture a, double[]... layers) {
    List<List<Double>> l = new ArrayList<>();
    for (double[] w : layers) {
      l.add(java.util.Arrays.stream(w).boxed().toList());
    }
    return FilterTuple.of(a, l);
  }

  private static void assertContains(List<FiberPoint> points, FilterTuple<Double> expected,
      double tol) {
    assertThat(points).as("fiber %s contains %s", points, expected)
        .anySatisfy(p -> assertThat(distance(p.theta(), expected)).isLessThan(tol));
  }

  @Test
  void example19HasThreeBalancedPointsWithThePapersFilters() {
    MuPlan plan = plan1d(new int[] {3, 2}, new int[] {1, 1});
    Architecture a = plan.architecture();
    List<FiberPoint> points = NumericFiber.recover(plan, new double[] {0, 1, 1, 0}, new double[] {0});
    assertThat(points).hasSize(3);
    assertContains(points, tuple(a, new double[] {0, Q, 0}, new double[] {1 / Q, 1 / Q}), 1e-12);
    assertContains(points, tuple(a, new double[] {1 / Q, 1 / Q, 0}, new double[] {0, Q}), 1e-12);
    assertContains(points, tuple(a, new double[] {0, 1 / Q, 1 / Q}, new double[] {Q, 0}), 1e-12);
    for (FiberPoint p : points) {
      assertThat(p.residual()).isLessThan(1e-14);
      assertThat(p.invariantResidual()).isLessThan(1e-14);
    }
  }

  @Test
  void example16HasTwoPoints() {
    MuPlan plan = plan1d(new int[] {3, 2}, new int[] {2, 1});
    Architecture a = plan.architecture();
    List<FiberPoint> points =
        NumericFiber.recover(plan, new double[] {2, 0, 5, 0, 2}, new double[] {0});
    assertThat(points).hasSize(2);
    assertContains(points, tuple(a, new double[] {2, 0, 1}, new double[] {1, 2}), 1e-12);
    assertContains(points, tuple(a, new double[] {1, 0, 2}, new double[] {2, 1}), 1e-12);
  }

  @Test
  void aDoubleRootSharedByIdenticalLayersCountsOnce() {
    // (1 + z)^2 with k = (2, 2), stride 1: both layers get the root -1, a single point.
    MuPlan plan = plan1d(new int[] {2, 2}, new int[] {1, 1});
    List<FiberPoint> points = NumericFiber.recover(plan, new double[] {1, 2, 1}, new double[] {0});
    assertThat(points).hasSize(1);
    assertThat(points.get(0).residual()).isLessThan(1e-12);
  }

  @Test
  void multipleRootsAreRecognizedAsSuch() {
    // (1 + z)^3 with k = (3, 2), stride 1: layer 1 gets (1 + z)^2, layer 2 (1 + z): one point.
    MuPlan plan = plan1d(new int[] {3, 2}, new int[] {1, 1});
    List<FiberPoint> points = NumericFiber.recover(plan, new double[] {1, 3, 3, 1}, new double[] {0});
    assertThat(points).hasSize(1);
    assertThat(points.get(0).residual()).isLessThan(1e-12);
    // (2 - z)^3 (3 + z) with k = (3, 2, 2), strides 1: layer 1 gets (2-z)^2 or (2-z)(3+z), the
    // others the rest: {aa, a, b}, {aa, b, a}, {ab, a, a}: three points.
    double[] v = mul(mul(mul(new double[] {2, -1}, new double[] {2, -1}),
        new double[] {2, -1}), new double[] {3, 1});
    MuPlan three = plan1d(new int[] {3, 2, 2}, new int[] {1, 1, 1});
    List<FiberPoint> p3 = NumericFiber.recover(three, v, new double[] {0, 0});
    assertThat(p3).hasSize(3);
    assertThat(p3).allSatisfy(p -> assertThat(p.residual()).isLessThan(1e-10));
    // (1 + z^2)^2 (1 + z) with k = (2, 3), strides (2, 1): layer 2 (t = 2) gets the double orbit
    // u = -1 twice, layer 1 the root -1: one point.
    double[] w = mul(mul(new double[] {1, 0, 1}, new double[] {1, 0, 1}), new double[] {1, 1});
    List<FiberPoint> p2 = NumericFiber.recover(plan1d(new int[] {2, 3}, new int[] {2, 1}), w,
        new double[] {0});
    assertThat(p2).hasSize(1);
    assertThat(p2.get(0).residual()).isLessThan(1e-10);
  }

  @Test
  void distinctRealRootsAndStrideOneGiveTheMultinomialCount() {
    // prod_{r=1..6} (z - r) over six layers of size 2, strides 1: 6! ordered distributions.
    double[] v = {1};
    for (int r = 1; r <= 6; r++) {
      v = mul(v, new double[] {-r, 1});
    }
    MuPlan plan = plan1d(new int[] {2, 2, 2, 2, 2, 2}, null);
    List<FiberPoint> points = NumericFiber.recover(plan, v, new double[5]);
    assertThat(points).hasSize(720);
    assertThat(points).allSatisfy(p -> assertThat(p.residual()).isLessThan(1e-9 * 720));
  }

  @Test
  void aTargetOutsideTheNeuromanifoldHasAnEmptyFiber() {
    // k = (2, 2), strides (2, 1): pi_1(v) must be (a0 + a1 z)(b0 + b1 z^2); 1 + z + z^2 + z^3 is
    // (1 + z)(1 + z^2), fine, but 1 + 3 z + 3 z^2 + z^3 = (1 + z)^3 has no orbit {r, -r}.
    MuPlan plan = plan1d(new int[] {2, 2}, new int[] {2, 1});
    assertThat(NumericFiber.recover(plan, new double[] {1, 1, 1, 1}, new double[] {0})).hasSize(1);
    assertThat(NumericFiber.recover(plan, new double[] {1, 3, 3, 1}, new double[] {0})).isEmpty();
  }

  @Test
  void badInputIsRejectedWithAMessage() {
    MuPlan plan = plan1d(new int[] {3, 2}, new int[] {1, 1});
    assertThatThrownBy(() -> NumericFiber.recover(plan, new double[] {1, 2}, new double[] {0}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("entries");
    assertThatThrownBy(() -> NumericFiber.recover(plan, new double[4], new double[] {0}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("zero target");
    assertThatThrownBy(() -> NumericFiber.recover(plan, new double[] {1, 1, 1, 1}, new double[0]))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("invariants");
    // 20 layers of size 2 with stride 1 and 20 distinct real roots: 20! points.
    double[] product = {1};
    for (int r = 1; r <= 20; r++) {
      product = mul(product, new double[] {-r / 20.0, 1});
    }
    double[] many = product;
    int[] twos = new int[20];
    java.util.Arrays.fill(twos, 2);
    assertThatThrownBy(() -> NumericFiber.recover(plan1d(twos, null), many, new double[19]))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("more than");
    MuPlan twoD = MuPlan.compile(Architecture.of(new int[][] {{2, 2}, {2, 2}}, null));
    assertThatThrownBy(() -> NumericFiber.recover(twoD, new double[9], new double[] {0}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1-D");
  }

  @Test
  void rootsOfAPolynomialWithMultipleAndLargeRoots() {
    // (z - 1)^2 (z + 1e6) (z^2 + 1) = ... checked by evaluating the product back.
    double[] p = {1e6, -2e6 + 0, 0, 0, 0, 0};
    p = mul(mul(mul(new double[] {-1, 1}, new double[] {-1, 1}), new double[] {1e6, 1}),
        new double[] {1, 0, 1});
    Complex[] r = PolynomialRoots.roots(p);
    assertThat(r).hasSize(5);
    assertThat(r).anySatisfy(z -> assertThat(z.subtract(new Complex(-1e6)).norm()).isLessThan(1e-6));
    assertThat(r).anySatisfy(z -> assertThat(z.subtract(Complex.I).norm()).isLessThan(1e-12));
    assertThat(java.util.Arrays.stream(r).filter(z -> z.subtract(Complex.ONE).norm() < 1e-6))
        .hasSize(2);
  }

  private static double[] mul(double[] a, double[] b) {
    double[] c = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        c[i + j] += a[i] * b[j];
      }
    }
    return c;
  }

  /**
   * Architectures of D dimensions, H = 1..3, sizes 1..maxSize and strides 1..3 per axis, with
   * Gaussian tuples (no edge cases: the properties are about generic tuples).
   */
  static Arbitrary<FilterTuple<Double>> gaussianTuples(int dims, int maxSize) {
    Arbitrary<int[]> size = Arbitraries.integers().between(1, maxSize).array(int[].class).ofSize(dims);
    Arbitrary<int[]> stride = Arbitraries.integers().between(1, 3).array(int[].class).ofSize(dims);
    return Combinators.combine(size, stride).as((k, st) -> new int[][] {k, st})
        .list().ofMinSize(1).ofMaxSize(3)
        .map(layers -> Architecture.of(
            layers.stream().map(l -> l[0]).toArray(int[][]::new),
            layers.stream().map(l -> l[1]).toArray(int[][]::new)))
        .flatMap(a -> gaussians(a.parameterCount()).map(
            t -> FilterTuple.fromFlat(a, java.util.Arrays.stream(t).boxed().toList())))
        .withoutEdgeCases();
  }

  /** Gaussian entries, none zero (so that no filter, and no target, is zero). */
  static Arbitrary<double[]> gaussians(int n) {
    return Arbitraries.doubles().between(-5, 5).withDistribution(RandomDistribution.gaussian())
        .filter(x -> Math.abs(x) > 1e-3).array(double[].class).ofSize(n);
  }

  private static double[] array(List<Double> x) {
    return x.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A generic 1-D tuple and other invariants (2 times Gaussian). */
  record Generic(FilterTuple<Double> theta, double[] other) {}

  @Provide
  Arbitrary<Generic> generic1d() {
    return gaussianTuples(1, 4).flatMap(t -> gaussians(t.depth() - 1)
        .map(o -> new Generic(t, java.util.Arrays.stream(o).map(x -> 2 * x).toArray())))
        .withoutEdgeCases();
  }

  @Property(tries = 300)
  void theRecoveredFiberContainsTheGeneratingClassAndEveryPointMapsToV(
      @ForAll("generic1d") Generic c) {
    FilterTuple<Double> theta = c.theta();
    MuPlan plan = MuPlan.compile(theta.architecture());
    double[] v = array(plan.mu(DoubleRing.INSTANCE, theta));
    double[] delta = array(theta.invariants(DoubleRing.INSTANCE));
    double scale = java.util.Arrays.stream(v).map(Math::abs).max().orElse(1);
    List<FiberPoint> points = NumericFiber.recover(plan, v, delta);
    assertThat(points).isNotEmpty();
    for (FiberPoint p : points) {
      assertThat(p.residual()).isLessThan(1e-7 * scale);
      assertThat(p.invariantResidual()).isLessThan(1e-7 * (1 + scale));
    }
    assertContains(points, NumericRescaling.canonicalSigns(theta), 1e-5);
    if (theta.architecture().allInnerStridesGreaterThanOne()) {
      assertThat(points).as("Thm. 4: a generic v has one point").hasSize(1);
    }
    // Other invariants: the same projective points, rescaled by Prop. 2.
    double[] other = c.other();
    List<FiberPoint> rescaled = NumericFiber.recover(plan, v, other);
    assertThat(rescaled).hasSameSizeAs(points);
    for (FiberPoint p : rescaled) {
      assertThat(p.residual()).isLessThan(1e-7 * scale);
      assertThat(p.invariantResidual()).isLessThan(1e-7 * (1 + scale));
    }
    assertContains(rescaled,
        NumericRescaling.canonicalSigns(
            NumericRescaling.rescale(theta, java.util.Arrays.stream(other).boxed().toList()).filters()), 1e-5);
  }

  /**
   * Tuples whose layer polynomials draw their roots u from a pool of two real values and one
   * conjugate pair, so that roots repeat within and across layers.
   */
  /**
   * Layers whose roots u come from a pool of two real values and one conjugate pair: per layer a
   * size k_l (1..4), a stride (1..3), a leading coefficient and k_l - 1 choices, each 0 (the
   * conjugate pair when two roots are still free, else pool[0]), 1 (pool[0]) or 2 (pool[1]).
   */
  record Repeated(
      List<int[]> layers, Pool pool, double re, double im, List<Double> leading,
      List<List<Integer>> choices) {}

  /** The real pool values: moduli in [0.15, 0.5] and [2, 6], and their signs. */
  record Pool(double small, double large, boolean smallNegative, boolean largeNegative) {}

  @Provide
  Arbitrary<Repeated> repeatedRoots() {
    Arbitrary<int[]> layer = Combinators.combine(Arbitraries.integers().between(1, 4),
        Arbitraries.integers().between(1, 3)).as((k, s) -> new int[] {k, s});
    return layer.list().ofMinSize(1).ofMaxSize(3).flatMap(layers -> {
      Arbitrary<List<List<Integer>>> choices = Combinators.combine(layers.stream()
          .map(l -> Arbitraries.integers().between(0, 2).list().ofSize(l[0] - 1))
          .toList()).as(c -> c);
      return Combinators.combine(
          Combinators.combine(Arbitraries.doubles().between(0.15, 0.5),
              Arbitraries.doubles().between(2, 6), Arbitraries.of(true, false),
              Arbitraries.of(true, false)).as(Pool::new),
          Arbitraries.doubles().between(-3, 3).withDistribution(RandomDistribution.gaussian()),
          Arbitraries.doubles().between(0.3, 1.3),
          Arbitraries.doubles().between(0.5, 1.5).list().ofSize(layers.size()),
          choices)
          .as((pool, re, im, leading, c) -> new Repeated(layers, pool, re, im, leading, c));
    }).withoutEdgeCases();
  }

  @Property(tries = 300)
  void fibersOfTargetsWithRepeatedRootsContainTheGeneratingClass(
      @ForAll("repeatedRoots") Repeated c) {
    int h = c.layers().size();
    int[] k = c.layers().stream().mapToInt(l -> l[0]).toArray();
    int[] s = c.layers().stream().mapToInt(l -> l[1]).toArray();
    Architecture a = Architecture.oneDimensional(k, s);
    // Real pool values of modulus in [0.15, 0.5] and [2, 6]: for |u| near 1 the t-th roots of u for
    // different t (and of nearby values) crowd together at z = +-1, and the roots of pi_1(v) become
    // too ill-conditioned for double precision. Witnesses: k = (4,3,4), s = (3,3,2) with pool
    // values 1.10 and 0.98 puts eight roots, two of them double, within 0.12 of z = 1; k =
    // (1,4,4), s = (2,2,1) with u = 0.99992 at t = 2 and t = 4 puts six roots within 5e-5 of 1.
    double[] pool = {c.pool().small() * (c.pool().smallNegative() ? -1 : 1),
        c.pool().large() * (c.pool().largeNegative() ? -1 : 1)};
    double re = c.re();
    double im = c.im();
    List<List<Double>> layers = new ArrayList<>();
    for (int l = 0; l < h; l++) {
      double[] q = {c.leading().get(l)};
      int free = k[l] - 1;
      int next = 0;
      while (free > 0) {
        int choice = c.choices().get(l).get(next++);
        if (free >= 2 && choice == 0) {
          q = mul(q, new double[] {re * re + im * im, -2 * re, 1});
          free -= 2;
        } else {
          q = mul(q, new double[] {-pool[Math.max(choice, 1) - 1], 1});
          free--;
        }
      }
      layers.add(java.util.Arrays.stream(q).boxed().toList());
    }
    FilterTuple<Double> theta = FilterTuple.of(a, layers);
    MuPlan plan = MuPlan.compile(a);
    double[] v = array(plan.mu(DoubleRing.INSTANCE, theta));
    double[] delta = array(theta.invariants(DoubleRing.INSTANCE));
    double scale = java.util.Arrays.stream(v).map(Math::abs).max().orElse(1);
    List<FiberPoint> points = NumericFiber.recover(plan, v, delta);
    for (FiberPoint p : points) {
      assertThat(p.residual()).isLessThan(1e-7 * scale);
    }
    assertContains(points,
        NumericRescaling.canonicalSigns(
            NumericRescaling.rescale(theta, java.util.Arrays.stream(delta).boxed().toList()).filters()), 1e-5);
  }

  /** A generic 2-D tuple and a Gaussian perturbation of it. */
  record Perturbed(FilterTuple<Double> theta, double[] perturbation) {}

  @Provide
  Arbitrary<Perturbed> perturbed2d() {
    return gaussianTuples(2, 3).flatMap(t -> gaussians(t.architecture().parameterCount())
        .map(p -> new Perturbed(t, p))).withoutEdgeCases();
  }

  @Property(tries = 100)
  void gaussNewtonRecoversAPerturbed2dTuple(@ForAll("perturbed2d") Perturbed c) {
    FilterTuple<Double> theta = c.theta();
    MuPlan plan = MuPlan.compile(theta.architecture());
    double[] v = array(plan.mu(DoubleRing.INSTANCE, theta));
    double[] delta = array(theta.invariants(DoubleRing.INSTANCE));
    List<Double> flat = theta.flat();
    List<Double> moved = new ArrayList<>();
    for (int i = 0; i < flat.size(); i++) {
      moved.add(flat.get(i) + 1e-3 * c.perturbation()[i]);
    }
    FilterTuple<Double> start = FilterTuple.fromFlat(theta.architecture(), moved);
    FiberPoint p = NumericFiber.refine(plan, v, delta, start);
    double scale = java.util.Arrays.stream(v).map(Math::abs).max().orElse(1);
    assertThat(p.residual()).isLessThan(1e-10 * (1 + scale));
    assertThat(p.invariantResidual()).isLessThan(1e-10 * (1 + scale));
    double d = distance(p.theta(), NumericRescaling.canonicalSigns(theta));
    // Near a target with two nearly equal roots another fiber point can lie within the
    // perturbation (an effectively 1-D architecture such as k = (2x1, 3x1), stride 1 in the first
    // dimension, swaps two close roots): then refine lands on a solution near the start. When every
    // layer extends in two dimensions, the generic fiber is one point up to layer swaps (Cor. 10),
    // which are far away, so refine must return theta itself.
    assertThat(d).isLessThan(0.1);
    boolean twoVariablePairsPerLayer = true;
    for (int l = 0; l < theta.depth(); l++) {
      twoVariablePairsPerLayer &=
          java.util.Arrays.stream(theta.architecture().size(l)).filter(x -> x > 1).count() >= 2;
    }
    if (twoVariablePairsPerLayer) {
      assertThat(d).isLessThan(1e-8);
    }
  }
}
