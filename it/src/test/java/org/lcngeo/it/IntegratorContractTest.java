package org.lcngeo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.flow.FlowDivergedException;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.flow.GradientField;
import org.lcngeo.numeric.flow.Integrator;
import org.lcngeo.numeric.flow.OdeSystem;
import org.lcngeo.numeric.ntk.NumericMu;

/**
 * One contract for every integrator of {@code lcn flow --method} (through {@link
 * FlowSettings#integrator()}, as the commands build them): convergence at the method's order on a
 * linear ODE with a known solution, a stiff problem, the invariants of a gradient flow of an LCN
 * (eq. 1), and a blow-up that must end in a clear {@link FlowDivergedException}, in bounded time.
 */
class IntegratorContractTest {
  /** y' = A y, 2 x 2, with its analytic Jacobian. */
  private static final class Linear implements OdeSystem {
    private final double[][] a;
    private long evaluations;

    Linear(double[][] a) {
      this.a = a;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public void derivative(double[] y, double[] out) {
      evaluations++;
      out[0] = a[0][0] * y[0] + a[0][1] * y[1];
      out[1] = a[1][0] * y[0] + a[1][1] * y[1];
    }

    @Override
    public void jacobian(double[] y, double[][] out) {
      out[0][0] = a[0][0];
      out[0][1] = a[0][1];
      out[1][0] = a[1][0];
      out[1][1] = a[1][1];
    }

    @Override
    public long evaluations() {
      return evaluations;
    }
  }

  private static Integrator integrator(FlowSettings.Method m, double time, double rtol, double step) {
    return new FlowSettings(m, time, rtol, rtol * 1e-2, 10, step, false).integrator();
  }

  private static double[] grid(double time) {
    double[] g = new double[11];
    for (int k = 0; k <= 10; k++) {
      g[k] = time * k / 10;
    }
    return g;
  }

  /** Max over the grid of |y(t_k) - exact(t_k)| for y' = A y from y0. */
  private static double error(Integrator integrator, double[][] a, double[] y0, double time,
      java.util.function.DoubleFunction<double[]> exact) {
    double[] err = {0};
    integrator.integrate(new Linear(a), y0, grid(time), (k, t, y) -> {
      double[] e = exact.apply(t);
      err[0] = Math.max(err[0], Math.max(Math.abs(y[0] - e[0]), Math.abs(y[1] - e[1])));
    });
    return err[0];
  }

  // a decaying rotation: y = e^{-t/2} (cos 2t, -sin 2t)
  private static final double[][] ROTATION = {{-0.5, 2}, {-2, -0.5}};

  private static double[] rotation(double t) {
    return new double[] {Math.exp(-t / 2) * Math.cos(2 * t), -Math.exp(-t / 2) * Math.sin(2 * t)};
  }

  @ParameterizedTest
  @EnumSource(FlowSettings.Method.class)
  void convergesAtItsOrderOnAKnownSolution(FlowSettings.Method m) {
    double[] y0 = {1, 0};
    if (m == FlowSettings.Method.GD) {
      // explicit Euler: order 1, halving the step halves the error
      double e1 = error(integrator(m, 5, 1e-6, 1e-3), ROTATION, y0, 5, IntegratorContractTest::rotation);
      double e2 = error(integrator(m, 5, 1e-6, 5e-4), ROTATION, y0, 5, IntegratorContractTest::rotation);
      assertThat(e1 / e2).isBetween(1.8, 2.2);
      return;
    }
    double coarse = error(integrator(m, 5, 1e-5, 0), ROTATION, y0, 5, IntegratorContractTest::rotation);
    double fine = error(integrator(m, 5, 1e-10, 0), ROTATION, y0, 5, IntegratorContractTest::rotation);
    assertThat(coarse).isLessThan(1e-3);
    assertThat(fine).isLessThan(1e-7);
    assertThat(fine).isLessThan(coarse / 100);
  }

  @ParameterizedTest
  @EnumSource(FlowSettings.Method.class)
  void followsAStiffProblem(FlowSettings.Method m) {
    // eigenvalues -1 and -10^4: y = e^{-t} (1, 1) + e^{-10^4 t} (1, -1)
    double[][] a = {{-5000.5, 4999.5}, {4999.5, -5000.5}};
    Integrator integrator = integrator(m, 10, 1e-8, 1e-4);
    double[] err = {0};
    long steps = integrator.integrate(new Linear(a), new double[] {2, 0}, grid(10), (k, t, y) -> {
      double slow = Math.exp(-t);
      double fast = Math.exp(-1e4 * t);
      err[0] = Math.max(err[0],
          Math.max(Math.abs(y[0] - slow - fast), Math.abs(y[1] - slow + fast)));
    });
    assertThat(err[0]).isLessThan(m == FlowSettings.Method.GD ? 1e-3 : 1e-6);
    if (m.stiff()) {
      assertThat(steps).as("a stiff method's steps").isLessThan(2000);
    }
  }

  @ParameterizedTest
  @EnumSource(FlowSettings.Method.class)
  void keepsTheInvariantsOfAGradientFlowAndLowersTheLoss(FlowSettings.Method m) {
    Architecture arch = Architecture.of(new int[][] {{3}, {2}}, new int[][] {{2}, {1}});
    NumericMu mu = NumericMu.of(arch);
    TrainingData data = TrainingData.generate(arch, 10, arch.endToEndSize(), 3, 0.1);
    GradientField field = new GradientField(mu, new QuadraticLoss(data));
    double[] theta0 = {0.5, -0.3, 0.4, 0.2, 0.6};
    double delta0 = mu.invariants(theta0)[0];
    double[] drift = {0};
    double[] loss = {Double.POSITIVE_INFINITY};
    boolean[] decreasing = {true};
    integrator(m, 2, 1e-10, 1e-4).integrate(field, theta0, grid(2), (k, t, y) -> {
      drift[0] = Math.max(drift[0], Math.abs(mu.invariants(y)[0] - delta0));
      double l = field.loss(y);
      decreasing[0] &= l <= loss[0] + 1e-12;
      loss[0] = l;
    });
    assertThat(decreasing[0]).isTrue();
    // explicit Euler changes delta by O(h) per unit time; the others keep it to the tolerance
    assertThat(drift[0]).isLessThan(m == FlowSettings.Method.GD ? 1e-2 : 1e-7);
  }

  @ParameterizedTest
  @EnumSource(FlowSettings.Method.class)
  void aBlowUpEndsInAClearErrorInBoundedTime(FlowSettings.Method m) {
    // y' = y^2, y(0) = 1: y = 1 / (1 - t) leaves the numbers at t = 1
    OdeSystem blowUp = new OdeSystem() {
      private long evaluations;

      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public void derivative(double[] y, double[] out) {
        evaluations++;
        out[0] = y[0] * y[0];
      }

      @Override
      public void jacobian(double[] y, double[][] out) {
        out[0][0] = 2 * y[0];
      }

      @Override
      public long evaluations() {
        return evaluations;
      }
    };
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
        assertThatThrownBy(() -> integrator(m, 2, 1e-8, 1e-4)
            .integrate(blowUp, new double[] {1}, grid(2), (k, t, y) -> {}))
            .isInstanceOf(FlowDivergedException.class));
  }
}
