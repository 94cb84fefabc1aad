package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;

/**
 * The fast decimal output of field elements (decimal enclosures of the powers of theta) agrees
 * with the exact path through a real algebraic number, digit for digit, including values that
 * nearly cancel.
 */
class FieldElementDecimalTest {
  private static final NumberField QUARTIC = NumberField.of(RealAlgebraicNumber.root(
      List.of(new BigFraction(-2848482), new BigFraction(6), new BigFraction(11), new BigFraction(6),
          BigFraction.ONE),
      new BigFraction(0), new BigFraction(100)));

  @Property(tries = 200)
  void fastDecimalsEqualExactDecimals(
      @ForAll @IntRange(min = -999, max = 999) int a,
      @ForAll @IntRange(min = -999, max = 999) int b,
      @ForAll @IntRange(min = -99, max = 99) int c,
      @ForAll @IntRange(min = 1, max = 997) int den,
      @ForAll @IntRange(min = 1, max = 60) int digits) {
    List<BigFraction> coefficients = new ArrayList<>(List.of(
        new BigFraction(a, den), new BigFraction(b, den), new BigFraction(c, den), BigFraction.ZERO));
    FieldElement e = QUARTIC.element(coefficients);
    assertThat(e.toDecimalString(digits)).isEqualTo(e.toRealAlgebraic().toDecimalString(digits));
  }

  @Property(tries = 30)
  void nearCancellationStillExact(@ForAll @IntRange(min = 1, max = 40) int digits) {
    // theta - q with q a 30-digit rational approximation of theta: tiny, heavy cancellation
    RealAlgebraicNumber theta = QUARTIC.generator();
    BigFraction q = org.lcngeo.core.algebra.Rationals.fromDecimal(theta.toBigDecimal(30));
    FieldElement e = QUARTIC.theta().subtract(QUARTIC.element(List.of(q)));
    assertThat(e.toDecimalString(digits)).isEqualTo(e.toRealAlgebraic().toDecimalString(digits));
  }
}
