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
