package org.lcngeo.numeric.fc;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.lcngeo.core.InvalidInputException;

/**
 * The two gradient flows of a fully connected linear network (Sec. 1.1), integrated with
 * Hipparchus' Dormand–Prince 8(5,3) and sampled at given times by its dense output:
 *
 * <ul>
 *   <li>the parameter-space flow W_j' = -grad_{W_j} ell(W_H ... W_1) (eq. 4), which conserves the
 *       Delta_i of eq. 5;
 *   <li>the balanced flow W' = -A_W(grad ell(W)) on the product alone (eq. 6).
 * </ul>
 *
 * For balanced starts the product of the first is a solution of the second (Arora et al. 2018); for
 * unbalanced starts it is not, and two starts with the same product and the same Delta_i can move
 * differently (Example 20).
 */
public final class FcFlows {
  private FcFlows() {}

  /**
   * The parameter-space flow (eq. 4).
   *
   * @param start theta(0)
   * @param loss ell on the product
   * @param times increasing sample times, the first being the start time
   * @param rtol relative tolerance, atol absolute tolerance of the integrator
   * @return theta at every sample time
   */
  public static List<FcNetwork> parameterFlow(
      FcNetwork start, FcLoss loss, double[] times, double rtol, double atol) {
    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return start.flat().length;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        FcNetwork theta = start.withFlat(y);
        double[] g = theta.gradient(loss.gradient(theta.product()));
        for (int i = 0; i < g.length; i++) {
          g[i] = -g[i];
        }
        return g;
      }
    };
    List<FcNetwork> out = new ArrayList<>();
    for (double[] y : integrate(ode, start.flat(), times, rtol, atol)) {
      out.add(start.withFlat(y));
    }
    return out;
  }

  /**
   * The balanced flow of eq. 6 on the product W of a depth-h network. Meant for W of full rank
   * min(d_H, d_0) with W W^T and W^T W invertible (square W): where they are singular the
   * fractional powers are not Lipschitz and the step size collapses.
   *
   * @return W at every sample time
   */
  public static List<RealMatrix> balancedFlow(
      RealMatrix w0, int h, FcLoss loss, double[] times, double rtol, double atol) {
    int rows = w0.getRowDimension();
    int cols = w0.getColumnDimension();
    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return rows * cols;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        RealMatrix w = matrix(y, rows, cols);
        return flat(BalancedOperator.apply(w, loss.gradient(w), h).scalarMultiply(-1));
      }
    };
    List<RealMatrix> out = new ArrayList<>();
    for (double[] y : integrate(ode, flat(w0), times, rtol, atol)) {
      out.add(matrix(y, rows, cols));
    }
    return out;
  }

  private static List<double[]> integrate(
      OrdinaryDifferentialEquation ode, double[] y0, double[] times, double rtol, double atol) {
    if (times.length == 0) {
      throw new InvalidInputException("at least one sample time is needed");
    }
    for (int i = 1; i < times.length; i++) {
      if (!(times[i] > times[i - 1])) {
        throw new InvalidInputException("the sample times must increase");
      }
    }
    List<double[]> out = new ArrayList<>();
    out.add(y0.clone());
    double span = times[times.length - 1] - times[0];
    if (span == 0) {
      return out;
    }
    DormandPrince853Integrator integrator =
        new DormandPrince853Integrator(1e-14 * span, span, atol, rtol);
    integrator.addStepHandler(new ODEStepHandler() {
      private int next = 1;

      @Override
      public void handleStep(ODEStateInterpolator interpolator) {
        double end = interpolator.getCurrentState().getTime();
        while (next < times.length && times[next] <= end) {
          out.add(interpolator.getInterpolatedState(times[next]).getPrimaryState());
          next++;
        }
      }
    });
    integrator.integrate(ode, new ODEState(times[0], y0.clone()), times[times.length - 1]);
    return out;
  }

  private static double[] flat(RealMatrix m) {
    int c = m.getColumnDimension();
    double[] y = new double[m.getRowDimension() * c];
    for (int i = 0; i < m.getRowDimension(); i++) {
      System.arraycopy(m.getRow(i), 0, y, i * c, c);
    }
    return y;
  }

  private static RealMatrix matrix(double[] y, int rows, int cols) {
    RealMatrix m = MatrixUtils.createRealMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m.setEntry(i, j, y[i * cols + j]);
      }
    }
    return m;
  }
}
