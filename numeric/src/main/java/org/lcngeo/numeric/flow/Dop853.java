package org.lcngeo.numeric.flow;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Dormand-Prince 8(5,3) (Hairer, Norsett, Wanner, Solving ODEs I, Sec. II.10) from Hipparchus, for
 * non-stiff runs; grid states come from its 7th-order dense output. Hipparchus' interface returns
 * a new derivative array per evaluation (it keeps the stage arrays), so that small array is the
 * only allocation per right-hand side; the system itself evaluates in place.
 */
public final class Dop853 implements Integrator {
  /** The slope reported for a stage whose state or derivative is not finite. */
  private static final double OVERFLOW_SLOPE = 1e300;
  private final double rtol;
  private final double atol;

  public Dop853(double rtol, double atol) {
    this.rtol = rtol;
    this.atol = atol;
  }

  @Override
  public long integrate(OdeSystem sys, double[] y0, double[] grid, TrajectoryObserver observer) {
    double span = grid[grid.length - 1] - grid[0];
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(0.0, span, atol, rtol);
    int n = sys.dimension();
    OrdinaryDifferentialEquation ode =
        new OrdinaryDifferentialEquation() {
          @Override
          public int getDimension() {
            return n;
          }

          @Override
          public double[] computeDerivatives(double t, double[] y) {
            double[] out = new double[n];
            sys.derivative(y, out);
            for (double x : out) {
              if (!Double.isFinite(x)) {
                // a trial stage beyond the representable range: a huge finite slope makes the
                // error estimate infinite, so the step is rejected and shrunk (Hipparchus stops
                // the integration on a NaN error instead)
                java.util.Arrays.fill(out, OVERFLOW_SLOPE);
                break;
              }
            }
            return out;
          }
        };
    long[] steps = new long[1];
    observer.atGrid(0, grid[0], y0.clone());
    integrator.addStepHandler(
        new ODEStepHandler() {
          int next = 1;

          @Override
          public void handleStep(ODEStateInterpolator interpolator) {
            steps[0]++;
            double t1 = interpolator.getCurrentState().getTime();
            Integrator.checkBudget(steps[0], t1);
            double[] y1 = interpolator.getCurrentState().getPrimaryState();
            Integrator.checkFinite(t1, y1);
            observer.afterStep(t1, y1);
            while (next < grid.length && grid[next] <= t1) {
              double[] yg =
                  next == grid.length - 1 && grid[next] == t1
                      ? y1
                      : interpolator.getInterpolatedState(grid[next]).getPrimaryState();
              observer.atGrid(next, grid[next], yg);
              next++;
            }
          }
        });
    try {
      integrator.integrate(ode, new ODEState(grid[0], y0.clone()), grid[grid.length - 1]);
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      throw new FlowDivergedException(
          "the Dormand-Prince integrator stopped: " + e.getMessage().replace('\n', ' '));
    }
    return steps[0];
  }
}
