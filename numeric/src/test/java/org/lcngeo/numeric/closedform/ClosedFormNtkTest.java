package org.lcngeo.numeric.closedform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.flow.FlowResult;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.flow.GradientFlow;
import org.lcngeo.numeric.ntk.NumericMu;
import org.lcngeo.numeric.rescale.NumericRescaling;

/**
 * The closed form of Example 15 (k = (3, 2), s = (2, 1)), written by hand from the paper (inverse
 * eq. 15, K_1 and K_2 as printed, lambda^2 of the quadratic equation), compiled with Janino: equal
 * to the numeric NTK J J^T at the tuple rescaled to the invariants (Prop. 2), and driving the
 * function-space flow along mu(theta(t)) of the parameter flow (Thm. 4).
 */
class ClosedFormNtkTest {
  static final Architecture EX15 = Architecture.of(new int[][] {{3}, {2}}, new int[][] {{2}, {1}});

  /** Example 15 in the contract of {@link ClosedFormNtk}: a method body over v and delta. */
  static final String EX15_BODY = """
      double a0 = v[0] / v[1], a1 = 1, a2 = v[4] / v[3];
      double b0 = v[1], b1 = v[3];
      double na = a0 * a0 + a1 * a1 + a2 * a2;
      double nb = b0 * b0 + b1 * b1;
      double d = delta[0];
      double l2 = (-d + sqrt(d * d + 4 * na * nb)) / (2 * na);
      double[][] k1 = {
        {b0 * b0, 0, b0 * b1, 0, 0},
        {0, b0 * b0, 0, b0 * b1, 0},
        {b0 * b1, 0, b0 * b0 + b1 * b1, 0, b0 * b1},
        {0, b0 * b1, 0, b1 * b1, 0},
        {0, 0, b0 * b1, 0, b1 * b1}};
      double[][] k2 = {
        {a0 * a0, a0 * a1, a0 * a2, 0, 0},
        {a0 * a1, a1 * a1, a1 * a2, 0, 0},
        {a0 * a2, a1 * a2, a0 * a0 + a2 * a2, a0 * a1, a0 * a2},
        {0, 0, a0 * a1, a1 * a1, a1 * a2},
        {0, 0, a0 * a2, a1 * a2, a2 * a2}};
      double[][] k = new double[5][5];
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
          k[i][j] = k1[i][j] / l2 + l2 * k2[i][j];
        }
      }
      return k;
      """;

  static final ClosedFormNtk EX15_NTK = ClosedFormNtk.compile(EX15_BODY, 5, 1);

  /**
   * Gaussian tuples of Ex. 15 away from the chart's boundary v1 v3 = 0 of the inverse (15) (every
   * entry of modulus above 0.05; no edge cases such as 0).
   */
  @Provide
  Arbitrary<double[]> ex15Tuples() {
    return Arbitraries.doubles().between(-4, 4).withDistribution(RandomDistribution.gaussian())
        .filter(x -> Math.abs(x) > 0.05).array(double[].class).ofSize(5).withoutEdgeCases();
  }

  @Property(tries = 200)
  void example15ClosedFormIsTheNtkAtTheRescaledTuple(
      @ForAll("ex15Tuples") double[] theta,
      @ForAll @DoubleRange(min = -3, max = 3) double delta) {
    NumericMu mu = NumericMu.of(EX15);
    double[] v = mu.newState().at(theta).mu();
    FilterTuple<Double> rescaled = NumericRescaling.rescale(
        FilterTuple.fromFlat(EX15, Arrays.stream(theta).boxed().toList()), List.of(delta))
        .filters();
    double[] th = rescaled.flat().stream().mapToDouble(Double::doubleValue).toArray();
    assertThat(mu.invariants(th)[0]).isCloseTo(delta, within(1e-9));
    double[][] expected = mu.newState().at(th).ntk();
    double[][] actual = EX15_NTK.ntk(v, new double[] {delta});
    double scale = Arrays.stream(expected).flatMapToDouble(Arrays::stream).map(Math::abs).max()
        .orElseThrow();
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        assertThat(Math.abs(actual[i][j] - expected[i][j])).as("entry (%d, %d)", i, j)
            .isLessThan(1e-10 * scale);
      }
    }
  }

  /**
   * Runs from theta0 with the compiled closed form, after checking that the parameter flow stays
   * inside the chart v1 v3 != 0 of the inverse (15) on a fine grid: where it crosses v1 = 0 or
   * v3 = 0, (15) has a removable singularity and another chart of Example 15 applies.
   */
  static FlowResult inChart(long dataSeed, double[] theta0, FlowSettings.Method method,
      ClosedFormNtk ntk) {
    QuadraticLoss loss =
        new QuadraticLoss(TrainingData.generate(EX15, 20, EX15.endToEndSize(), dataSeed, 0.1));
    NumericMu mu = NumericMu.of(EX15);
    FlowSettings settings = FlowSettings.of(method, 5).withGridIntervals(2000);
    FlowResult r = new GradientFlow(mu, loss, settings).run(theta0, ntk, null);
    for (double[] th : r.thetas()) {
      double[] v = mu.newState().at(th).mu();
      assertThat(Math.min(Math.abs(v[1]), Math.abs(v[3]))).isGreaterThan(0.05);
    }
    return r;
  }

  @ParameterizedTest
  @CsvSource({"4, 0.9, 0.5, -0.5, -0.8, 1.2", "1, -1.2, 2.8, 0.4, -1.4, 0.5",
      "3, -0.2, -1.8, 0.0, 3.9, -0.6"})
  void functionSpaceFlowWithTheCompiledClosedFormFollowsMuOfTheta(
      long dataSeed, double a0, double a1, double a2, double b0, double b1) {
    double[] theta0 = {a0, a1, a2, b0, b1};
    FlowResult r = inChart(dataSeed, theta0, FlowSettings.Method.RODAS4, EX15_NTK);
    assertThat(r.functionSpaceReached()).isEqualTo(5.0);
    assertThat(r.functionSpaceMethod()).isEqualTo(FlowSettings.Method.RODAS4);
    assertThat(r.functionSpaceDeviation()).isLessThan(1e-9);
    assertThat(r.finalLoss()).isLessThan(r.initialLoss());
    FlowResult dop = inChart(dataSeed, theta0, FlowSettings.Method.DOP853, EX15_NTK);
    assertThat(dop.functionSpaceDeviation()).isLessThan(1e-7);
  }

  @Test
  void aWrongMetricIsCaughtByTheFlow() {
    // lambda^2 of the balanced case used for delta = 0.77: not K^(delta), so v(t) leaves mu(theta(t))
    ClosedFormNtk balanced =
        ClosedFormNtk.compile(EX15_BODY.replace("double d = delta[0];", "double d = 0;"), 5, 1);
    double[] theta0 = {0.9, 0.5, -0.5, -0.8, 1.2};
    assertThat(NumericMu.of(EX15).invariants(theta0)[0]).isCloseTo(0.77, within(1e-12));
    FlowResult r = inChart(4, theta0, FlowSettings.Method.DOP853, balanced);
    assertThat(r.functionSpaceDeviation()).isGreaterThan(1e-3);
  }

  @Test
  void badSourceAndShapesAreReported() {
    assertThatThrownBy(() -> ClosedFormNtk.compile("return new double[1][1]", 1, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not compile");
    assertThatThrownBy(() -> ClosedFormNtk.compile("  ", 1, 0))
        .isInstanceOf(InvalidInputException.class);
    // a closed form of another architecture is rejected when it is compiled: it returns a matrix
    // of another size, or reads past v or delta
    assertThatThrownBy(() -> ClosedFormNtk.compile("return new double[][] {{v[0]}};", 2, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("another architecture");
    assertThatThrownBy(() -> ClosedFormNtk.compile(
        "return new double[][] {{v[2], 0}, {0, 1}};", 2, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("another architecture");
    assertThatThrownBy(() -> ClosedFormNtk.compile(
        "return new double[][] {{delta[0], 0}, {0, 1}};", 2, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("another architecture");
    // one whose shape changes with v passes the probe and is still checked at every use
    ClosedFormNtk two = ClosedFormNtk.compile(
        "return v[0] > 0 ? new double[][] {{1, 0}, {0, 1}} : new double[][] {{v[0]}};", 2, 0);
    assertThatThrownBy(() -> two.ntk(new double[2], new double[0]))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> two.ntk(new double[3], new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
    ClosedFormNtk one = ClosedFormNtk.compile("return new double[][] {{pow(abs(v[0]), 2)}};", 1, 0);
    assertThat(one.ntk(new double[] {-3}, new double[0])[0][0]).isEqualTo(9.0);
    assertThat(one.source()).contains("pow");
  }
}
