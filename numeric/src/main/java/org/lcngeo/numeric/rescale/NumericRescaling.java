package org.lcngeo.numeric.rescale;

import java.util.ArrayList;
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
   *     have H - 1 values ({@link FilterTuple#requireRescalable})
   */
  public static NumericRescaledTuple rescale(FilterTuple<Double> theta, List<Double> delta) {
    theta.requireRescalable(DoubleRing.INSTANCE, delta.size());
    int h = theta.depth();
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
