package org.lcngeo.core.rescale;

/**
 * What an executor supplies to the rescaling of Prop. 2 / 12: the solution of a {@link
 * RescalingProblem}, the positive (beta_1, ..., beta_H) of eq. 12, found from the root of eq. 13
 * in {@link RescalingProblem#lowerBound() the problem's bracket}. The exact executor returns beta_1
 * as a real algebraic number (every beta_l = beta_1 + c_l follows exactly), the numeric one every
 * beta_l in double precision (eq. 14, without cancellation).
 *
 * @param <T> the element type of the problem
 * @param <R> the executor's representation of the solution
 */
@FunctionalInterface
public interface RootSolver<T, R> {
  /** The solution of the problem. */
  R solve(RescalingProblem<T> problem);
}
