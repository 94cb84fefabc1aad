package org.lcngeo.numeric.flow;

/**
 * RODAS4: the L-stable, stiffly accurate Rosenbrock method of order 4 with an embedded method of
 * order 3 and 6 stages, by Hairer and Wanner (Solving Ordinary Differential Equations II, 2nd ed.,
 * Springer 1996, Sec. IV.7, Table 7.2; coefficients of their code RODAS), with the analytic
 * Jacobian of the system. Hipparchus has no stiff integrator, so this is our own implementation.
 *
 * <p>Written in the "K" form: with G = I/(h gamma) - df/dy(y_0), stage i solves {@code G K_i =
 * f(y_0 + sum_{j<i} a_ij K_j) + sum_{j<i} (c_ij / h) K_j}; then {@code y_1 = y_0 + sum m_j K_j} and
 * the error estimate is {@code K_6} (the method is stiffly accurate: y_1 equals the last stage
 * argument plus K_6). Step sizes follow the standard controller {@code h_new = h min(6, max(0.2,
 * 0.9 err^(-1/4)))} on the mixed error norm {@code sqrt(mean((e_i / (atol + rtol max(|y_i|,
 * |y1_i|)))^2))}, without growth right after a rejection. Steps end exactly on grid times. Only
 * autonomous systems. Allocation-free per step.
 */
public final class Rodas4 implements Integrator {
  private static final int S = 6;
  private static final double GAMMA = 0.25;
  /** a[i][j], j < i (stage arguments). */
  private static final double[][] A = {
    {},
    {1.544},
    {0.9466785280815826, 0.2557011698983284},
    {3.314825187068521, 2.896124015972201, 0.9986419139977817},
    {1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950},
    {1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1.0},
  };
  /** c[i][j], j < i (stage couplings, divided by h). */
  private static final double[][] C = {
    {},
    {-5.6688},
    {-2.430093356833875, -0.2063599157091915},
    {-0.1073529058151375, -9.594562251023355, -20.47028614809616},
    {7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160},
    {8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136,
      -6.058818238834054},
  };
  /** m[j]: weights of the solution. */
  private static final double[] M = {
    1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1.0, 1.0
  };

  private final double rtol;
  private final double atol;
  private final double maxStep;
  private long jacobians;
  private long factorizations;

  /**
   * @param rtol relative tolerance
   * @param atol absolute tolerance
   * @param maxStep largest step (Double.POSITIVE_INFINITY for none)
   */
  public Rodas4(double rtol, double atol, double maxStep) {
    this.rtol = rtol;
    this.atol = atol;
    this.maxStep = maxStep;
  }

  /** Buffers of one trajectory and the Rosenbrock step proper. */
  private final class Stepper {
    final OdeSystem sys;
    final int n;
    final double[] f0;
    final double[] arg;
    final double[] y1;
    final double[][] k;
    final double[][] jac;
    final DenseLu lu;

    Stepper(OdeSystem sys) {
      this.sys = sys;
      this.n = sys.dimension();
      this.f0 = new double[n];
      this.arg = new double[n];
      this.y1 = new double[n];
      this.k = new double[S][n];
      this.jac = new double[n][n];
      this.lu = new DenseLu(n);
    }

    /**
     * One step of size h from y, with f0 = f(y) and jac = df/dy(y) already set: y1 := the new
     * state; returns the error norm (NaN if G is singular).
     */
    double step(double[] y, double h) {
      double[][] g = lu.matrix();
      double diag = 1.0 / (h * GAMMA);
      for (int i = 0; i < n; i++) {
        double[] gi = g[i];
        double[] ji = jac[i];
        for (int j = 0; j < n; j++) {
          gi[j] = -ji[j];
        }
        gi[i] += diag;
      }
      factorizations++;
      if (!lu.decompose()) {
        return Double.NaN;
      }
      for (int s = 0; s < S; s++) {
        double[] ks = k[s];
        if (s == 0) {
          System.arraycopy(f0, 0, ks, 0, n);
        } else {
          System.arraycopy(y, 0, arg, 0, n);
          double[] as = A[s];
          for (int j = 0; j < s; j++) {
            double a = as[j];
            double[] kj = k[j];
            for (int i = 0; i < n; i++) {
              arg[i] += a * kj[i];
            }
          }
          sys.derivative(arg, ks);
          double[] cs = C[s];
          for (int j = 0; j < s; j++) {
            double c = cs[j] / h;
            double[] kj = k[j];
            for (int i = 0; i < n; i++) {
              ks[i] += c * kj[i];
            }
          }
        }
        lu.solve(ks);
      }
      double err = 0;
      for (int i = 0; i < n; i++) {
        double v = y[i];
        for (int j = 0; j < S; j++) {
          v += M[j] * k[j][i];
        }
        y1[i] = v;
        double sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(v));
        double e = k[S - 1][i] / sc;
        err += e * e;
      }
      return Math.sqrt(err / n);
    }
  }

  @Override
  public long integrate(OdeSystem sys, double[] y0, double[] grid, TrajectoryObserver observer) {
    jacobians = 0;
    factorizations = 0;
    Stepper st = new Stepper(sys);
    int n = st.n;
    double[] y = y0.clone();
    double t = grid[0];
    double end = grid[grid.length - 1];
    observer.atGrid(0, t, y);
    int next = 1;
    sys.derivative(y, st.f0);
    double h = initialStep(y, st.f0, end - t);
    long steps = 0;
    boolean rejectedLast = false;
    boolean needJacobian = true;
    while (next < grid.length) {
      double target = grid[next];
      if (needJacobian) {
        sys.jacobian(y, st.jac);
        jacobians++;
        needJacobian = false;
      }
      double step = Math.min(h, target - t);
      boolean hitsGrid = step >= target - t;
      if (hitsGrid) {
        step = target - t;
      }
      if (step <= Math.ulp(t) * 16) {
        throw new FlowDivergedException(
            "the stiff integrator's step size fell below the resolution of t at t = " + (float) t);
      }
      double err = st.step(y, step);
      if (Double.isNaN(err)) {
        Integrator.checkFinite(t, st.y1);
        h = step * 0.5;
        rejectedLast = true;
        continue;
      }
      double fac = err == 0 ? 6 : Math.min(6, Math.max(0.2, 0.9 * Math.pow(err, -0.25)));
      if (err <= 1) {
        t = hitsGrid ? target : t + step;
        System.arraycopy(st.y1, 0, y, 0, n);
        Integrator.checkFinite(t, y);
        steps++;
        Integrator.checkBudget(steps, t);
        observer.afterStep(t, y);
        if (hitsGrid) {
          observer.atGrid(next, t, y);
          next++;
        }
        sys.derivative(y, st.f0);
        needJacobian = true;
        double hNew = step * fac;
        if (rejectedLast) {
          hNew = Math.min(hNew, step);
        }
        // a step shortened to reach the grid does not shrink the natural step size
        h = Math.min(maxStep, hitsGrid ? Math.max(hNew, h) : hNew);
        rejectedLast = false;
      } else {
        h = step * Math.min(1, fac);
        rejectedLast = true;
      }
    }
    return steps;
  }

  @Override
  public long jacobians() {
    return jacobians;
  }

  @Override
  public long factorizations() {
    return factorizations;
  }

  /** y(T) by {@code steps} steps of constant size T / steps, without error control (for tests). */
  double[] fixedSteps(OdeSystem sys, double[] y0, double time, int steps) {
    Stepper st = new Stepper(sys);
    double[] y = y0.clone();
    for (int i = 0; i < steps; i++) {
      sys.derivative(y, st.f0);
      sys.jacobian(y, st.jac);
      st.step(y, time / steps);
      System.arraycopy(st.y1, 0, y, 0, y.length);
    }
    return y;
  }

  /** Hairer's starting step: 0.01 ||y|| / ||f|| in the tolerance norm, at most the interval. */
  private double initialStep(double[] y, double[] f, double span) {
    double d0 = Integrator.weightedRms(y, y, rtol, atol);
    double d1 = Integrator.weightedRms(f, y, rtol, atol);
    double h = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
    return Math.min(Math.min(h, span), maxStep);
  }
}
