package org.lcngeo.numeric.flow;

import java.util.function.DoubleConsumer;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.plan.Neuromanifold;
import org.lcngeo.core.plan.NtkOfV;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.ntk.ContinuationNtk;
import org.lcngeo.numeric.ntk.MuState;
import org.lcngeo.numeric.ntk.NumericMu;

/**
 * The gradient flow of the squared-error loss L = l o mu of an LCN (paper, Sec. 2.2) in parameter
 * space, {@code theta' = -J^T grad l(mu(theta))}, and, integrated on its own from v(0) =
 * mu(theta(0)), the function-space Riemannian flow {@code v' = -K^(delta)(v) grad l(v)} of Thm. 4,
 * whose agreement with mu(theta(t)) is the paper's main result (where it holds: Thm. 4, Thm. 11)
 * and whose failure shows where the metric is not a function of v (Ex. 19).
 *
 * <p>Immutable and thread-safe: {@link #run} keeps all its state local, so one instance serves
 * many initializations on many threads.
 */
public final class GradientFlow {
  /** The function-space flow may use this many times the parameter flow's evaluations ... */
  private static final long FS_BUDGET_FACTOR = 20;
  /** ... but at least this many. */
  private static final long FS_MIN_BUDGET = 50_000;

  private final NumericMu mu;
  private final QuadraticLoss loss;
  private final FlowSettings settings;
  private final int dimension;
  private final double zeroReference;

  public GradientFlow(NumericMu mu, QuadraticLoss loss, FlowSettings settings) {
    if (loss.size() != mu.outputSize()) {
      throw new InvalidInputException(
          "the data are for end-to-end filters of " + loss.size() + " entries, the network has "
              + mu.outputSize());
    }
    this.mu = mu;
    this.loss = loss;
    this.settings = settings;
    this.dimension = Neuromanifold.compute(mu.plan()).dimension();
    double[] ref = loss.data().teacher();
    if (ref == null) {
      ref = loss.minimizer();
    }
    this.zeroReference = ref == null ? Double.NaN : ConvergenceDiagnostics.norm(ref);
  }

  public NumericMu executor() {
    return mu;
  }

  public QuadraticLoss loss() {
    return loss;
  }

  public FlowSettings settings() {
    return settings;
  }

  /** Dimension of the neuromanifold. */
  public int dimension() {
    return dimension;
  }

  /** Runs from theta0 with K^(delta) by numeric fiber recovery (continuation from theta0). */
  public FlowResult run(double[] theta0) {
    return run(theta0, null, null);
  }

  /**
   * Runs from theta0.
   *
   * @param ntkOfV K^(delta)(v) for the function-space flow (for example a compiled closed form);
   *     null for numeric fiber recovery by continuation from theta0
   * @param progress receives the fraction done (0..1) at grid times, or null
   */
  public FlowResult run(double[] theta0, NtkOfV ntkOfV, DoubleConsumer progress) {
    int p = mu.parameterCount();
    int h = mu.depth();
    if (theta0.length != p) {
      throw new InvalidInputException(
          "the initial tuple has " + theta0.length + " parameters, the network " + p);
    }
    for (double x : theta0) {
      if (!Double.isFinite(x)) {
        throw new InvalidInputException("the initial tuple has a non-finite entry");
      }
    }
    double[] grid = settings.grid();
    int m = grid.length;
    double[][] thetas = new double[m][];
    double[] losses = new double[m];
    double[][] deltas = new double[m][];
    double[] delta0 = mu.invariants(theta0);
    double[] deltaNow = new double[h - 1];
    double[] drift = {0};
    GradientField field = new GradientField(mu, loss);
    MuState gridState = mu.newState();
    long start = System.nanoTime();
    Integrator integrator = settings.integrator();
    long steps =
        integrator
            .integrate(
                field,
                theta0,
                grid,
                new TrajectoryObserver() {
                  @Override
                  public void atGrid(int k, double t, double[] y) {
                    thetas[k] = y.clone();
                    losses[k] = loss.value(gridState.at(y).mu());
                    deltas[k] = new double[h - 1];
                    mu.invariants(y, deltas[k]);
                    drift(deltas[k]);
                    if (progress != null) {
                      progress.accept(settings.functionSpace() ? 0.5 * k / (m - 1) : 1.0 * k / (m - 1));
                    }
                  }

                  @Override
                  public void afterStep(double t, double[] y) {
                    mu.invariants(y, deltaNow);
                    drift(deltaNow);
                  }

                  private void drift(double[] delta) {
                    for (int l = 0; l < h - 1; l++) {
                      drift[0] = Math.max(drift[0], Math.abs(delta[l] - delta0[l]));
                    }
                  }
                });
    double seconds = (System.nanoTime() - start) * 1e-9;
    long rhs = field.evaluations();
    int increases = 0;
    double rounding = loss.valueRoundingError();
    for (int k = 1; k < m; k++) {
      if (losses[k] > losses[k - 1] + 1e-12 * Math.abs(losses[k - 1]) + rounding) {
        increases++;
      }
    }
    FunctionSpaceRun fs = null;
    if (settings.functionSpace()) {
      double[] v0 = mu.newState().at(theta0).mu().clone();
      long budget = Math.max(FS_MIN_BUDGET, FS_BUDGET_FACTOR * rhs);
      fs = functionSpace(settings.integrator(), settings.method(), ntkOfV, theta0, v0, delta0,
          grid, thetas, budget, progress);
      if (!(fs.reached >= settings.time()) && settings.method().stiff()) {
        // a stiff method needs a Jacobian of K^(delta)(v) grad l(v), by differences of a
        // right-hand side that is not smooth where the continuation changes branch; the explicit
        // method does not, so it gets the second try
        fs = functionSpace(new Dop853(settings.rtol(), settings.atol()),
            FlowSettings.Method.DOP853, ntkOfV, theta0, v0, delta0, grid, thetas, budget, progress);
      }
    }
    double ref = Double.isNaN(zeroReference)
        ? ConvergenceDiagnostics.norm(mu.newState().at(theta0).mu())
        : zeroReference;
    ConvergenceDiagnostics diag =
        ConvergenceDiagnostics.at(mu, loss, thetas[m - 1], dimension, ref);
    return new FlowResult(
        grid, thetas, losses, deltas, fs == null ? null : fs.v, fs == null ? null : fs.deviations,
        drift[0], increases, fs == null ? Double.NaN : fs.maxDeviation,
        fs == null ? Double.NaN : fs.reached, fs == null ? null : fs.method, rhs,
        fs == null ? 0 : fs.evaluations, steps, integrator.jacobians(),
        integrator.factorizations(), seconds, fs == null ? 0 : fs.seconds,
        fs == null ? 0 : fs.cpuSeconds, diag);
  }

  private record FunctionSpaceRun(
      double[][] v,
      double[] deviations,
      double maxDeviation,
      double reached,
      FlowSettings.Method method,
      long evaluations,
      double seconds,
      double cpuSeconds) {}

  /** The current thread's CPU time in seconds, NaN where the JVM does not measure it. */
  private static double threadCpuSeconds() {
    long ns = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    return ns < 0 ? Double.NaN : ns * 1e-9;
  }

  private FunctionSpaceRun functionSpace(
      Integrator integrator,
      FlowSettings.Method method,
      NtkOfV ntkOfV,
      double[] theta0,
      double[] v0,
      double[] delta0,
      double[] grid,
      double[][] thetas,
      long budget,
      DoubleConsumer progress) {
    int m = grid.length;
    long start = System.nanoTime();
    double cpuStart = threadCpuSeconds();
    NtkOfV k = ntkOfV != null ? ntkOfV : new ContinuationNtk(mu, theta0);
    FunctionSpaceField fs = new FunctionSpaceField(k, loss, delta0, budget);
    double[][] vGrid = new double[m][];
    try {
      integrator.integrate(
          fs,
          v0,
          grid,
          (kk, t, y) -> {
            vGrid[kk] = y.clone();
            if (progress != null) {
              progress.accept(0.5 + 0.5 * kk / (m - 1));
            }
          });
    } catch (FunctionSpaceField.BudgetExceeded | FlowDivergedException e) {
      // stuck or failed near a singular point: report how far it got
    }
    double[] dev = new double[m];
    java.util.Arrays.fill(dev, Double.NaN);
    double maxDev = 0;
    double reached = Double.NaN;
    MuState s = mu.newState();
    for (int kk = 0; kk < m && vGrid[kk] != null; kk++) {
      double[] mt = s.at(thetas[kk]).mu();
      double d = 0;
      for (int a = 0; a < mt.length; a++) {
        d += (mt[a] - vGrid[kk][a]) * (mt[a] - vGrid[kk][a]);
      }
      dev[kk] = Math.sqrt(d);
      maxDev = Math.max(maxDev, dev[kk]);
      reached = grid[kk];
    }
    return new FunctionSpaceRun(vGrid, dev, maxDev, reached, method, fs.evaluations(),
        (System.nanoTime() - start) * 1e-9, threadCpuSeconds() - cpuStart);
  }
}
