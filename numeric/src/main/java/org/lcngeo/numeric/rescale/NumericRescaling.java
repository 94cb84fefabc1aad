package org.lcngeo.numeric.rescale;

import java.util.List;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.FilterTuple;

/**
 * The rescaling of Prop. 2 / 12 in double precision, the numeric counterpart of the exact {@code
 * org.lcngeo.symbolic.rescale.Rescaling}: the same polynomial, solved as in the proof (Sec. 7.1.1,
 * eq. 14) in the shifted unknown y = beta_1 - max_l(-c_l), so that every beta_l = y + n_l with n_l
 * = c_l + max(-c) >= 0 is computed without cancellation. The root is bracketed in (0, max(1, C)]
 * (the left side of eq. 14 is increasing there, -C at 0 and at least C at the right end) and found
 * by Hipparchus' bracketing Brent solver.
 */
public final class NumericRescaling {
  private static final int MAX_EVALUATIONS = 10_000;
  private static final BracketingNthOrderBrentSolver SOLVER =
      new BracketingNthOrderBrentSolver(1e-16, Double.MIN_NORMAL, Double.MIN_NORMAL, 5);

  private NumericRescaling() {}

  /**
   * Rescales theta to the invariants delta.
   *
   * @throws InvalidInputException if a filter is zero, an entry is not finite, or delta does not
   *     have H - 1 values
   */
  public static NumericRescaledTuple rescale(FilterTuple<Double> theta, List<Double> delta) {
    int h = theta.depth();
    if (delta.size() != h - 1) {
      throw new InvalidInputException(
          "got " + delta.size() + " delta value" + (delta.size() == 1 ? "" : "s") + " but a network of "
              + h + " layer" + (h == 1 ? "" : "s") + " has " + (h - 1) + " invariant"
              + (h - 1 == 1 ? "" : "s"));
    }
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
    int zero = theta.firstZeroLayer(DoubleRing.INSTANCE);
    if (zero >= 0) {
      throw new InvalidInputException(
          "filter " + (zero + 1) + " is zero, but the rescaling to prescribed invariants"
              + " (Prop. 2 / 12) needs non-zero filters");
    }
    double[] norms = new double[h];
    double[] offsets = new double[h];
    double product = 1;
    double lowerBound = 0;
    for (int l = 0; l < h; l++) {
      offsets[l] = l == 0 ? 0 : offsets[l - 1] + delta.get(l - 1);
      norms[l] = theta.squaredNorm(DoubleRing.INSTANCE, l);
      product *= norms[l];
      lowerBound = Math.max(lowerBound, -offsets[l]);
    }
    double[] shifted = new double[h];
    for (int l = 0; l < h; l++) {
      shifted[l] = offsets[l] + lowerBound;
    }
    double c = product;
    if (!(c > 0) || !Double.isFinite(c)) {
      throw new InvalidInputException(
          "the product of the squared filter norms, " + c + ", is not a positive double");
    }
    double y = SOLVER.solve(
        MAX_EVALUATIONS,
        x -> {
          double p = 1;
          for (double n : shifted) {
            p *= x + n;
          }
          return p - c;
        },
        0,
        Math.max(1, c),
        AllowedSolution.ANY_SIDE);
    double[] betas = new double[h];
    double[] lambdas = new double[h];
    for (int l = 0; l < h; l++) {
      betas[l] = y + shifted[l];
      lambdas[l] = Math.sqrt(betas[l] / norms[l]);
    }
    return new NumericRescaledTuple(theta, delta, norms, offsets, product, lowerBound, betas, lambdas);
  }
}
