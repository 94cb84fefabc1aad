package org.lcngeo.numeric.flow;

/**
 * The outcome of one flow ({@link GradientFlow#run}): the trajectory on the grid, the summary
 * figures of the {@code lcn flow} contract and the convergence diagnostics at T. Arrays are owned
 * by the result (do not modify). A result exists only for a parameter-space flow that reached T
 * (an integrator that stalls before T throws {@link FlowDivergedException}); the function-space
 * flow may stop short, which {@link #status()} says.
 *
 * @param times grid times t_0 = 0 .. t_m = T
 * @param thetas theta(t_k), one row per grid time
 * @param losses L(theta(t_k))
 * @param deltas delta(theta(t_k)) (H-1 per row)
 * @param functionSpace v(t_k) of the function-space flow (null rows beyond
 *     functionSpaceReached), or null when it was not run
 * @param deviations ||mu(theta(t_k)) - v(t_k)|| (NaN beyond functionSpaceReached), or null
 * @param deltaDrift max over every accepted step and grid time of max_l |delta_l(t) - delta_l(0)|
 * @param lossIncreases grid intervals on which the loss went up by more than 1e-12 relative plus
 *     the loss's own rounding error ({@code QuadraticLoss.valueRoundingError})
 * @param functionSpaceDeviation max_k deviations[k] over the grid times reached (NaN when not
 *     run)
 * @param functionSpaceReached the last grid time the function-space flow reached: T, or less
 *     when it stalled near a singular point (its evaluation budget, 100 times the parameter
 *     flow's, ran out) or its integrator failed there; NaN when not run
 * @param functionSpaceMethod the integrator of the function-space flow: the settings' method, or
 *     DOP853 when a stiff method stalled there (its Jacobian is taken by differences of a
 *     right-hand side that is not smooth where the continuation changes branch); null when not
 *     run
 * @param rhsEvaluations right-hand-side evaluations of the parameter-space flow
 * @param functionSpaceEvaluations right-hand-side evaluations of the function-space flow
 * @param steps accepted steps of the parameter-space flow
 * @param jacobians Jacobian evaluations of the parameter-space flow (stiff methods)
 * @param factorizations LU factorizations of the parameter-space flow (stiff methods)
 * @param seconds wall time of the parameter-space flow
 * @param functionSpaceSeconds wall time of the function-space flow
 * @param functionSpaceCpuSeconds CPU time of the function-space flow (its thread's; NaN where the
 *     JVM does not measure it)
 * @param diagnostics where the flow ended (Thm. 7, Prop. 8)
 */
public record FlowResult(
    double[] times,
    double[][] thetas,
    double[] losses,
    double[][] deltas,
    double[][] functionSpace,
    double[] deviations,
    double deltaDrift,
    int lossIncreases,
    double functionSpaceDeviation,
    double functionSpaceReached,
    FlowSettings.Method functionSpaceMethod,
    long rhsEvaluations,
    long functionSpaceEvaluations,
    long steps,
    long jacobians,
    long factorizations,
    double seconds,
    double functionSpaceSeconds,
    double functionSpaceCpuSeconds,
    ConvergenceDiagnostics diagnostics) {

  /** Whether both flows reached T. */
  public enum Status {
    /** The parameter-space flow reached T, and so did the function-space flow if it was run. */
    COMPLETE("complete"),
    /** The function-space flow stopped before T (functionSpaceReached < T). */
    FUNCTION_SPACE_STALLED("functionSpaceStalled");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** {@link Status#COMPLETE} unless the function-space flow was run and stopped before T. */
  public Status status() {
    return functionSpace != null && !(functionSpaceReached >= times[times.length - 1])
        ? Status.FUNCTION_SPACE_STALLED
        : Status.COMPLETE;
  }

  /** theta(T). */
  public double[] finalTheta() {
    return thetas[thetas.length - 1];
  }

  public double initialLoss() {
    return losses[0];
  }

  public double finalLoss() {
    return losses[losses.length - 1];
  }

  /** ||grad L(theta(T))||. */
  public double gradientNorm() {
    return diagnostics.gradientNorm();
  }
}
