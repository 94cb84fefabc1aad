package org.lcngeo.numeric.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** RODAS4 against closed-form solutions, its order by step halving, and against Hipparchus. */
class Rodas4Test {
  /** y' = -M y with M symmetric positive definite (eigenvalues 1 .. 1e4: stiff). */
  static final class Linear implements OdeSystem {
    final double[][] m;
    long evaluations;

    Linear(double[][] m) {
      this.m = m;
    }

    @Override
    public int dimension() {
      return m.length;
    }

    @Override
    public void derivative(double[] y, double[] out) {
      evaluations++;
      for (int i = 0; i < m.length; i++) {
        double s = 0;
        for (int j = 0; j < m.length; j++) {
          s -= m[i][j] * y[j];
        }
        out[i] = s;
      }
    }

    @Override
    public void jacobian(double[] y, double[][] out) {
      for (int i = 0; i < m.length; i++) {
        for (int j = 0; j < m.length; j++) {
          out[i][j] = -m[i][j];
        }
      }
    }

    @Override
    public long evaluations() {
      return evaluations;
    }
  }

  /** y0' = -y0^2, y1' = -y0 y1: y(t) = (1, c) / (1 + t). */
  static final class Nonlinear implements OdeSystem {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public void derivative(double[] y, double[] out) {
      out[0] = -y[0] * y[0];
      out[1] = -y[0] * y[1];
    }

    @Override
    public void jacobian(double[] y, double[][] out) {
      out[0][0] = -2 * y[0];
      out[0][1] = 0;
      out[1][0] = -y[1];
      out[1][1] = -y[0];
    }

    @Override
    public long evaluations() {
      return 0;
    }
  }

  static double[][] stiffMatrix(int n, long seed) {
    Random r = new Random(seed);
    double[][] g = new double[n][n];
    for (double[] row : g) {
      for (int j = 0; j < n; j++) {
        row[j] = r.nextGaussian();
      }
    }
    RealMatrix q = new QRDecomposition(MatrixUtils.createRealMatrix(g)).getQ();
    double[] lambda = new double[n];
    for (int i = 0; i < n; i++) {
      lambda[i] = Math.pow(10, 4.0 * i / (n - 1));
    }
    return q.multiply(MatrixUtils.createRealDiagonalMatrix(lambda)).multiply(q.transpose()).getData();
  }

  static double[] exactLinear(double[][] m, double[] y0, double t) {
    EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(m));
    double[] ev = e.getEigenvalues();
    double[] exp = new double[ev.length];
    for (int i = 0; i < ev.length; i++) {
      exp[i] = Math.exp(-ev[i] * t);
    }
    RealMatrix v = e.getV();
    return v.multiply(MatrixUtils.createRealDiagonalMatrix(exp))
        .multiply(v.transpose())
        .operate(y0);
  }

  static double maxError(double[] a, double[] b) {
    double e = 0;
    for (int i = 0; i < a.length; i++) {
      e = Math.max(e, Math.abs(a[i] - b[i]));
    }
    return e;
  }

  static double[] endPoint(Integrator integrator, OdeSystem sys, double[] y0, double[] grid) {
    double[][] last = new double[1][];
    integrator.integrate(sys, y0, grid, (k, t, y) -> last[0] = y.clone());
    return last[0];
  }

  @Test
  void stiffLinearSystemMatchesTheMatrixExponential() {
    double[][] m = stiffMatrix(6, 3);
    double[] y0 = {1, -2, 0.5, 3, -1, 2};
    double[] grid = {0, 0.001, 0.01, 0.1, 1, 2, 20};
    Linear sys = new Linear(m);
    double[][] ys = new double[grid.length][];
    new Rodas4(1e-10, 1e-12, Double.POSITIVE_INFINITY)
        .integrate(sys, y0, grid, (k, t, y) -> ys[k] = y.clone());
    for (int k = 0; k < grid.length; k++) {
      assertThat(maxError(ys[k], exactLinear(m, y0, grid[k]))).as("t = %s", grid[k])
          .isLessThan(1e-8);
    }
    Linear sys2 = new Linear(m);
    double[] dop = endPoint(new Dop853(1e-10, 1e-12), sys2, y0, grid);
    assertThat(maxError(dop, ys[grid.length - 1])).isLessThan(1e-8);
    // stiff: the explicit method's step is bounded by stability (h < 3.3 / 1e4), RODAS4's is not
    assertThat(sys2.evaluations).isGreaterThan(20 * sys.evaluations);
  }

  @Test
  void orderFourByStepHalving() {
    Rodas4 r = new Rodas4(1e-10, 1e-12, Double.POSITIVE_INFINITY);
    double c = 0.7;
    double t = 2;
    double[] exact = {1 / (1 + t), c / (1 + t)};
    double[] err = new double[4];
    for (int i = 0; i < err.length; i++) {
      err[i] = maxError(r.fixedSteps(new Nonlinear(), new double[] {1, c}, t, 10 << i), exact);
    }
    for (int i = 1; i < err.length; i++) {
      double order = Math.log(err[i - 1] / err[i]) / Math.log(2);
      assertThat(order).as("observed order, %s -> %s", err[i - 1], err[i]).isBetween(3.6, 4.5);
    }
    // the linear stiff system too, in its non-stiff range
    double[][] m = stiffMatrix(4, 9);
    for (double[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= 1e-3;
      }
    }
    double[] y0 = {1, 2, 3, 4};
    double[] ex = exactLinear(m, y0, 5);
    double e1 = maxError(r.fixedSteps(new Linear(m), y0, 5, 20), ex);
    double e2 = maxError(r.fixedSteps(new Linear(m), y0, 5, 40), ex);
    assertThat(Math.log(e1 / e2) / Math.log(2)).isBetween(3.6, 4.5);
  }

  @Test
  void adaptiveNonlinearAgreesWithHipparchus() {
    double[] grid = {0, 1, 5, 10};
    double[] exact = {1 / 11.0, 0.3 / 11.0};
    double[] ros = endPoint(new Rodas4(1e-10, 1e-12, Double.POSITIVE_INFINITY), new Nonlinear(),
        new double[] {1, 0.3}, grid);
    double[] dop = endPoint(new Dop853(1e-10, 1e-12), new Nonlinear(), new double[] {1, 0.3}, grid);
    assertThat(maxError(ros, exact)).isLessThan(1e-9);
    assertThat(maxError(dop, exact)).isLessThan(1e-9);
  }

  @Test
  void gradientDescentIsExplicitEuler() {
    double[][] last = new double[1][];
    new GradientDescent(0.25).integrate(new Nonlinear(), new double[] {1, 1}, new double[] {0, 0.5},
        (k, t, y) -> last[0] = y.clone());
    // two Euler steps of 0.25 from (1, 1): y0 -> 0.75 -> 0.609375
    assertThat(last[0][0]).isEqualTo(0.609375);
  }
}
