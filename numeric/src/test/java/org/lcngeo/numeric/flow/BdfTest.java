package org.lcngeo.numeric.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lcngeo.numeric.flow.Rodas4Test.Linear;
import org.lcngeo.numeric.flow.Rodas4Test.Nonlinear;

/**
 * The NDF/BDF integrator: against closed-form solutions (with dense output between its steps),
 * its accuracy proportional to the tolerance, against Hipparchus' DOP853, and on Robertson's
 * classic stiff kinetics in few steps.
 */
class BdfTest {
  @Test
  void stiffLinearSystemMatchesTheMatrixExponentialAlsoBetweenSteps() {
    double[][] m = Rodas4Test.stiffMatrix(6, 3);
    double[] y0 = {1, -2, 0.5, 3, -1, 2};
    double[] grid = new double[102];
    grid[1] = 1e-3; // inside the first, fast transient
    for (int k = 2; k < grid.length; k++) {
      grid[k] = 20.0 * (k - 1) / (grid.length - 2);
    }
    Linear sys = new Linear(m);
    double[][] ys = new double[grid.length][];
    Bdf bdf = new Bdf(1e-10, 1e-12);
    long steps = bdf.integrate(sys, y0, grid, (k, t, y) -> ys[k] = y.clone());
    for (int k = 0; k < grid.length; k++) {
      assertThat(Rodas4Test.maxError(ys[k], Rodas4Test.exactLinear(m, y0, grid[k])))
          .as("t = %s", grid[k]).isLessThan(1e-8);
    }
    // grid times do not cut steps (dense output): the same steps as without inner grid times ...
    Bdf coarse = new Bdf(1e-10, 1e-12);
    double[] end = Rodas4Test.endPoint(coarse, new Linear(m), y0, new double[] {0, 20});
    assertThat(coarse.integrate(new Linear(m), y0, new double[] {0, 20}, (k, t, y) -> { }))
        .isEqualTo(steps);
    assertThat(end).containsExactly(ys[grid.length - 1]);
    // ... and a linear system needs its constant Jacobian once
    assertThat(bdf.jacobians()).isEqualTo(1);
    assertThat(bdf.factorizations()).isLessThan(steps);
    Linear explicit = new Linear(m);
    Rodas4Test.endPoint(new Dop853(1e-10, 1e-12), explicit, y0, grid);
    assertThat(explicit.evaluations).isGreaterThan(20 * sys.evaluations);
  }

  @Test
  void theErrorIsProportionalToTheTolerance() {
    double c = 0.3;
    double t = 10;
    double[] exact = {1 / (1 + t), c / (1 + t)};
    double[] err = new double[3];
    double[] tol = {1e-5, 1e-7, 1e-9};
    for (int i = 0; i < tol.length; i++) {
      double[] end = Rodas4Test.endPoint(new Bdf(tol[i], tol[i]), new Nonlinear(),
          new double[] {1, c}, new double[] {0, t});
      err[i] = Rodas4Test.maxError(end, exact);
      assertThat(err[i]).as("tolerance %s", tol[i]).isLessThan(20 * tol[i]);
    }
    // variable order up to 5: two decades of tolerance buy about two decades of accuracy
    assertThat(err[0] / err[1]).isGreaterThan(10);
    assertThat(err[1] / err[2]).isGreaterThan(10);
  }

  /** Van der Pol y0' = y1, y1' = mu (1 - y0^2) y1 - y0. */
  static final class VanDerPol implements OdeSystem {
    final double mu;

    VanDerPol(double mu) {
      this.mu = mu;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public void derivative(double[] y, double[] out) {
      out[0] = y[1];
      out[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0];
    }

    @Override
    public void jacobian(double[] y, double[][] out) {
      out[0][0] = 0;
      out[0][1] = 1;
      out[1][0] = -2 * mu * y[0] * y[1] - 1;
      out[1][1] = mu * (1 - y[0] * y[0]);
    }

    @Override
    public long evaluations() {
      return 0;
    }
  }

  @Test
  void moderatelyStiffVanDerPolAgreesWithHipparchusAtTightTolerance() {
    double[] grid = {0, 0.5, 1, 2, 3, 4, 5};
    double[] y0 = {2, 0};
    double[][] bdf = new double[grid.length][];
    double[][] dop = new double[grid.length][];
    new Bdf(1e-11, 1e-13).integrate(new VanDerPol(5), y0, grid, (k, t, y) -> bdf[k] = y.clone());
    new Dop853(1e-13, 1e-15).integrate(new VanDerPol(5), y0, grid, (k, t, y) -> dop[k] = y.clone());
    for (int k = 0; k < grid.length; k++) {
      assertThat(Rodas4Test.maxError(bdf[k], dop[k])).as("t = %s", grid[k]).isLessThan(1e-7);
    }
  }

  /**
   * The iteration matrix is kept across step-size and order changes within 30% of its c and
   * factored again at least every 20 steps (CVODE's setup rules): on Van der Pol at mu = 5 the
   * run takes 655 steps with 73 factorizations (134 when every change of h refactored), and its
   * grid states still agree with DOP853's at a tolerance far below ours.
   */
  @Test
  void theIterationMatrixIsKeptAcrossSmallChangesOfTheStepButNotForLong() {
    double[] grid = {0, 1, 2.5, 5, 7.5, 10};
    double[] y0 = {2, 0};
    double[][] bdf = new double[grid.length][];
    double[][] dop = new double[grid.length][];
    Bdf b = new Bdf(1e-8, 1e-10);
    long steps = b.integrate(new VanDerPol(5), y0, grid, (k, t, y) -> bdf[k] = y.clone());
    new Dop853(1e-13, 1e-15).integrate(new VanDerPol(5), y0, grid, (k, t, y) -> dop[k] = y.clone());
    for (int k = 0; k < grid.length; k++) {
      assertThat(Rodas4Test.maxError(bdf[k], dop[k])).as("t = %s", grid[k]).isLessThan(1e-5);
    }
    assertThat(b.factorizations()).isLessThan(steps / 6);
    assertThat(b.factorizations()).isGreaterThanOrEqualTo(steps / 20);
  }

  /** Robertson's chemical kinetics (Hairer and Wanner, Solving ODEs II, Sec. IV.1). */
  static final class Robertson implements OdeSystem {
    long evaluations;

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public void derivative(double[] y, double[] out) {
      evaluations++;
      out[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
      out[2] = 3e7 * y[1] * y[1];
      out[1] = -out[0] - out[2];
    }

    @Override
    public void jacobian(double[] y, double[][] out) {
      out[0][0] = -0.04;
      out[0][1] = 1e4 * y[2];
      out[0][2] = 1e4 * y[1];
      out[2][0] = 0;
      out[2][1] = 6e7 * y[1];
      out[2][2] = 0;
      for (int j = 0; j < 3; j++) {
        out[1][j] = -out[0][j] - out[2][j];
      }
    }

    @Override
    public long evaluations() {
      return evaluations;
    }
  }

  @Test
  void robertsonToFourHundredThousandInAFewHundredSteps() {
    double[] grid = {0, 40, 4e5};
    double[][] ys = new double[grid.length][];
    Robertson sys = new Robertson();
    Bdf bdf = new Bdf(1e-6, 1e-12);
    long steps = bdf.integrate(sys, new double[] {1, 0, 0}, grid, (k, t, y) -> ys[k] = y.clone());
    // reference at t = 40 (Hairer and Wanner's RADAU5 at tight tolerance)
    assertThat(ys[1][0]).isCloseTo(0.7158270687, Offset.offset(1e-5));
    assertThat(ys[1][1]).isCloseTo(9.185534764e-6, Offset.offset(1e-10));
    assertThat(ys[1][2]).isCloseTo(0.2841637457, Offset.offset(1e-5));
    // a linear invariant of the system, kept by any linear multistep method
    for (double[] y : ys) {
      assertThat(y[0] + y[1] + y[2]).isCloseTo(1, Offset.offset(1e-12));
    }
    assertThat(steps).isLessThan(800);
    assertThat(sys.evaluations).isLessThan(2000);
    assertThat(bdf.jacobians()).isLessThan(100);
  }

  @Test
  void aSolutionThatBlowsUpIsReportedNotPassedOff() {
    // y' = y^2, y(0) = 1: y = 1 / (1 - t) leaves every bound before t = 1
    OdeSystem blowUp = new OdeSystem() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public void derivative(double[] y, double[] out) {
        out[0] = y[0] * y[0];
      }

      @Override
      public void jacobian(double[] y, double[][] out) {
        out[0][0] = 2 * y[0];
      }

      @Override
      public long evaluations() {
        return 0;
      }
    };
    assertThatThrownBy(() -> new Bdf(1e-8, 1e-10).integrate(blowUp, new double[] {1},
        new double[] {0, 2}, (k, t, y) -> { }))
        .isInstanceOf(FlowDivergedException.class);
  }

  /** A run that needs more than Integrator.MAX_STEPS steps stops with a clear message. */
  @Test
  void stepBudgetStopsARunThatGoesOn() {
    Rodas4Test.Linear decay = new Rodas4Test.Linear(new double[][] {{1}});
    double step = 1e-7;
    double end = step * (Integrator.MAX_STEPS + 10);
    assertThatThrownBy(() -> new GradientDescent(step).integrate(decay, new double[] {1},
        new double[] {0, end}, (k, t, y) -> { }))
        .isInstanceOf(FlowDivergedException.class).hasMessageContaining("steps");
    assertThat(decay.evaluations).isEqualTo(Integrator.MAX_STEPS + 1);
  }

  /**
   * y' = -c U U^T y - y^3 / 10 (stiff in the range of U): the low-rank (Woodbury) form of the
   * iteration matrix, with the Jacobian's cubic part left out as in the function-space flow,
   * follows the same solution as the dense exact Jacobian, to the tolerance.
   */
  @Test
  void aLowRankJacobianFollowsTheSameSolutionAsTheDenseOne() {
    int n = 7;
    int r = 2;
    java.util.Random rnd = new java.util.Random(5);
    double[][] u = new double[r][n];
    for (double[] row : u) {
      for (int a = 0; a < n; a++) {
        row[a] = rnd.nextGaussian();
      }
    }
    double c = 400;
    class Stiff implements OdeSystem {
      final boolean lowRank;
      long evaluations;

      Stiff(boolean lowRank) {
        this.lowRank = lowRank;
      }

      @Override
      public int dimension() {
        return n;
      }

      @Override
      public void derivative(double[] y, double[] out) {
        evaluations++;
        for (int a = 0; a < n; a++) {
          out[a] = -y[a] * y[a] * y[a] / 10;
        }
        for (double[] uk : u) {
          double s = 0;
          for (int a = 0; a < n; a++) {
            s += uk[a] * y[a];
          }
          for (int a = 0; a < n; a++) {
            out[a] -= c * uk[a] * s;
          }
        }
      }

      @Override
      public void jacobian(double[] y, double[][] out) {
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            double s = 0;
            for (double[] uk : u) {
              s += uk[a] * uk[b];
            }
            out[a][b] = -c * s - (a == b ? 0.3 * y[a] * y[a] : 0);
          }
        }
      }

      @Override
      public int jacobianRank() {
        return lowRank ? r : 0;
      }

      @Override
      public LowRankJacobian lowRankJacobian(double[] y) {
        double[][] uu = new double[r][n];
        for (int k = 0; k < r; k++) {
          for (int a = 0; a < n; a++) {
            uu[k][a] = -c * u[k][a];
          }
        }
        return DenseLowRank.ofColumns(uu, u);
      }

      @Override
      public long evaluations() {
        return evaluations;
      }
    }
    double[] y0 = {1, -0.5, 0.3, 2, -1, 0.7, 0.1};
    double[] grid = {0, 0.01, 0.5, 5};
    Bdf dense = new Bdf(1e-10, 1e-12);
    Bdf lowRank = new Bdf(1e-10, 1e-12);
    double[] a = Rodas4Test.endPoint(dense, new Stiff(false), y0, grid);
    double[] b = Rodas4Test.endPoint(lowRank, new Stiff(true), y0, grid);
    assertThat(Rodas4Test.maxError(b, a)).isLessThan(1e-7);
    // and it serves the Newton iteration: a wrong inverse would make it fail and fetch new
    // Jacobians over and over
    assertThat(lowRank.jacobians()).isLessThanOrEqualTo(dense.jacobians() + 3);
    assertThat(lowRank.factorizations()).isLessThan(2 * dense.factorizations() + 10);
  }
}
