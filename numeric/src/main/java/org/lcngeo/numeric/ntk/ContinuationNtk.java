package org.lcngeo.numeric.ntk;

import org.lcngeo.core.plan.NtkOfV;

/**
 * K^(delta)(v) computed from v and delta alone by numeric fiber recovery with continuation: at each
 * call, Gauss-Newton on {@code F(theta) = [mu(theta) - v; delta(theta) - delta] = 0}, starting from
 * the previous solution (initially a given theta_0 on the trajectory), then K = J J^T at that theta
 * (Thm. 4 / Cor. 6: where mu is generically one-to-one up to scaling, the point with given
 * invariants is unique up to signs and K does not depend on which one). Where the fiber has several
 * points (1-D with a stride one, Sec. 2.3 and Ex. 19), the continuation follows whichever branch
 * Newton's method reaches, which is exactly where the metric stops being a function of v.
 *
 * <p>Stateful: one instance per trajectory and thread.
 */
public final class ContinuationNtk implements NtkOfV {
  private static final int MAX_ITERATIONS = 20;
  private final NumericMu mu;
  private final MuState state;
  private final double[] theta;
  private final double[] step;
  private final double[] rhs;
  private final double[] residual;
  private final double[] deltaNow;
  private final double[][] jac;
  private final double[][] normal;
  private final SmallLinearSolver solver;

  public ContinuationNtk(NumericMu mu, double[] theta0) {
    this.mu = mu;
    this.state = mu.newState();
    this.theta = theta0.clone();
    int p = mu.parameterCount();
    int n = mu.outputSize();
    this.step = new double[p];
    this.rhs = new double[p];
    this.residual = new double[n];
    this.deltaNow = new double[mu.depth() - 1];
    this.jac = new double[n][p];
    this.normal = new double[p][p];
    this.solver = new SmallLinearSolver(p);
  }

  @Override
  public double[][] ntk(double[] v, double[] delta) {
    solve(v, delta);
    return state.at(theta).ntk();
  }

  /** out := K x = J (J^T x) at the recovered fiber point, without forming K. */
  @Override
  public void multiply(double[] v, double[] delta, double[] x, double[] out) {
    solve(v, delta);
    state.at(theta).jacobianTransposeTimes(x, step);
    state.jacobianTimes(step, out);
  }

  /**
   * Moves the continuation to a theta with mu(theta) = v (in the least-squares sense when v is
   * slightly off the neuromanifold) and the given invariants; returns it (a view).
   */
  public double[] solve(double[] v, double[] delta) {
    int p = mu.parameterCount();
    int n = mu.outputSize();
    int h = mu.depth();
    double previousStep = Double.POSITIVE_INFINITY;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      state.at(theta);
      double[] m = state.mu();
      for (int a = 0; a < n; a++) {
        residual[a] = m[a] - v[a];
      }
      mu.invariants(theta, deltaNow);
      for (int l = 0; l + 1 < h; l++) {
        deltaNow[l] -= delta[l];
      }
      // normal equations of the Gauss-Newton step: (J^T J + D^T D) s = -(J^T r + D^T r_delta)
      state.jacobianTransposeTimes(residual, rhs);
      state.jacobian(jac);
      for (int i = 0; i < p; i++) {
        for (int j = i; j < p; j++) {
          double s = 0;
          for (int a = 0; a < n; a++) {
            s += jac[a][i] * jac[a][j];
          }
          normal[i][j] = s;
          normal[j][i] = s;
        }
      }
      for (int l = 0; l + 1 < h; l++) {
        // d delta_l = 2 w_{l+1} . dw_{l+1} - 2 w_l . dw_l
        addDeltaRow(l, deltaNow[l]);
      }
      for (int i = 0; i < p; i++) {
        rhs[i] = -rhs[i];
      }
      if (!solver.solve(normal, rhs, step)) {
        break;
      }
      double sn = 0;
      double tn = 0;
      for (int i = 0; i < p; i++) {
        theta[i] += step[i];
        sn += step[i] * step[i];
        tn += theta[i] * theta[i];
      }
      sn = Math.sqrt(sn);
      double size = 1 + Math.sqrt(tn);
      // converged: to rounding level; or so fast (next step ~ sn^2 / previous) that the next
      // step would be below it; or no longer contracting (v off the neuromanifold: the
      // least-squares point is reached; or a singular point, where Newton stalls)
      if (sn <= 1e-13 * size
          || (sn <= 1e-9 * size && sn <= 1e-6 * previousStep)
          || (it >= 2 && sn > 0.5 * previousStep)) {
        break;
      }
      previousStep = sn;
    }
    return theta;
  }

  /** out := J (n x p) at the current fiber point (the last {@link #solve}'s). */
  public void jacobianAtSolution(double[][] out) {
    state.at(theta).jacobian(out);
  }

  /** Number of parameters p. */
  public int parameterCount() {
    return mu.parameterCount();
  }

  private void addDeltaRow(int l, double r) {
    int a0 = mu.layerStart(l);
    int a1 = mu.layerStart(l + 1);
    int a2 = mu.layerStart(l + 2);
    // row D_l: -2 w_l on block l, +2 w_{l+1} on block l+1
    for (int i = a0; i < a2; i++) {
      double di = i < a1 ? -2 * theta[i] : 2 * theta[i];
      rhs[i] += di * r;
      for (int j = a0; j < a2; j++) {
        double dj = j < a1 ? -2 * theta[j] : 2 * theta[j];
        normal[i][j] += di * dj;
      }
    }
  }
}
