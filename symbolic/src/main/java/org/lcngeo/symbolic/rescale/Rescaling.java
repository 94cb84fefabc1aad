package org.lcngeo.symbolic.rescale;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.rescale.RescalingProblem;
import org.lcngeo.core.rescale.RootSolver;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/**
 * The rescaling of Prop. 2 (1-D) and Prop. 12 (D-D) for rational filters, exactly: the {@link
 * RescalingProblem} over Q, with beta_1 the real algebraic root of P in the problem's bracket.
 */
public final class Rescaling {
  /**
   * beta_1, isolated exactly in (m, m + max(1, C)], where P is increasing (the problem's bracket).
   */
  public static final RootSolver<BigFraction, RealAlgebraicNumber> ROOT_SOLVER =
      problem -> RealAlgebraicNumber.root(
          problem.polynomial(), problem.lowerBound(), problem.upperBound());

  private Rescaling() {}

  /**
   * Rescales theta to the invariants delta.
   *
   * @throws InvalidInputException if a filter is zero or delta does not have H - 1 values
   */
  public static RescaledTuple rescale(FilterTuple<BigFraction> theta, List<BigFraction> delta) {
    RescalingProblem<BigFraction> problem = RescalingProblem.of(RationalRing.INSTANCE, theta, delta);
    RealAlgebraicNumber beta1 = problem.solve(ROOT_SOLVER);
    return new RescaledTuple(problem, beta1, NumberField.of(beta1));
  }
}
