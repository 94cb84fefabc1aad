package org.lcngeo.symbolic.rescale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.rescale.RescalingProblem;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.ntk.ExactNtk;
import org.lcngeo.symbolic.ntk.ScaledIntegerMatrix;

/**
 * A filter tuple rescaled to prescribed invariants (Prop. 2 / 12), exactly: beta_1 with its
 * polynomial P, the field Q(beta_1) that holds beta_l, lambda_l^2 and the rescaled NTK, the
 * rescaling factors lambda_l = sqrt(lambda_l^2) and the rescaled filters lambda_l w_l. Built by
 * {@link Rescaling#rescale}. The square roots are computed on first use.
 */
public final class RescaledTuple extends RescaledLayers<BigFraction> {
  private final RescalingProblem<BigFraction> problem;
  private final RealAlgebraicNumber beta1;
  private final NumberField field;
  private final List<FieldElement> betas;
  private final List<FieldElement> lambdaSquared;
  /** ||w_l||^2 / beta_l = 1 / lambda_l^2: the weight of K_l in K^(delta). */
  private final List<FieldElement> kernelWeights;

  RescaledTuple(RescalingProblem<BigFraction> problem, RealAlgebraicNumber beta1, NumberField field) {
    this.problem = problem;
    this.beta1 = beta1;
    this.field = field;
    List<BigFraction> offsets = problem.offsets();
    List<BigFraction> squaredNorms = problem.squaredNorms();
    List<FieldElement> b = new ArrayList<>();
    List<FieldElement> ls = new ArrayList<>();
    List<FieldElement> kw = new ArrayList<>();
    FieldElement theta = field.theta();
    for (int l = 0; l < offsets.size(); l++) {
      FieldElement beta = theta.add(field.element(offsets.get(l)));
      b.add(beta);
      ls.add(beta.multiply(squaredNorms.get(l).reciprocal()));
      kw.add(beta.inverse().multiply(squaredNorms.get(l)));
    }
    this.betas = Collections.unmodifiableList(b);
    this.lambdaSquared = Collections.unmodifiableList(ls);
    this.kernelWeights = Collections.unmodifiableList(kw);
  }

  /** The tuple before rescaling. */
  @Override
  public FilterTuple<BigFraction> original() {
    return problem.theta();
  }

  /** The target invariants delta_1..delta_{H-1}. */
  public List<BigFraction> delta() {
    return problem.delta();
  }

  /** ||w_l||^2 of the original filters. */
  public List<BigFraction> squaredNorms() {
    return problem.squaredNorms();
  }

  /** c_1 = 0, c_l = delta_1 + ... + delta_{l-1}. */
  public List<BigFraction> offsets() {
    return problem.offsets();
  }

  /** C = prod_l ||w_l||^2. */
  public BigFraction productOfSquaredNorms() {
    return problem.productOfSquaredNorms();
  }

  /** P(x) = prod_l (x + c_l) - C (eq. 13), coefficients lowest degree first. */
  public List<BigFraction> polynomial() {
    return problem.polynomial();
  }

  /** max_l(-c_l): beta_1 is the only root of P above it. */
  public BigFraction lowerBound() {
    return problem.lowerBound();
  }

  /** beta_1 = ||lambda_1 w_1||^2; its minimal polynomial is a factor of P. */
  public RealAlgebraicNumber beta1() {
    return beta1;
  }

  /** Q(beta_1): every beta_l, lambda_l^2 and entry of K^(delta) lies in it. */
  public NumberField field() {
    return field;
  }

  /** beta_l = beta_1 + c_l = ||lambda_l w_l||^2, in Q(beta_1). */
  public List<FieldElement> betas() {
    return betas;
  }

  /** lambda_l^2 = beta_l / ||w_l||^2, in Q(beta_1). */
  @Override
  public List<FieldElement> lambdaSquared() {
    return lambdaSquared;
  }

  @Override
  RealAlgebraicNumber scale(int l, RealAlgebraicNumber lambda, BigFraction w) {
    return lambda.multiply(w);
  }

  /**
   * The rescaled filters as expression trees, per layer row-major: w_j * lambda_l with lambda_l as a
   * radical when it has degree at most two, else as Sqrt(lambda_l^2) with lambda_l^2 in Q(beta_1).
   */
  @Override
  public List<List<Expr>> filtersExpr() {
    List<List<Expr>> out = new ArrayList<>();
    for (int l = 0; l < problem.theta().depth(); l++) {
      Expr ls = lambdaExpr(l);
      List<Expr> w = new ArrayList<>();
      for (BigFraction x : problem.theta().layer(l)) {
        w.add(Exprs.product(Exprs.num(x), ls));
      }
      out.add(w);
    }
    return out;
  }

  /**
   * lambda_l as an expression tree: a radical when it has degree at most two, else Sqrt(lambda_l^2) with
   * lambda_l^2 in Q(beta_1) (never a Root form, whose index needs Symja's numerics).
   */
  @Override
  public Expr lambdaExpr(int l) {
    RealAlgebraicNumber lam = lambdas().get(l);
    return lam.degree() <= 2 ? lam.toExpr() : Exprs.sqrt(lambdaSquared.get(l).toExpr());
  }

  /**
   * K^(delta) = sum_l (||w_l||^2 / beta_l) K_l(w) (the NTK at the rescaled tuple, since K_l is
   * homogeneous of degree 2 in every other layer, Observation 3), from the layer kernels K_l of
   * the original tuple as exact rational matrices.
   */
  public RescaledNtk ntk(List<List<List<BigFraction>>> layerKernels) {
    if (layerKernels.size() != problem.theta().depth()) {
      throw new IllegalArgumentException(
          "got " + layerKernels.size() + " layer kernels for " + problem.theta().depth() + " layers");
    }
    int n = problem.theta().architecture().endToEndEntries();
    for (List<List<BigFraction>> k : layerKernels) {
      if (k.size() != n || k.stream().anyMatch(r -> r.size() != n)) {
        throw new IllegalArgumentException("every layer kernel must be " + n + " x " + n);
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          if (!k.get(i).get(j).equals(k.get(j).get(i))) {
            throw new IllegalArgumentException("a layer kernel K_l = J_l J_l^T must be symmetric");
          }
        }
      }
    }
    List<BigFraction> scalars = new ArrayList<>(Collections.nCopies(layerKernels.size(), BigFraction.ZERO));
    return RescaledNtk.symmetric(field, n, (i, j) -> {
      for (int l = 0; l < scalars.size(); l++) {
        scalars.set(l, layerKernels.get(l).get(i).get(j));
      }
      return FieldElement.linearCombination(scalars, kernelWeights);
    });
  }

  /** {@link #ntk(List)} with the layer kernels of the fast exact executor. */
  public RescaledNtk ntk() {
    return ntk(ExactNtk.of(problem.theta()).layerKernels().stream()
        .map(ScaledIntegerMatrix::toFractions).toList());
  }
}
