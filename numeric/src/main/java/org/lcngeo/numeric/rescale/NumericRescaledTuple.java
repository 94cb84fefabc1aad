package org.lcngeo.numeric.rescale;

import java.util.ArrayList;
import java.util.List;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.rescale.RescalingProblem;
import org.lcngeo.core.plan.MuPlan;

/**
 * A filter tuple rescaled to prescribed invariants in double precision (Prop. 2 / 12), built by
 * {@link NumericRescaling#rescale}: beta_l = ||lambda_l w_l||^2, lambda_l > 0 with prod lambda_l =
 * 1, the rescaled filters and K^(delta) = sum_l (||w_l||^2 / beta_l) K_l(w).
 */
public final class NumericRescaledTuple {
  private final FilterTuple<Double> original;
  private final List<Double> delta;
  private final double[] squaredNorms;
  private final double[] offsets;
  private final double product;
  private final double lowerBound;
  private final double[] betas;
  private final double[] lambdas;
  private final FilterTuple<Double> filters;

  /** The solution betas of the problem: lambda_l = sqrt(beta_l / ||w_l||^2). */
  NumericRescaledTuple(RescalingProblem<Double> problem, double[] betas) {
    this.original = problem.theta();
    this.delta = problem.delta();
    this.squaredNorms = problem.squaredNorms().stream().mapToDouble(Double::doubleValue).toArray();
    this.offsets = problem.offsets().stream().mapToDouble(Double::doubleValue).toArray();
    this.product = problem.productOfSquaredNorms();
    this.lowerBound = problem.lowerBound();
    this.betas = betas;
    this.lambdas = new double[betas.length];
    for (int l = 0; l < betas.length; l++) {
      lambdas[l] = Math.sqrt(betas[l] / squaredNorms[l]);
    }
    List<List<Double>> layers = new ArrayList<>();
    for (int l = 0; l < original.depth(); l++) {
      List<Double> w = new ArrayList<>();
      for (double x : original.layer(l)) {
        w.add(lambdas[l] * x);
      }
      layers.add(w);
    }
    this.filters = FilterTuple.of(original.architecture(), layers);
  }

  public FilterTuple<Double> original() {
    return original;
  }

  /** The target invariants delta_1..delta_{H-1}. */
  public List<Double> delta() {
    return delta;
  }

  /** ||w_l||^2 of the original filters. */
  public double[] squaredNorms() {
    return squaredNorms.clone();
  }

  /** c_1 = 0, c_l = delta_1 + ... + delta_{l-1}. */
  public double[] offsets() {
    return offsets.clone();
  }

  /** C = prod ||w_l||^2. */
  public double productOfSquaredNorms() {
    return product;
  }

  /** max_l(-c_l). */
  public double lowerBound() {
    return lowerBound;
  }

  /** beta_1, the root of prod_l (x + c_l) = C above {@link #lowerBound()}. */
  public double beta1() {
    return betas[0];
  }

  /** beta_l = beta_1 + c_l. */
  public double[] betas() {
    return betas.clone();
  }

  /** lambda_l = sqrt(beta_l / ||w_l||^2). */
  public double[] lambdas() {
    return lambdas.clone();
  }

  /** The rescaled tuple (lambda_l w_l). */
  public FilterTuple<Double> filters() {
    return filters;
  }

  /** K^(delta) = sum_l (||w_l||^2 / beta_l) K_l from the layer kernels K_l of the original tuple. */
  public double[][] ntk(List<double[][]> layerKernels) {
    if (layerKernels.size() != original.depth()) {
      throw new IllegalArgumentException(
          "got " + layerKernels.size() + " layer kernels for " + original.depth() + " layers");
    }
    int n = original.architecture().endToEndEntries();
    double[][] k = new double[n][n];
    for (int l = 0; l < layerKernels.size(); l++) {
      double[][] kl = layerKernels.get(l);
      if (kl.length != n) {
        throw new IllegalArgumentException("every layer kernel must be " + n + " x " + n);
      }
      double weight = squaredNorms[l] / betas[l];
      for (int i = 0; i < n; i++) {
        if (kl[i].length != n) {
          throw new IllegalArgumentException("every layer kernel must be " + n + " x " + n);
        }
        for (int j = 0; j < n; j++) {
          k[i][j] += weight * kl[i][j];
        }
      }
    }
    return k;
  }

  /** {@link #ntk(List)} with the layer kernels from the generic executor of the plan. */
  public double[][] ntk() {
    MuPlan plan = MuPlan.compile(original.architecture());
    List<double[][]> kernels = new ArrayList<>();
    for (int l = 0; l < original.depth(); l++) {
      kernels.add(plan.ntkLayer(DoubleRing.INSTANCE, original, l).stream()
          .map(r -> r.stream().mapToDouble(Double::doubleValue).toArray())
          .toArray(double[][]::new));
    }
    return ntk(kernels);
  }
}
