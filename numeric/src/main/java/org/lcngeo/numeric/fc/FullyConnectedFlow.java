package org.lcngeo.numeric.fc;

import java.util.List;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.lcngeo.numeric.flow.FlowDivergedException;
import org.lcngeo.numeric.flow.FlowResult;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.flow.Integrator;

/**
 * {@code lcn flow --matrices}: the parameter-space flow of a fully connected linear network (eq. 4)
 * and, integrated on its own from the same product, the balanced function-space flow of eq. 6, with
 * their agreement on the grid of the settings. At a balanced start (every Delta_i = 0) the two
 * agree (Arora et al. 2018); otherwise the deviation measures how far the NTK of eq. 7 is from the
 * operator A_W (Example 20, Thm. 14).
 */
public final class FullyConnectedFlow {
  private FullyConnectedFlow() {}

  /**
   * The outcome of one run.
   *
   * @param times grid times t_0 = 0 .. t_m = T
   * @param thetas theta(t_k) (flat W_1..W_H, row-major)
   * @param losses ell(W(t_k))
   * @param drift max_i max-abs(Delta_i(t_k) - Delta_i(0)) at each grid time
   * @param deviations ||W(t_k) - W_bal(t_k)||_F (NaN beyond functionSpaceReached)
   * @param deltaDrift the largest drift over every accepted step and grid time
   * @param functionSpaceDeviation max of deviations over the grid times reached
   * @param functionSpaceReached the last grid time the balanced flow reached (T unless it stalled
   *     at a rank-deficient W, where A_W is not Lipschitz: its evaluation budget, 100 times the
   *     parameter flow's, ran out or its integrator failed)
   * @param gradientNorm ||grad L(theta(T))||
   * @param productNorm ||W(T)||_F
   * @param zeroReference the norm W(T) is compared with (a teacher's, or ||W(0)||_F)
   * @param rank numerical rank of J at theta(T) (singular values above 1e-8 times the largest)
   * @param dimension dimension of the neuromanifold, r (d_0 + d_H - r)
   * @param rhsEvaluations right-hand-side evaluations of the parameter-space flow
   * @param functionSpaceEvaluations those of the balanced flow
   * @param steps accepted steps of the parameter-space flow
   * @param seconds wall time of the parameter-space flow
   * @param functionSpaceSeconds wall time of the balanced flow
   */
  public record Result(
      double[] times,
      double[][] thetas,
      double[] losses,
      double[] drift,
      double[] deviations,
      double deltaDrift,
      double functionSpaceDeviation,
      double functionSpaceReached,
      double gradientNorm,
      double productNorm,
      double zeroReference,
      int rank,
      int dimension,
      long rhsEvaluations,
      long functionSpaceEvaluations,
      long steps,
      double seconds,
      double functionSpaceSeconds) {

    public FlowResult.Status status() {
      return functionSpaceReached >= times[times.length - 1]
          ? FlowResult.Status.COMPLETE
          : FlowResult.Status.FUNCTION_SPACE_STALLED;
    }

    /** ||W(T)||_F < 0.01 zeroReference. */
    public boolean zero() {
      return productNorm < 0.01 * zeroReference;
    }

    public double[] finalTheta() {
      return thetas[thetas.length - 1];
    }
  }

  /**
   * Runs both flows from theta0 with the settings' method, tolerances and grid.
   *
   * @param zeroReference the norm the final product is compared with to call it zero
   */
  public static Result run(
      FcNetwork theta0, FcLoss loss, FlowSettings settings, double zeroReference) {
    double[] grid = settings.grid();
    int m = grid.length;
    double[][] thetas = new double[m][];
    double[] losses = new double[m];
    double[] drift = new double[m];
    double[] deviations = new double[m];
    java.util.Arrays.fill(deviations, Double.NaN);
    List<RealMatrix> delta0 = theta0.deltas();
    double[] maxDrift = {0};
    FcFlows.ParameterField field = new FcFlows.ParameterField(theta0, loss);
    Integrator integrator = settings.integrator();
    long start = System.nanoTime();
    long steps = integrator.integrate(field, theta0.flat(), grid,
        new org.lcngeo.numeric.flow.TrajectoryObserver() {
          @Override
          public void atGrid(int k, double t, double[] y) {
            FcNetwork theta = theta0.withFlat(y);
            thetas[k] = y.clone();
            losses[k] = loss.value(theta.product());
            drift[k] = drift(theta, delta0);
            maxDrift[0] = Math.max(maxDrift[0], drift[k]);
          }

          @Override
          public void afterStep(double t, double[] y) {
            maxDrift[0] = Math.max(maxDrift[0], drift(theta0.withFlat(y), delta0));
          }
        });
    double seconds = (System.nanoTime() - start) * 1e-9;

    RealMatrix w0 = theta0.product();
    FcFlows.BalancedField balanced = new FcFlows.BalancedField(
        w0.getRowDimension(), w0.getColumnDimension(), theta0.depth(), loss,
        100 * field.evaluations() + 10_000);
    double[] reached = {Double.NaN};
    double[] maxDeviation = {0};
    start = System.nanoTime();
    try {
      settings.integrator().integrate(balanced, FcFlows.flat(w0), grid, (k, t, y) -> {
        RealMatrix w = theta0.withFlat(thetas[k]).product();
        deviations[k] =
            w.subtract(FcFlows.matrix(y, w.getRowDimension(), w.getColumnDimension()))
                .getFrobeniusNorm();
        maxDeviation[0] = Math.max(maxDeviation[0], deviations[k]);
        reached[0] = t;
      });
    } catch (FlowDivergedException e) {
      // the balanced flow stalled at a rank-deficient W: reported by functionSpaceReached < T
    }
    double functionSpaceSeconds = (System.nanoTime() - start) * 1e-9;

    FcNetwork end = theta0.withFlat(thetas[m - 1]);
    double gradientNorm = norm(end.gradient(loss.gradient(end.product())));
    double[] sv = new SingularValueDecomposition(end.jacobian()).getSingularValues();
    int rank = 0;
    for (double x : sv) {
      if (sv[0] > 0 && x > 1e-8 * sv[0]) {
        rank++;
      }
    }
    return new Result(grid, thetas, losses, drift, deviations, maxDrift[0], maxDeviation[0],
        reached[0], gradientNorm, end.product().getFrobeniusNorm(), zeroReference, rank,
        theta0.network().dimension(), field.evaluations(), balanced.evaluations(), steps, seconds,
        functionSpaceSeconds);
  }

  private static double drift(FcNetwork theta, List<RealMatrix> delta0) {
    List<RealMatrix> d = theta.deltas();
    double x = 0;
    for (int i = 0; i < d.size(); i++) {
      x = Math.max(x, FcNetwork.maxAbs(d.get(i).subtract(delta0.get(i))));
    }
    return x;
  }

  private static double norm(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s);
  }
}
