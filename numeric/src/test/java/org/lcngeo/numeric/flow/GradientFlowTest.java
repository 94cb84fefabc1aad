package org.lcngeo.numeric.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.TestResources;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.ntk.NumericMu;

/** The parameter-space flow: its Hessian, invariants, monotone loss, limits, and workload W4. */
class GradientFlowTest {
  /** A random architecture: D 1..2, H 2..3, sizes 2..3, strides 1..2 (or 2 when asked). */
  static Architecture random(Random r, boolean stridesAboveOne) {
    int dims = 1 + r.nextInt(2);
    int h = 2 + r.nextInt(2);
    int[][] k = new int[h][dims];
    int[][] s = new int[h][dims];
    for (int l = 0; l < h; l++) {
      for (int m = 0; m < dims; m++) {
        k[l][m] = 2 + r.nextInt(dims == 1 ? 2 : 1);
        s[l][m] = stridesAboveOne ? 2 : 1 + r.nextInt(2);
      }
    }
    return Architecture.of(k, s);
  }

  static double[] gaussian(Random r, int n, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = scale * r.nextGaussian();
    }
    return x;
  }

  static QuadraticLoss data(Architecture a, long seed) {
    return new QuadraticLoss(TrainingData.generate(a, 12, a.endToEndSize(), seed, 0.1));
  }

  /** An architecture of {@link #random}'s family with parameters drawn from N(0, scale^2). */
  record Start(Architecture architecture, double[] theta) {
    @Override
    public String toString() {
      return architecture.summary() + " theta " + java.util.Arrays.toString(theta);
    }
  }

  /** {@link #random}'s architectures: D 1..2, H 2..3, sizes 2..3 (2 for D = 2), strides 1..2 or 2. */
  static Arbitrary<Architecture> architectures(boolean stridesAboveOne) {
    return Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(2, 3))
        .flatAs((dims, h) -> {
          Arbitrary<int[]> size = Arbitraries.integers().between(2, dims == 1 ? 3 : 2)
              .array(int[].class).ofSize(dims);
          Arbitrary<int[]> stride = Arbitraries.integers().between(stridesAboveOne ? 2 : 1, 2)
              .array(int[].class).ofSize(dims);
          return Combinators.combine(size.array(int[][].class).ofSize(h),
              stride.array(int[][].class).ofSize(h)).as(Architecture::of);
        });
  }

  /**
   * Gaussian N(0, scale^2) entries (jqwik's gaussian distribution, cut at 6 sigma; no edge cases,
   * which would put every entry at 6 sigma), so that a failure shrinks toward zero.
   */
  static Arbitrary<double[]> gaussians(int n, double scale) {
    double border = Math.rint(6e6 * scale) / 1e6; // 6 sigma, representable at the scale
    return Arbitraries.doubles().between(-border, border).ofScale(12)
        .withDistribution(RandomDistribution.gaussian(6)).withoutEdgeCases()
        .array(double[].class).ofSize(n);
  }

  static Arbitrary<Start> starts(boolean stridesAboveOne, double scale) {
    return architectures(stridesAboveOne).flatMap(a ->
        gaussians(a.parameterCount(), scale).map(theta -> new Start(a, theta)));
  }

  @Provide
  Arbitrary<Start> starts07() {
    return starts(false, 0.7);
  }

  @Provide
  Arbitrary<Start> starts05() {
    return starts(false, 0.5);
  }

  @Provide
  Arbitrary<Start> stridedStarts05() {
    return starts(true, 0.5);
  }

  @Property(tries = 40)
  void hessianIsTheDerivativeOfTheGradient(
      @ForAll("starts07") Start start, @ForAll @IntRange(min = 0, max = 100000) int dataSeed) {
    Architecture a = start.architecture();
    NumericMu mu = NumericMu.of(a);
    GradientField f = new GradientField(mu, data(a, dataSeed));
    int p = a.parameterCount();
    double[] theta = start.theta();
    double[][] h = new double[p][p];
    f.hessian(theta, h);
    double[] gp = new double[p];
    double[] gm = new double[p];
    double scale = 0;
    for (double[] row : h) {
      for (double x : row) {
        scale = Math.max(scale, Math.abs(x));
      }
    }
    for (int i = 0; i < p; i++) {
      double e = 1e-5;
      double[] tp = theta.clone();
      double[] tm = theta.clone();
      tp[i] += e;
      tm[i] -= e;
      f.derivative(tp, gp);
      f.derivative(tm, gm);
      for (int j = 0; j < p; j++) {
        // the field is -grad L, so -(d field / d theta_i) is column i of the Hessian
        double fd = -(gp[j] - gm[j]) / (2 * e);
        assertThat(h[j][i]).as("H[%d][%d]", j, i).isCloseTo(fd, Offset.offset(1e-6 * (1 + scale)));
      }
    }
  }

  @Property(tries = 18)
  void invariantsAreConservedAndTheLossDoesNotIncrease(
      @ForAll("starts05") Start start, @ForAll @IntRange(min = 0, max = 100000) int dataSeed,
      @ForAll("methods") FlowSettings.Method method) {
    Architecture a = start.architecture();
    NumericMu mu = NumericMu.of(a);
    double[] theta0 = start.theta();
    FlowResult res =
        new GradientFlow(mu, data(a, dataSeed), FlowSettings.of(method, 2).withFunctionSpace(false))
            .run(theta0);
    double norms = 1;
    for (int l = 0; l < a.depth(); l++) {
      norms = Math.max(norms, mu.squaredNorm(theta0, l));
    }
    assertThat(res.deltaDrift()).isLessThan(1e-8 * norms);
    assertThat(res.lossIncreases()).isZero();
    assertThat(res.finalLoss()).isLessThanOrEqualTo(res.initialLoss());
  }

  @Test
  void increasesWithinTheLossRoundingErrorAreNotCounted() {
    // found by invariantsAreConservedAndTheLossDoesNotIncrease (seed -793162336212512653, shrunk):
    // at the fit, DOP853's grid losses alternate between values 1.2e-12 apart relative, the
    // rounding error of the reduced form v^T A v - 2 b^T v + y2 (y2 is 2,000 times the loss);
    // on [0, 5] (on [0, 2] when its grid states came from the dense output)
    Architecture a = Architecture.of(new int[][] {{2, 2}, {2, 2}}, new int[][] {{1, 1}, {2, 2}});
    double[] theta0 = {0, 0, 0, 0, 0, -0.098036694152, 0, 0.550110303692};
    QuadraticLoss loss = data(a, 10073);
    FlowResult res = new GradientFlow(NumericMu.of(a), loss,
        FlowSettings.of(FlowSettings.Method.DOP853, 5).withFunctionSpace(false)).run(theta0);
    double[] l = res.losses();
    double jump = 0;
    for (int k = 1; k < l.length; k++) {
      jump = Math.max(jump, (l[k] - l[k - 1]) / l[k - 1]);
    }
    assertThat(jump).isGreaterThan(1e-12);
    assertThat(res.lossIncreases()).isZero();
    double[] v = NumericMu.of(a).newState().at(res.thetas()[l.length - 1]).mu();
    assertThat(Math.abs(loss.value(v) - loss.dataLoss(v)))
        .isLessThanOrEqualTo(loss.valueRoundingError() + 1e-12 * loss.dataLoss(v));
  }

  @Test
  void dop853sGridStatesInsideItsStepsAreAsAccurateAsItsSteps() {
    // found by invariantsAreConservedAndTheLossDoesNotIncrease (seed -7505234537280093724, try 12
    // of 300, shrunk): near the fit, a step of 0.0315 held the grid times 0.29-0.31, and the 7th-order
    // dense output put them 10^4 tolerances off (the loss rose by 1.7e-12 from 0.30 to 0.31); at the
    // steps' ends the flow was within tolerance
    Architecture a = Architecture.of(new int[][] {{3}, {3}}, new int[][] {{1}, {1}});
    double[] theta0 = {0.359400367641, 0.0, -0.261883300808, 4.181E-9, 0.01604077653, 0.823248239043};
    QuadraticLoss loss = data(a, 405);
    NumericMu mu = NumericMu.of(a);
    FlowResult dop = new GradientFlow(mu, loss,
        FlowSettings.of(FlowSettings.Method.DOP853, 2).withFunctionSpace(false)).run(theta0);
    FlowResult ref = new GradientFlow(mu, loss, FlowSettings.of(FlowSettings.Method.DOP853, 2)
        .withTolerances(1e-13, 1e-15).withFunctionSpace(false)).run(theta0);
    for (int k = 0; k < dop.times().length; k++) {
      double[] x = dop.thetas()[k];
      double[] y = ref.thetas()[k];
      for (int i = 0; i < x.length; i++) {
        assertThat(Math.abs(x[i] - y[i]) / (1e-12 + 1e-10 * Math.abs(y[i])))
            .as("t = %s, theta_%d", dop.times()[k], i).isLessThan(100);
      }
    }
    assertThat(dop.lossIncreases()).isZero();
  }

  @Provide
  Arbitrary<FlowSettings.Method> methods() {
    return Arbitraries.of(
        FlowSettings.Method.BDF, FlowSettings.Method.RODAS4, FlowSettings.Method.DOP853);
  }

  @Test
  void allThreeIntegratorsAgreeWhereATrialStageOverflows() {
    // a 2-D H = 3 network whose first DOP853 trial steps overflow (the flow is cubic in theta):
    // Hipparchus stopped on the NaN error; the wrapper now has such a step rejected
    int seed = 1034;
    Random r = new Random(seed);
    Architecture a = random(r, false);
    NumericMu mu = NumericMu.of(a);
    double[] theta0 = gaussian(r, a.parameterCount(), 0.5);
    QuadraticLoss loss = data(a, seed);
    double[] end = new double[3];
    int i = 0;
    for (FlowSettings.Method m : List.of(FlowSettings.Method.DOP853, FlowSettings.Method.RODAS4,
        FlowSettings.Method.BDF)) {
      FlowResult res =
          new GradientFlow(mu, loss, FlowSettings.of(m, 2).withFunctionSpace(false)).run(theta0);
      end[i++] = res.finalLoss();
    }
    assertThat(end[1]).isCloseTo(end[0], Offset.offset(1e-9 * end[0]));
    assertThat(end[2]).isCloseTo(end[0], Offset.offset(1e-9 * end[0]));
  }

  @Property(tries = 8)
  void withStridesAboveOneTheFlowEndsAtACriticalPointOffZero(
      @ForAll("stridedStarts05") Start start, @ForAll @IntRange(min = 0, max = 100000) int dataSeed) {
    Architecture a = start.architecture();
    NumericMu mu = NumericMu.of(a);
    QuadraticLoss loss = data(a, dataSeed);
    double[] theta0 = start.theta();
    GradientFlow flow =
        new GradientFlow(mu, loss, FlowSettings.of(FlowSettings.Method.RODAS4, 30)
            .withFunctionSpace(false));
    FlowResult res = flow.run(theta0);
    double[] g0 = new double[theta0.length];
    new GradientField(mu, loss).derivative(theta0, g0);
    // Thm. 7: a critical point, mu != 0, reached through a point of full rank
    assertThat(res.gradientNorm()).isLessThan(1e-6 * ConvergenceDiagnostics.norm(g0));
    assertThat(res.diagnostics().zero()).isFalse();
    assertThat(res.diagnostics().rank()).isEqualTo(res.diagnostics().dimension());
    assertThat(res.diagnostics().strictSaddle()).isFalse();
  }

  @Test
  void theOriginIsAStrictSaddle() {
    // Prop. 8's situation: all layers zero is a critical point, and for generic data a strict saddle
    Architecture a = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
    NumericMu mu = NumericMu.of(a);
    QuadraticLoss loss = data(a, 4);
    ConvergenceDiagnostics d =
        ConvergenceDiagnostics.at(mu, loss, new double[a.parameterCount()], 4, 1.0);
    assertThat(d.gradientNorm()).isZero();
    assertThat(d.zero()).isTrue();
    assertThat(d.rank()).isZero();
    assertThat(d.strictSaddle()).isTrue();
    assertThat(d.hessianEigenvalues()[0]).isNegative();
  }

  @Test
  void divergingGradientDescentIsReportedAsBadInput() {
    Architecture a = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
    GradientFlow flow = new GradientFlow(NumericMu.of(a), data(a, 1),
        FlowSettings.of(FlowSettings.Method.GD, 10).withStep(1.0).withFunctionSpace(false));
    assertThatThrownBy(() -> flow.run(new double[] {1, 2, 3, 4, 5}))
        .isInstanceOf(FlowDivergedException.class)
        .hasMessageContaining("diverged");
  }

  @Test
  void gradientDescentWithASmallStepFollowsTheFlow() {
    Architecture a = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
    QuadraticLoss loss = data(a, 2);
    NumericMu mu = NumericMu.of(a);
    double[] theta0 = {0.3, -0.2, 0.5, 0.4, 0.1};
    FlowSettings base = FlowSettings.of(FlowSettings.Method.RODAS4, 0.5).withFunctionSpace(false);
    double[] exact = new GradientFlow(mu, loss, base).run(theta0).finalTheta();
    double[] gd1 = new GradientFlow(mu, loss, FlowSettings.of(FlowSettings.Method.GD, 0.5)
        .withStep(1e-4).withFunctionSpace(false)).run(theta0).finalTheta();
    double[] gd2 = new GradientFlow(mu, loss, FlowSettings.of(FlowSettings.Method.GD, 0.5)
        .withStep(5e-5).withFunctionSpace(false)).run(theta0).finalTheta();
    double e1 = Rodas4Test.maxError(gd1, exact);
    double e2 = Rodas4Test.maxError(gd2, exact);
    // first order: halving the step halves the error
    assertThat(e1 / e2).isBetween(1.7, 2.3);
  }

  @Test
  void workloadW4ReachesSciPysEndPoint() {
    String text = TestResources.text("W4_W5.json");
    JsonNode w = TrainingData.readJson(text, "W4");
    Architecture a = Architecture.oneDimensional(new int[] {4, 3, 3}, new int[] {2, 2, 1});
    QuadraticLoss loss = new QuadraticLoss(TrainingData.fromJson(text, a, "W4"));
    double[] theta0 = TrainingData.flatten(w.get("inits").get(0), 1, new int[1], "inits[0]");
    NumericMu mu = NumericMu.of(a);
    FlowResult ros = new GradientFlow(mu, loss, FlowSettings.of(FlowSettings.Method.RODAS4, 20))
        .run(theta0);
    // SciPy DOP853 and LSODA (shared/bench/PEERS.md): final loss 2302.913821, drift 1.5e-12
    assertThat(ros.finalLoss()).isCloseTo(2302.913821, Offset.offset(1e-6));
    assertThat(ros.deltaDrift()).isLessThan(1e-10);
    assertThat(ros.lossIncreases()).isZero();
    assertThat(ros.functionSpaceDeviation()).isLessThan(1e-8);
    assertThat(ros.functionSpaceReached()).isEqualTo(20.0);
    assertThat(ros.diagnostics().zero()).isFalse();
    assertThat(ros.diagnostics().rank()).isEqualTo(8);
    assertThat(ros.diagnostics().dimension()).isEqualTo(8);
    FlowResult dop = new GradientFlow(mu, loss,
        FlowSettings.of(FlowSettings.Method.DOP853, 20).withFunctionSpace(false)).run(theta0);
    assertThat(Rodas4Test.maxError(dop.finalTheta(), ros.finalTheta())).isLessThan(1e-7);
    assertThat(dop.rhsEvaluations()).isGreaterThan(100 * ros.rhsEvaluations());
    // the NDF/BDF method: DOP853's end loss to 1e-8 relative, with fewer evaluations than
    // SciPy's LSODA (1,461) and a handful of Jacobians
    FlowResult bdf = new GradientFlow(mu, loss,
        FlowSettings.of(FlowSettings.Method.BDF, 20).withFunctionSpace(false)).run(theta0);
    assertThat(bdf.finalLoss()).isCloseTo(dop.finalLoss(), Offset.offset(1e-8 * dop.finalLoss()));
    assertThat(Rodas4Test.maxError(dop.finalTheta(), bdf.finalTheta())).isLessThan(1e-6);
    assertThat(bdf.deltaDrift()).isLessThan(1e-8);
    assertThat(bdf.lossIncreases()).isZero();
    assertThat(bdf.rhsEvaluations()).isLessThan(1461);
    assertThat(bdf.jacobians()).isLessThan(20);
    assertThat(bdf.factorizations()).isLessThan(bdf.steps());
  }

  @Test
  void oneFlowServesManyThreads() throws Exception {
    Architecture a = Architecture.oneDimensional(new int[] {3, 2, 2}, new int[] {2, 2, 1});
    GradientFlow flow = new GradientFlow(NumericMu.of(a), data(a, 6),
        FlowSettings.of(FlowSettings.Method.RODAS4, 3));
    double[][] inits = new double[8][];
    Random r = new Random(8);
    for (int i = 0; i < inits.length; i++) {
      inits[i] = gaussian(r, a.parameterCount(), 0.5);
    }
    double[][] sequential = new double[inits.length][];
    for (int i = 0; i < inits.length; i++) {
      sequential[i] = flow.run(inits[i]).finalTheta();
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<FlowResult>> futures = new java.util.ArrayList<>();
      for (double[] init : inits) {
        futures.add(pool.submit(() -> flow.run(init)));
      }
      for (int i = 0; i < inits.length; i++) {
        assertThat(futures.get(i).get().finalTheta()).containsExactly(sequential[i]);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
