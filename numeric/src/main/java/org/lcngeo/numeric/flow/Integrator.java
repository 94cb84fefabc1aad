package org.lcngeo.numeric.flow;

/**
 * One way of following y' = f(y) from y(0) to y(T) and reporting the exact (or dense-output)
 * states at grid times 0 = t_0 < ... < t_m = T.
 */
public interface Integrator {
  /**
   * Integrates; y0 is not modified. Returns the number of accepted steps.
   *
   * @throws FlowDivergedException if the state stops being finite or the integrator fails
   */
  long integrate(OdeSystem system, double[] y0, double[] grid, TrajectoryObserver observer);

  /** Jacobian evaluations of the last {@link #integrate} call (0 for explicit methods). */
  default long jacobians() {
    return 0;
  }

  /** LU factorizations of the last {@link #integrate} call (0 for explicit methods). */
  default long factorizations() {
    return 0;
  }

  /**
   * Accepted steps after which a run is stopped: tens of seconds of work at the sizes we allow (W4
   * needs 114 k steps with DOP853, 1 k with NDF/BDF), so a run that goes on has a step size that
   * keeps shrinking (a blow-up in finite time) or a method that does not suit the flow.
   */
  long MAX_STEPS = 20_000_000L;

  /** Stops a run after {@link #MAX_STEPS} accepted steps with a clear message. */
  static void checkBudget(long steps, double t) {
    if (steps > MAX_STEPS) {
      throw new FlowDivergedException(
          "the integration took more than " + MAX_STEPS + " steps and stopped at t = " + (float) t
              + " (a step size that keeps shrinking: the flow may blow up; for a stiff flow use"
              + " --method bdf, for gd a larger --step or a shorter --time)");
    }
  }

  /**
   * sqrt(mean_i (x_i / (atol + rtol |y_i|))^2): the tolerance-weighted RMS norm of the
   * starting-step heuristics (Hairer, Norsett and Wanner, Sec. II.4).
   */
  static double weightedRms(double[] x, double[] y, double rtol, double atol) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double v = x[i] / (atol + rtol * Math.abs(y[i]));
      s += v * v;
    }
    return Math.sqrt(s / x.length);
  }

  /** Non-finite state, or one beyond 1e150 in norm: the flow diverged. */
  static void checkFinite(double t, double[] y) {
    double s = 0;
    for (double v : y) {
      s += v * v;
    }
    if (!(s < 1e300)) {
      throw new FlowDivergedException(
          "the flow diverged at t = " + (float) t + " (the state is no longer finite); try a"
              + " smaller initialization, step size or tolerance");
    }
  }
}
