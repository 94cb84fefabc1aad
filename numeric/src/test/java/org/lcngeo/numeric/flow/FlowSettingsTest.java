package org.lcngeo.numeric.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.ntk.NumericMu;
import org.lcngeo.numeric.plot.FlowPlot;

/** The grids a flow is recorded on: uniform for files and tables, geometric for log-t figures. */
class FlowSettingsTest {
  @Property(tries = 50)
  void bothGridsRunFromZeroToTExactlyAndIncrease(
      @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double time,
      @ForAll @IntRange(min = 1, max = 2000) int m) {
    FlowSettings uniform = FlowSettings.of(FlowSettings.Method.BDF, time).withGridIntervals(m);
    double[] u = uniform.grid();
    double[] g = uniform.withSpacing(FlowSettings.Spacing.GEOMETRIC).grid();
    for (double[] grid : new double[][] {u, g}) {
      assertThat(grid).hasSize(m + 1);
      assertThat(grid[0]).isZero();
      assertThat(grid[m]).isEqualTo(time);
      for (int k = 1; k <= m; k++) {
        assertThat(grid[k]).isGreaterThan(grid[k - 1]);
      }
    }
    for (int k = 0; k < m; k++) {
      assertThat(u[k]).isEqualTo(time * k / m);
    }
    if (m > 1) {
      assertThat(g[1]).isCloseTo(time * FlowSettings.Spacing.GEOMETRIC_START,
          Offset.offset(1e-12 * time));
      double ratio = Math.pow(FlowSettings.Spacing.GEOMETRIC_START, -1.0 / (m - 1));
      for (int k = 2; k <= m; k++) {
        assertThat(g[k] / g[k - 1]).isCloseTo(ratio, Offset.offset(1e-9 * ratio));
      }
    }
  }

  @Test
  void gradientDescentIsRecordedOnTheUniformGridOnly() {
    FlowSettings gd = FlowSettings.of(FlowSettings.Method.GD, 1.0);
    assertThatThrownBy(() -> gd.withSpacing(FlowSettings.Spacing.GEOMETRIC))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("uniform grid");
  }

  /**
   * Notebook 05's flow (Ex. 15's architecture, BDF to T = 5): the loss falls from about 670 to 67
   * before the uniform grid's first time T/200, so a figure drawn from the uniform samples has
   * none while the loss falls; the geometric grid has many, and still a log-t figure.
   */
  @Test
  void theGeometricGridSamplesTheFallTheUniformGridSkips() {
    Architecture arch = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
    TrainingData data = TrainingData.generate(arch, 40, arch.endToEndSize(), 7L, 0.1);
    FlowSettings settings = FlowSettings.of(FlowSettings.Method.BDF, 5.0).withFunctionSpace(false);
    double[] theta0 = {0.3, -0.8, 0.5, 1.1, 0.4};
    FlowResult uniform = new GradientFlow(NumericMu.of(arch), new QuadraticLoss(data), settings)
        .run(theta0);
    FlowResult geometric = new GradientFlow(NumericMu.of(arch), new QuadraticLoss(data),
        settings.withSpacing(FlowSettings.Spacing.GEOMETRIC)).run(theta0);
    assertThat(FlowPlot.fastStart(uniform.times(), uniform.losses())).isTrue();
    assertThat(FlowPlot.fastStart(geometric.times(), geometric.losses())).isTrue();
    assertThat(samplesBeforeHalfFall(uniform)).isZero();
    assertThat(samplesBeforeHalfFall(geometric)).isGreaterThanOrEqualTo(20);
    // the same flow: both grids end at T at the same point, to the tolerance
    assertThat(geometric.finalLoss()).isCloseTo(uniform.finalLoss(), Offset.offset(1e-8));
  }

  /** Samples at t > 0 (drawable on a log axis) before the loss has done half its fall. */
  private static long samplesBeforeHalfFall(FlowResult r) {
    double[] l = r.losses();
    double half = l[0] - 0.5 * (l[0] - l[l.length - 1]);
    return java.util.stream.IntStream.range(1, l.length)
        .filter(k -> l[k] > half && r.times()[k] > 0).count();
  }
}
