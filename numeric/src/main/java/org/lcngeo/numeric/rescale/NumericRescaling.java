package org.lcngeo.numeric.rescale;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.rescale.RescalingProblem;
import org.lcngeo.core.rescale.RootSolver;

/**
 * The rescaling of Prop. 2 / 12 in double precision: the {@link RescalingProblem} over doubles,
 * solved as in the proof (Sec. 7.1.1, eq. 14) in the shifted unknown y = beta_1 - m, so that every
 * beta_l = y + n_l is computed without cancellation.
 */
public final class NumericRescaling {
  private static final int MAX_EVALUATIONS = 10_000;
  private static final BracketingNthOrderBrentSolver SOLVER =
      new BracketingNthOrderBrentSolver(1e-16, Double.MIN_NORMAL, Double.MIN_NORMAL, 5);

  /**
   * Every beta_l = y + n_l from the root y of eq. 14 in the problem's bracket (0, max(1, C)], by
   * Hipparchus' bracketing Brent solver.
   */
  public static final RootSolver<Double, double[]> ROOT_SOLVER = problem -> {
    double y = SOLVER.solve(
        MAX_EVALUATIONS, problem::shiftedValue, 0, problem.bracketWidth(), AllowedSolution.ANY_SIDE);
    List<Double> shifted = problem.shiftedOffsets();
    double[] betas = new double[shifted.size()];
    for (int l = 0; l < betas.length; l++) {
      betas[l] = y + shifted.get(l);
    }
    return betas;
  };

  private NumericRescaling() {}

  /**
   * Rescales theta to the invariants delta.
   *
   * @throws InvalidInputException if a filter is zero, an entry is not finite, or delta does not
   *     have H - 1 values ({@link FilterTuple#requireRescalable})
   */
  public static NumericRescaledTuple rescale(FilterTuple<Double> theta, List<Double> delta) {
    RescalingProblem<Double> problem = RescalingProblem.of(DoubleRing.INSTANCE, theta, delta);
    for (double d : delta) {
      if (!Double.isFinite(d)) {
        throw new InvalidInputException("delta value " + d + " is not finite");
      }
    }
    for (double x : theta.flat()) {
      if (!Double.isFinite(x)) {
        throw new InvalidInputException("filter entry " + x + " is not finite");
      }
    }
    double c = problem.productOfSquaredNorms();
    if (!(c > 0) || !Double.isFinite(c)) {
      throw new InvalidInputException(
          "the product of the squared filter norms, " + c + ", is not a positive double");
    }
    return new NumericRescaledTuple(problem, problem.solve(ROOT_SOLVER));
  }

  /**
   * The sign representative of the paper's cases within the orbit of even sign flips (which keep
   * mu and the invariants, Prop. 2): the first non-zero entry of layers 1..H-1 is positive, the
   * last layer absorbs the signs. An entry counts as zero below {@code 1e-12} times its layer's
   * largest entry.
   */
  public static FilterTuple<Double> canonicalSigns(FilterTuple<Double> theta) {
    int h = theta.depth();
    List<List<Double>> layers = new ArrayList<>(theta.layers());
    boolean flipLast = false;
    for (int l = 0; l + 1 < h; l++) {
      List<Double> w = layers.get(l);
      double max = w.stream().mapToDouble(Math::abs).max().orElse(0);
      double first = w.stream().filter(x -> Math.abs(x) > 1e-12 * max).findFirst().orElse(0.0);
      if (first < 0) {
        layers.set(l, w.stream().map(x -> -x).toList());
        flipLast = !flipLast;
      }
    }
    if (flipLast) {
      layers.set(h - 1, layers.get(h - 1).stream().map(x -> -x).toList());
    }
    return FilterTuple.of(theta.architecture(), layers);
  }
}
