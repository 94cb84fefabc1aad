package org.lcngeo.numeric.flow;

import java.util.Locale;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;

/**
 * How to run a flow: the method, the time horizon T, tolerances, the number of grid intervals on
 * [0, T] at which the trajectory is recorded and both flows are compared, the step of gradient
 * descent, and whether the function-space flow is integrated too. Immutable; validated on
 * construction.
 */
public record FlowSettings(
    Method method,
    double time,
    double rtol,
    double atol,
    int gridIntervals,
    double step,
    boolean functionSpace) {

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

  public FlowSettings {
    if (method == null) {
      throw new InvalidInputException("a flow needs a method");
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
    if (method == Method.GD && time / step > 1e9) {
      throw new LimitExceededException(
          "gradient descent with step " + step + " to time " + time + " needs more than 1e9 steps");
    }
  }

  /** Defaults: the given method and horizon, rtol 1e-10, atol 1e-12, 200 grid intervals, step 1e-4. */
  public static FlowSettings of(Method method, double time) {
    return new FlowSettings(method, time, 1e-10, 1e-12, 200, 1e-4, true);
  }

  public FlowSettings withTolerances(double r, double a) {
    return new FlowSettings(method, time, r, a, gridIntervals, step, functionSpace);
  }

  public FlowSettings withGridIntervals(int m) {
    return new FlowSettings(method, time, rtol, atol, m, step, functionSpace);
  }

  public FlowSettings withStep(double h) {
    return new FlowSettings(method, time, rtol, atol, gridIntervals, h, functionSpace);
  }

  public FlowSettings withFunctionSpace(boolean on) {
    return new FlowSettings(method, time, rtol, atol, gridIntervals, step, on);
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

  /** The grid t_k = k T / m, k = 0..m. */
  public double[] grid() {
    double[] g = new double[gridIntervals + 1];
    for (int k = 0; k <= gridIntervals; k++) {
      g[k] = time * k / gridIntervals;
    }
    g[gridIntervals] = time;
    return g;
  }
}
