package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;
import org.lcngeo.symbolic.expr.Printer;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class RealAlgebraicNumberTest {
  static BigFraction q(long p) {
    return new BigFraction(p);
  }

  static BigFraction q(long p, long r) {
    return new BigFraction(p, r);
  }

  static RealAlgebraicNumber sqrt(long n) {
    return RealAlgebraicNumber.of(n).sqrt();
  }

  @Test
  void squareRootOfTwo() {
    RealAlgebraicNumber s = RealAlgebraicNumber.root(List.of(q(-2), q(0), q(1)), q(1), q(2));
    assertThat(s.minimalPolynomial()).containsExactly(q(-2), q(0), q(1));
    assertThat(s.isRational()).isFalse();
    assertThat(s.toDecimalString(50))
        .isEqualTo("1.4142135623730950488016887242096980785696718753769");
    assertThat(Printer.SYMJA.print(s.toExpr())).isEqualTo("Sqrt(2)");
    assertThat(s).isEqualTo(sqrt(2));
    assertThat(s.multiply(s)).isEqualTo(RealAlgebraicNumber.of(2));
    assertThat(s.multiply(s).isRational()).isTrue();
    assertThat(Printer.SYMJA.print(s.negate().toExpr())).isEqualTo("-Sqrt(2)");
    assertThat(s.signum()).isEqualTo(1);
    assertThat(s.negate().signum()).isEqualTo(-1);
  }

  /**
   * Identification by enclosures whose end points are long (as those of a field element with
   * thousand-bit coefficients): the right root of the right factor, kept with short dyadic end
   * points (so that Descartes' rule and later refinements work on short numbers).
   */
  @Test
  void identificationByLongEnclosuresKeepsShortEndPoints() {
    RealAlgebraicNumber sqrt2 = RealAlgebraicNumber.of(2).sqrt();
    BigFraction below = new BigFraction(BigInteger.ONE, BigInteger.valueOf(3).pow(400));
    BigFraction above = new BigFraction(BigInteger.ONE, BigInteger.valueOf(7).pow(300));
    // (x^2 - 2)(x^2 - 3) and the enclosures [s - 3^-400, s + 7^-300] around a rational s near sqrt 2
    List<BigFraction> candidate = List.of(q(6), q(0), q(-5), q(0), q(1));
    RealAlgebraicNumber x = RealAlgebraicNumber.identify(candidate, round -> {
      sqrt2.refineTo(900 + 8 * round);
      RationalInterval iv = sqrt2.isolatingInterval();
      return new RationalInterval(iv.lo().subtract(below), iv.hi().add(above));
    });
    assertThat(x).isEqualTo(sqrt2);
    RationalInterval iv = x.isolatingInterval();
    assertThat(iv.lo().getDenominator().bitCount()).isEqualTo(1);
    assertThat(iv.hi().getDenominator().bitCount()).isEqualTo(1);
    assertThat(iv.lo().getDenominator().bitLength()).isLessThan(1100);
    assertThat(iv.hi().getDenominator().bitLength()).isLessThan(1100);
  }

  @Test
  void rootOfRationalPolynomialInHalfOpenInterval() {
    // (x - 1)(x - 2): the root 2 is in (1, 2], the root 1 is not.
    assertThat(RealAlgebraicNumber.root(List.of(q(2), q(-3), q(1)), q(1), q(2)))
        .isEqualTo(RealAlgebraicNumber.of(2));
    assertThatThrownBy(() -> RealAlgebraicNumber.root(List.of(q(2), q(-3), q(1)), q(0), q(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 distinct real roots");
    assertThatThrownBy(() -> RealAlgebraicNumber.root(List.of(q(1), q(0), q(1)), q(-5), q(5)))
        .hasMessageContaining("0 distinct real roots");
  }

  @Test
  void realRootsOfAReduciblePolynomial() {
    // (x^2 - 2)(x - 1) = x^3 - x^2 - 2x + 2
    List<RealAlgebraicNumber> r = RealAlgebraicNumber.realRoots(List.of(q(2), q(-2), q(-1), q(1)));
    assertThat(r).containsExactly(sqrt(2).negate(), RealAlgebraicNumber.of(1), sqrt(2));
  }

  @Test
  void sumOfSquareRootsHasDegreeFour() {
    RealAlgebraicNumber x = sqrt(2).add(sqrt(3));
    assertThat(x.minimalPolynomial()).containsExactly(q(1), q(0), q(-10), q(0), q(1));
    // (sqrt2 + sqrt3)^2 = 5 + 2 sqrt6
    assertThat(x.multiply(x)).isEqualTo(sqrt(6).multiply(q(2)).add(RealAlgebraicNumber.of(5)));
    assertThat(x.multiply(x).hashCode())
        .isEqualTo(sqrt(6).multiply(q(2)).add(RealAlgebraicNumber.of(5)).hashCode());
    // the other root of the same minimal polynomial is different
    RealAlgebraicNumber y = sqrt(3).subtract(sqrt(2));
    assertThat(y.minimalPolynomial()).isEqualTo(x.minimalPolynomial());
    assertThat(y).isNotEqualTo(x);
    assertThat(y.compareTo(x)).isNegative();
    assertThat(x.multiply(y)).isEqualTo(RealAlgebraicNumber.of(1));
    assertThat(x.inverse()).isEqualTo(y);
    assertThat(RealAlgebraicNumber.of(1).divide(y)).isEqualTo(x);
  }

  @Test
  void fourthRootAndNestedSquareRoots() {
    RealAlgebraicNumber r = sqrt(2).sqrt();
    assertThat(r.minimalPolynomial()).containsExactly(q(-2), q(0), q(0), q(0), q(1));
    assertThat(r).isEqualTo(RealAlgebraicNumber.root(List.of(q(-2), q(0), q(0), q(0), q(1)), q(1), q(2)));
    assertThat(r.toDecimalString(30)).isEqualTo("1.18920711500272106671749997056");
    assertThat(Printer.SYMJA.print(r.toExpr())).isEqualTo("Sqrt(Sqrt(2))");
    assertThat(Printer.SYMJA.print(r.inverse().negate().toExpr())).isEqualTo("-Sqrt(Sqrt(2)/2)");
    assertThat(r.multiply(r).multiply(r).multiply(r)).isEqualTo(RealAlgebraicNumber.of(2));
  }

  @Test
  void quadraticRadicalForms() {
    RealAlgebraicNumber golden = RealAlgebraicNumber.root(List.of(q(-1), q(-1), q(1)), q(1), q(2));
    assertThat(Printer.SYMJA.print(golden.toExpr())).isEqualTo("(1+Sqrt(5))/2");
    assertThat(Printer.SYMJA.print(golden.negate().add(RealAlgebraicNumber.of(1)).toExpr())).isEqualTo("(1-Sqrt(5))/2");
    assertThat(Printer.SYMJA.print(RealAlgebraicNumber.root(List.of(q(-1), q(0), q(2)), q(0), q(1)).toExpr()))
        .isEqualTo("Sqrt(2)/2");
    assertThat(Printer.SYMJA.print(sqrt(12).toExpr())).isEqualTo("2*Sqrt(3)");
    assertThat(Printer.SYMJA.print(sqrt(12).multiply(q(-3, 7)).add(RealAlgebraicNumber.of(q(1, 2))).toExpr()))
        .isEqualTo("(7-12*Sqrt(3))/14");
    assertThat(Printer.SYMJA.print(RealAlgebraicNumber.of(q(-3, 4)).toExpr())).isEqualTo("-3/4");
  }

  @Test
  void pureCubesPrintOneCubeRoot() {
    // x^3 - 2 and x^3 + 3x^2 + 3x - 1 = (x + 1)^3 - 2: Cardano with p = 0 is one cube root
    assertThat(Printer.SYMJA.print(
            RealAlgebraicNumber.root(List.of(q(-2), q(0), q(0), q(1)), q(1), q(2)).toExpr()))
        .isEqualTo("CubeRoot(2)");
    assertThat(Printer.SYMJA.print(
            RealAlgebraicNumber.root(List.of(q(-1), q(3), q(3), q(1)), q(0), q(1)).toExpr()))
        .isEqualTo("CubeRoot(2)-1");
  }

  @Test
  void agreeingToFiftyDigitsIsNotEquality() {
    // sqrt(2) and sqrt(2) + 10^-51 agree to 50 significant digits.
    BigFraction tiny = new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(51));
    RealAlgebraicNumber a = sqrt(2);
    RealAlgebraicNumber b = sqrt(2).add(RealAlgebraicNumber.of(tiny));
    assertThat(a.toDecimalString(45)).isEqualTo(b.toDecimalString(45));
    assertThat(a).isNotEqualTo(b);
    assertThat(a.compareTo(b)).isNegative();
    assertThat(b.subtract(a)).isEqualTo(RealAlgebraicNumber.of(tiny));
  }

  @Test
  void equalityDecidedAcrossDifferentComputations() {
    // x = sqrt(10^110 + 1) - 10^55 equals 1 / (sqrt(10^110 + 1) + 10^55) exactly, and differs from
    // 1 / (2 * 10^55) only around the 110th significant digit.
    BigFraction big = new BigFraction(BigInteger.TEN.pow(55));
    RealAlgebraicNumber root = RealAlgebraicNumber.of(big.multiply(big).add(1)).sqrt();
    RealAlgebraicNumber x = root.subtract(RealAlgebraicNumber.of(big));
    RealAlgebraicNumber y = root.add(RealAlgebraicNumber.of(big)).inverse();
    RealAlgebraicNumber z = RealAlgebraicNumber.of(big.multiply(2).reciprocal());
    assertThat(x).isEqualTo(y);
    assertThat(x.compareTo(y)).isZero();
    assertThat(x.toBigDecimal(100)).isEqualByComparingTo(z.toBigDecimal(100));
    assertThat(x).isNotEqualTo(z);
    assertThat(x.compareTo(z)).isNegative();
    // two irrationals of the same field agreeing to 60 digits
    RealAlgebraicNumber s = sqrt(2);
    RealAlgebraicNumber t = sqrt(2).multiply(BigFraction.ONE.add(new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(60))));
    assertThat(s.toDecimalString(55)).isEqualTo(t.toDecimalString(55));
    assertThat(s).isNotEqualTo(t);
    assertThat(s.minimalPolynomial()).isNotEqualTo(t.minimalPolynomial());
  }

  @Test
  void cubicRootsAreCertified() {
    // x^3 - 3x + 1 has three real roots; the middle one is in (0, 1].
    RealAlgebraicNumber r = RealAlgebraicNumber.root(List.of(q(1), q(-3), q(0), q(1)), q(0), q(1));
    assertThat(r.degree()).isEqualTo(3);
    assertThat(r.toDecimalString(30)).isEqualTo("0.347296355333860697703433253539");
    RealAlgebraicNumber cube = r.multiply(r).multiply(r);
    assertThat(cube.subtract(r.multiply(q(3))).add(RealAlgebraicNumber.of(1)))
        .isEqualTo(RealAlgebraicNumber.of(0));
  }

  @Test
  void thousandDigits() {
    java.math.BigDecimal expected =
        new java.math.BigDecimal(3).sqrt(new java.math.MathContext(1020)).round(new java.math.MathContext(1000));
    assertThat(sqrt(3).toBigDecimal(1000)).isEqualByComparingTo(expected);
  }

  @Test
  void decimalsAreCorrectlyRounded() {
    assertThat(RealAlgebraicNumber.of(0).toDecimalString(10)).isEqualTo("0");
    assertThat(RealAlgebraicNumber.of(q(1, 3)).toDecimalString(5)).isEqualTo("0.33333");
    assertThat(RealAlgebraicNumber.of(q(2, 3)).toDecimalString(5)).isEqualTo("0.66667");
    assertThat(RealAlgebraicNumber.of(123456).toDecimalString(3)).isEqualTo("123000");
    assertThat(sqrt(2).multiply(q(1, 1_000_000)).toDecimalString(5)).isEqualTo("0.0000014142");
    assertThat(sqrt(2).negate().toDecimalString(3)).isEqualTo("-1.41");
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> RealAlgebraicNumber.of(0).inverse()).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> sqrt(2).negate().sqrt()).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> sqrt(2).toRational()).isInstanceOf(ArithmeticException.class);
    assertThat(RealAlgebraicNumber.of(q(9, 4)).sqrt()).isEqualTo(RealAlgebraicNumber.of(q(3, 2)));
  }
}
