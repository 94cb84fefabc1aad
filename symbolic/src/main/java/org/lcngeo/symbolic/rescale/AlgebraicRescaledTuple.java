package org.lcngeo.symbolic.rescale;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/**
 * A filter tuple with entries in a real number field K = Q(gamma) rescaled to prescribed
 * invariants (Prop. 2 / 12), exactly: beta_1 is the root of P(x) = prod_l (x + c_l) - C with C =
 * prod ||w_l||^2 in K, and beta_l, lambda_l^2 and the rescaled NTK live in L = Q(gamma, beta_1)
 * (one primitive element, {@link FieldExtensions}). Built by {@link AlgebraicRescaling#rescale}.
 * The square roots lambda_l are computed on first use ({@link #lambdas()}, {@link #filters()}:
 * algebraic numbers of degree up to 2 [L : Q], costly); the expression trees ({@link
 * #lambdaExpr}, {@link #filtersExpr()}, {@link #filtersDecimal}) avoid them.
 */
public final class AlgebraicRescaledTuple extends RescaledLayers<FieldElement> {
  private final FilterTuple<FieldElement> original;
  private final List<BigFraction> delta;
  private final List<FieldElement> squaredNorms;
  private final RealAlgebraicNumber beta1;
  private final List<BigFraction> offsets;
  private final FieldExtensions.Extension extension;
  private final List<FieldElement> lambdaSquared;
  /** ||w_l||^2 / beta_l = 1 / lambda_l^2 in L: the weight of K_l in K^(delta). */
  private final List<FieldElement> kernelWeights;

  AlgebraicRescaledTuple(
      FilterTuple<FieldElement> original,
      List<BigFraction> delta,
      List<FieldElement> squaredNorms,
      List<BigFraction> offsets,
      RealAlgebraicNumber beta1,
      FieldExtensions.Extension extension) {
    this.original = original;
    this.delta = List.copyOf(delta);
    this.squaredNorms = List.copyOf(squaredNorms);
    this.beta1 = beta1;
    this.offsets = List.copyOf(offsets);
    this.extension = extension;
    List<FieldElement> ls = new ArrayList<>();
    List<FieldElement> kw = new ArrayList<>();
    List<FieldElement> betas = new ArrayList<>();
    for (BigFraction c : offsets) {
      betas.add(extension.adjoined().add(extension.field().element(c)));
    }
    // 1 / beta_k = prod_{l != k} beta_l / C by eq. 13, prod_l beta_l = C = prod_l ||w_l||^2 (checked
    // exactly): inverses in K (small) only, none in L
    FieldElement c = squaredNorms.get(0).field().one();
    for (FieldElement n : squaredNorms) {
      c = c.multiply(n);
    }
    FieldElement product = extension.field().one();
    for (FieldElement b : betas) {
      product = product.multiply(b);
    }
    boolean identity = product.equals(extension.map(c));
    FieldElement cInverse = identity ? extension.map(c.inverse()) : null;
    for (int l = 0; l < offsets.size(); l++) {
      FieldElement beta = betas.get(l);
      FieldElement norm = extension.map(squaredNorms.get(l));
      ls.add(beta.multiply(extension.map(squaredNorms.get(l).inverse())));
      FieldElement betaInverse = cInverse;
      for (int k = 0; k < betas.size() && identity; k++) {
        if (k != l) {
          betaInverse = betaInverse.multiply(betas.get(k));
        }
      }
      kw.add(norm.multiply(identity ? betaInverse : beta.inverse()));
    }
    this.lambdaSquared = Collections.unmodifiableList(ls);
    this.kernelWeights = Collections.unmodifiableList(kw);
  }

  /** The tuple before rescaling, entries in K. */
  @Override
  public FilterTuple<FieldElement> original() {
    return original;
  }

  public List<BigFraction> delta() {
    return delta;
  }

  /** ||w_l||^2 of the original filters, in K. */
  public List<FieldElement> squaredNorms() {
    return squaredNorms;
  }

  /** beta_1 = ||lambda_1 w_1||^2. */
  public RealAlgebraicNumber beta1() {
    return beta1;
  }

  /** L = Q(gamma, beta_1): every lambda_l^2 and entry of K^(delta) lies in it. */
  public NumberField field() {
    return extension.field();
  }

  /** lambda_l^2 = beta_l / ||w_l||^2, in L. */
  @Override
  public List<FieldElement> lambdaSquared() {
    return lambdaSquared;
  }

  /**
   * lambda_l w = sign(w) sqrt(lambda_l^2 w^2) with lambda_l^2 w^2 in L: one square root of a
   * number of degree at most [L : Q] (its minimal polynomial from traces), not the composed product
   * of lambda_l (degree up to 2 [L : Q]) and w (degree up to [K : Q]), which is factored at degree
   * 2 [L : Q] [K : Q].
   */
  @Override
  RealAlgebraicNumber scale(int l, RealAlgebraicNumber lambda, FieldElement w) {
    if (w.isRational()) {
      return lambda.multiply(w.toRational());
    }
    // w^2 in K (short), mapped, then one product in L
    FieldElement square = extension.map(w.multiply(w));
    RealAlgebraicNumber r = lambdaSquared.get(l).multiply(square).toRealAlgebraic().sqrt();
    return w.signum() < 0 ? r.negate() : r;
  }

  /**
   * lambda_l as an expression tree: a radical when lambda_l^2 is rational, else Sqrt((beta_1 + c_l) /
   * ||w_l||^2) with beta_1 as a radical or Root form and ||w_l||^2 in K (no square root of an
   * irrational number is computed, unlike {@link #lambdas()}).
   */
  @Override
  public Expr lambdaExpr(int l) {
    if (lambdaSquared.get(l).isRational()) {
      return RealAlgebraicNumber.of(lambdaSquared.get(l).toRational()).sqrt().toExpr();
    }
    Expr beta = Exprs.sum(beta1.toExpr(), Exprs.num(offsets.get(l)));
    return Exprs.sqrt(Exprs.quotient(beta, squaredNorms.get(l).toExpr()));
  }

  /** Each rescaled entry as w_j * lambda_l, w_j by its own form (radicals or a real root). */
  @Override
  public List<List<Expr>> filtersExpr() {
    List<List<Expr>> out = new ArrayList<>();
    for (int l = 0; l < original.depth(); l++) {
      Expr ls = lambdaExpr(l);
      List<Expr> w = new ArrayList<>();
      for (FieldElement x : original.layer(l)) {
        w.add(Exprs.product(x.isRational() ? Exprs.num(x.toRational()) : x.toRealAlgebraic().toExpr(), ls));
      }
      out.add(w);
    }
    return out;
  }

  /**
   * The rescaled entries correctly rounded: lambda_l w_j = sign(w_j) sqrt(lambda_l^2 w_j^2) with
   * the square in L, so only decimals of elements of L and a square root of a decimal enclosure are
   * needed (no algebraic number of degree 2 [L : Q] is built); the enclosure is tightened until
   * both ends round alike.
   */
  @Override
  public List<List<String>> filtersDecimal(int digits) {
    List<List<String>> out = new ArrayList<>();
    for (int l = 0; l < original.depth(); l++) {
      List<String> w = new ArrayList<>();
      for (FieldElement x : original.layer(l)) {
        w.add(x.isZero() ? "0" : signedSquareRoot(
            lambdaSquared.get(l).multiply(extension.map(x.multiply(x))), x.signum(), digits));
      }
      out.add(w);
    }
    return out;
  }

  private static String signedSquareRoot(FieldElement square, int sign, int digits) {
    if (square.isRational()) {
      RealAlgebraicNumber r = RealAlgebraicNumber.of(square.toRational()).sqrt();
      return (sign < 0 ? r.negate() : r).toDecimalString(digits);
    }
    MathContext target = new MathContext(digits, RoundingMode.HALF_EVEN);
    for (int extra = 10; extra <= 160; extra *= 2) {
      BigDecimal r = square.toBigDecimal(digits + extra);
      BigDecimal ulp = r.ulp();
      MathContext wide = new MathContext(digits + extra, RoundingMode.HALF_EVEN);
      BigDecimal lo = r.subtract(ulp).max(BigDecimal.ZERO).sqrt(wide);
      BigDecimal hi = r.add(ulp).sqrt(wide);
      BigDecimal slack = hi.ulp();
      BigDecimal a = lo.subtract(slack).round(target);
      BigDecimal b = hi.add(slack).round(target);
      if (a.compareTo(b) == 0) {
        return (sign < 0 ? a.negate() : a).toPlainString();
      }
    }
    RealAlgebraicNumber r = square.toRealAlgebraic().sqrt();
    return (sign < 0 ? r.negate() : r).toDecimalString(digits);
  }

  /**
   * K^(delta) = sum_l (||w_l||^2 / beta_l) K_l(w) (Observation 3), from the layer kernels K_l of
   * the original tuple with entries in K; the result lies in L.
   */
  public RescaledNtk ntk(List<List<List<FieldElement>>> layerKernels) {
    NumberField field = extension.field();
    // K^(delta)_ij = sum_l sum_r c_lr(ij) w_l gamma^r: the products w_l gamma^r in L once, then
    // one integer linear combination per entry (no product in L per entry)
    int d = layerKernels.get(0).get(0).get(0).field().degree(); // [K : Q]
    List<FieldElement> basis = extension.generatorPowers(d);
    List<FieldElement> weighted = new ArrayList<>();
    for (FieldElement w : kernelWeights) {
      for (FieldElement b : basis) {
        weighted.add(w.multiply(b));
      }
    }
    return RescaledNtk.symmetric(field, original.architecture().endToEndEntries(), (i, j) -> {
      List<BigFraction> c = new ArrayList<>(weighted.size());
      for (int l = 0; l < layerKernels.size(); l++) {
        FieldElement k = layerKernels.get(l).get(i).get(j);
        c.addAll(k.coefficients());
      }
      return FieldElement.linearCombination(c, weighted);
    });
  }
}
