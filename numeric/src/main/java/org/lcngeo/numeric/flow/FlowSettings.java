package org.lcngeo.numeric.flow;

import java.util.Locale;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;

/**
 * How to run a flow: the method, the time horizon T, tolerances, the number of grid intervals on
 * [0, T] at which the trajectory is recorded and both flows are compared, the step of gradient
 * descent, whether the function-space flow is integrated too, and how the grid is spaced. Immutable;
 * validated on construction.
 */
public record FlowSettings(
    Method method,
    double time,
    double rtol,
    double atol,
    int gridIntervals,
    double step,
    boolean functionSpace,
    Spacing spacing) {

  /**
   * How the grid's times are spaced. {@link #UNIFORM} is what tables and files record;
   * {@link #GEOMETRIC} resolves a flow that does its work early, for a figure with a log time axis
   * (not for gradient descent, whose steps the grid times would cut).
   */
  public enum Spacing {
    /** t_k = k T / m, k = 0..m. */
    UNIFORM,
    /** t_0 = 0, then m times log-spaced from {@link #GEOMETRIC_START} T to T. */
    GEOMETRIC;

    /** The first positive time of the geometric grid, relative to T (six decades before T). */
    public static final double GEOMETRIC_START = 1e-6;
  }

  /** The integrators, by their command-line names. */
  public enum Method {
    /** Dormand-Prince 8(5,3), Hipparchus (non-stiff). */
    DOP853,
    /** RODAS4 Rosenbrock method, order 4(3), L-stable (stiff). */
    RODAS4,
    /** Variable-order NDF/BDF 1..5 with Jacobian and LU reuse (stiff; {@link Bdf}). */
    BDF,
    /** Gradient descent with a fixed step. */
    GD;

    /** The stiff method of choice (measured on workload W4/W5: fewer evaluations than RODAS4). */
    public static final Method STIFF_DEFAULT = BDF;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is an implicit method for stiff flows (it uses the system's Jacobian). */
    public boolean stiff() {
      return this == RODAS4 || this == BDF;
    }

    /** The command-line names, comma separated. */
    public static String labels() {
      return java.util.Arrays.stream(values()).map(Method::label)
          .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Parses a command-line name. */
    public static Method parse(String s) {
      for (Method m : values()) {
        if (m.label().equalsIgnoreCase(s.strip())) {
          return m;
        }
      }
      throw new InvalidInputException("--method must be one of " + labels() + ", not '" + s + "'");
    }
  }

  /** Settings on the uniform grid. */
  public FlowSettings(Method method, double time, double rtol, double atol, int gridIntervals,
      double step, boolean functionSpace) {
    this(method, time, rtol, atol, gridIntervals, step, functionSpace, Spacing.UNIFORM);
  }

  public FlowSettings {
    if (method == null || spacing == null) {
      throw new InvalidInputException("a flow needs a method and a grid spacing");
    }
    if (!(time > 0) || !Double.isFinite(time)) {
      throw new InvalidInputException("--time must be a positive number, not " + time);
    }
    if (!(rtol > 0 && rtol < 1) || !(atol > 0 && atol < 1)) {
      throw new InvalidInputException("--rtol and --atol must lie strictly between 0 and 1");
    }
    if (rtol < 1e-14) {
      throw new InvalidInputException("--rtol " + rtol + " is below double precision (1e-14)");
    }
    if (gridIntervals < 1 || gridIntervals > 1_000_000) {
      throw new InvalidInputException("the grid needs between 1 and 1000000 intervals");
    }
    if (method == Method.GD && (!(step > 0) || !Double.isFinite(step))) {
      throw new InvalidInputException("--step must be a positive number, not " + step);
    }
    if (method == Method.GD && spacing != Spacing.UNIFORM) {
      // gradient descent stops at every grid time: a finer grid would change its steps
      throw new InvalidInputException("gradient descent is recorded on the uniform grid only");
    }
    if (method == Method.GD && time / step > 1e9) {
      throw new LimitExceededException(
          "gradient descent with step " + step + " to time " + time + " needs more than 1e9 steps");
    }
  }

  /**
   * Defaults: the given method and horizon, rtol 1e-10, atol 1e-12, 200 uniform grid intervals,
   * step 1e-4.
   */
  public static FlowSettings of(Method method, double time) {
    return new FlowSettings(method, time, 1e-10, 1e-12, 200, 1e-4, true);
  }

  public FlowSettings withTolerances(double r, double a) {
    return new FlowSettings(method, time, r, a, gridIntervals, step, functionSpace, spacing);
  }

  public FlowSettings withGridIntervals(int m) {
    return new FlowSettings(method, time, rtol, atol, m, step, functionSpace, spacing);
  }

  public FlowSettings withStep(double h) {
    return new FlowSettings(method, time, rtol, atol, gridIntervals, h, functionSpace, spacing);
  }

  public FlowSettings withFunctionSpace(boolean on) {
    return new FlowSettings(method, time, rtol, atol, gridIntervals, step, on, spacing);
  }

  public FlowSettings withSpacing(Spacing s) {
    return new FlowSettings(method, time, rtol, atol, gridIntervals, step, functionSpace, s);
  }

  /** The integrator these settings describe (a new, independent instance). */
  public Integrator integrator() {
    return switch (method) {
      case DOP853 -> new Dop853(rtol, atol);
      case RODAS4 -> new Rodas4(rtol, atol, Double.POSITIVE_INFINITY);
      case BDF -> new Bdf(rtol, atol);
      case GD -> new GradientDescent(step);
    };
  }

  /**
   * The grid of m + 1 times from 0 to T: t_k = k T / m ({@link Spacing#UNIFORM}), or t_0 = 0 and
   * t_k = T r^((m - k) / (m - 1)), r = {@link Spacing#GEOMETRIC_START}, k = 1..m
   * ({@link Spacing#GEOMETRIC}; m = 1 gives 0, T). The last time is T exactly.
   */
  public double[] grid() {
    int m = gridIntervals;
    double[] g = new double[m + 1];
    for (int k = 1; k < m; k++) {
      g[k] = spacing == Spacing.UNIFORM
          ? time * k / m
          : time * Math.pow(Spacing.GEOMETRIC_START, (double) (m - k) / (m - 1));
    }
    g[m] = time;
    return g;
  }
}
