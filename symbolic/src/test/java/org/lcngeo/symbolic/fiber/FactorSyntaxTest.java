package org.lcngeo.symbolic.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.expr.Exprs;

/** The Symja and plain-text spellings of layer factorizations, one form per kind of factor. */
class FactorSyntaxTest {
  private static final RealAlgebraicNumber SQRT2 = RealAlgebraicNumber.of(2).sqrt();

  @Test
  void anEmptyFactorizationIsOne() {
    assertThat(FactorSyntax.symja(new LayerFactorization(List.of()))).isEqualTo("1");
  }

  @Test
  void symbolsGoWithoutParenthesesAndCompoundFactorsWithThem() {
    LayerFactor x0 = new LayerFactor.Variable(Exprs.symbol("x", 0));
    LayerFactor root = new LayerFactor.Univariate(List.of(SQRT2.negate(), RealAlgebraicNumber.of(1)));
    LayerFactorization f = new LayerFactorization(List.of(
        new LayerFactorization.Power(x0, 2), new LayerFactorization.Power(root, 3)));
    assertThat(FactorSyntax.symja(f)).isEqualTo("x0^2 * (z0-(Sqrt(2)))^3");
  }

  @Test
  void univariateFactorsAreCompactWithRationalCoefficientsBare() {
    LayerFactor q = new LayerFactor.Univariate(List.of(
        RealAlgebraicNumber.of(new BigFraction(1, 2)), RealAlgebraicNumber.of(-1), RealAlgebraicNumber.of(1)));
    assertThat(FactorSyntax.symja(q)).isEqualTo("z0^2-z0+1/2");
    LayerFactor r = new LayerFactor.Univariate(List.of(SQRT2, RealAlgebraicNumber.of(1)));
    assertThat(FactorSyntax.symja(r)).isEqualTo("z0+(Sqrt(2))");
  }

  @Test
  void realFactorsAreSpacedWithUnitCoefficientsLeftOut() {
    NumberField k = FieldExtensions.rationals();
    LayerFactor f = new LayerFactor.Real(2, List.of(
        new LayerFactor.Real.Term(List.of(1, 1), k.element(BigFraction.ONE)),
        new LayerFactor.Real.Term(List.of(0, 2), k.element(new BigFraction(-3))),
        new LayerFactor.Real.Term(List.of(0, 0), k.element(new BigFraction(-1, 2)))));
    assertThat(FactorSyntax.symja(f)).isEqualTo("z0*z1 - 3*z1^2 - 1/2");
  }

  @Test
  void messagesSpellIrrationalCoefficientsInPlainTextAndRationalFactorsAsInSymja() {
    LayerFactor r = new LayerFactor.Univariate(List.of(SQRT2, RealAlgebraicNumber.of(1)));
    assertThat(FactorSyntax.text(r)).isEqualTo("z0+(sqrt(2))");
    LayerFactor x0 = new LayerFactor.Variable(Exprs.symbol("x", 0));
    assertThat(FactorSyntax.text(x0)).isEqualTo(FactorSyntax.symja(x0)).isEqualTo("x0");
  }
}
