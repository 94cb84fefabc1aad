package org.lcngeo.numeric.flow;

/**
 * Plain gradient descent, i.e. explicit Euler on y' = f(y) with a fixed step: {@code y_{k+1} = y_k +
 * eta f(y_k)}; the step before a grid time is shortened to land on it. For comparison with the
 * flows' integrators.
 */
public final class GradientDescent implements Integrator {
  private final double step;

  public GradientDescent(double step) {
    this.step = step;
  }

  @Override
  public long integrate(OdeSystem sys, double[] y0, double[] grid, TrajectoryObserver observer) {
    int n = sys.dimension();
    double[] y = y0.clone();
    double[] f = new double[n];
    double t = grid[0];
    observer.atGrid(0, t, y);
    long steps = 0;
    for (int k = 1; k < grid.length; k++) {
      while (t < grid[k]) {
        // a step that reaches the grid time up to rounding lands on it (no sliver step after it)
        boolean last = step >= (grid[k] - t) * (1 - 1e-12);
        double h = last ? grid[k] - t : step;
        sys.derivative(y, f);
        for (int i = 0; i < n; i++) {
          y[i] += h * f[i];
        }
        t = last ? grid[k] : t + h;
        steps++;
        Integrator.checkBudget(steps, t);
        Integrator.checkFinite(t, y);
        observer.afterStep(t, y);
      }
      observer.atGrid(k, t, y);
    }
    return steps;
  }
}
