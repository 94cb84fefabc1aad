package org.lcngeo.numeric.fiber;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.FilterTuple;

/**
 * The rescaling of Prop. 2 in double precision: the unique positive scalars lambda_l with
 * prod_l lambda_l = 1 that move a filter tuple to prescribed invariants delta (eq. 1), and the
 * canonical sign representative of the resulting point.
 *
 * <p>With c_1 = 0, c_l = delta_1 + ... + delta_{l-1} and C = prod_l ||w_l||^2, beta_1 is the
 * unique root of P(x) = prod_l (x + c_l) - C with x > max_l(-c_l) (proof of Prop. 2, eqs. 12–14).
 * P is -C at the lower end and at least y^H - C at lower + y, so [lower, lower + 2 C^(1/H)]
 * brackets it; Hipparchus' bracketing Brent solver of order 5 finds it. Then beta_l = beta_1 + c_l
 * and lambda_l = sqrt(beta_l / ||w_l||^2).
 */
public final class InvariantRescaling {
  private InvariantRescaling() {}

  /**
   * The scalars lambda_l of Prop. 2.
   *
   * @param squaredNorms ||w_l||^2, all positive
   * @param delta the target invariants delta_1..delta_{H-1}
   */
  public static double[] lambdas(double[] squaredNorms, double[] delta) {
    int h = squaredNorms.length;
    if (delta.length != h - 1) {
      throw new InvalidInputException(
          "got " + delta.length + " invariants for " + h + " layers; expected " + (h - 1));
    }
    double[] c = new double[h];
    double lower = 0;
    double logC = 0;
    for (int l = 0; l < h; l++) {
      if (!(squaredNorms[l] > 0) || !Double.isFinite(squaredNorms[l])) {
        throw new InvalidInputException("layer " + (l + 1) + " is zero and cannot be rescaled");
      }
      if (l > 0) {
        c[l] = c[l - 1] + delta[l - 1];
      }
      if (!Double.isFinite(c[l])) {
        throw new InvalidInputException("the invariants must be finite numbers");
      }
      lower = Math.max(lower, -c[l]);
      logC += Math.log(squaredNorms[l]);
    }
    double bigC = Math.exp(logC);
    UnivariateFunction p = x -> {
      double prod = 1;
      for (double cl : c) {
        prod *= x + cl;
      }
      return prod - bigC;
    };
    double y = 2 * Math.exp(logC / h);
    double beta1 = new BracketingNthOrderBrentSolver(1e-15, 1e-16 * y, 5)
        .solve(1000, p, lower, lower + y, AllowedSolution.ANY_SIDE);
    double[] lambda = new double[h];
    for (int l = 0; l < h; l++) {
      lambda[l] = Math.sqrt(Math.max(beta1 + c[l], 0) / squaredNorms[l]);
    }
    return lambda;
  }

  /** theta rescaled to the invariants delta (Prop. 2); mu is unchanged since prod lambda_l = 1. */
  public static FilterTuple<Double> rescale(FilterTuple<Double> theta, double[] delta) {
    int h = theta.depth();
    double[] sq = new double[h];
    for (int l = 0; l < h; l++) {
      sq[l] = theta.squaredNorm(DoubleRing.INSTANCE, l);
    }
    double[] lambda = lambdas(sq, delta);
    List<List<Double>> layers = new ArrayList<>();
    for (int l = 0; l < h; l++) {
      double f = lambda[l];
      layers.add(theta.layer(l).stream().map(x -> x * f).toList());
    }
    return FilterTuple.of(theta.architecture(), layers);
  }

  /**
   * The sign representative of the paper's cases: the first non-zero entry of layers 1..H-1 is
   * positive, the last layer absorbs the signs (an even number of sign flips, so mu and the
   * invariants are unchanged). An entry counts as zero below {@code 1e-12} times its layer's
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
