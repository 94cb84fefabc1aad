package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;
import org.lcngeo.symbolic.expr.Printer;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class NumberFieldTest {
  static BigFraction q(long p) {
    return new BigFraction(p);
  }

  /** Q(theta), theta the middle root of x^3 - 3x + 1. */
  static final NumberField CUBIC =
      NumberField.of(RealAlgebraicNumber.root(List.of(q(1), q(-3), q(0), q(1)), q(0), q(1)));

  @Test
  void arithmeticReducesModuloTheMinimalPolynomial() {
    FieldElement t = CUBIC.theta();
    FieldElement cube = t.multiply(t).multiply(t);
    assertThat(cube.coefficients()).containsExactly(q(-1), q(3), q(0));
    assertThat(cube.subtract(t.multiply(q(3))).add(CUBIC.one()).isZero()).isTrue();
    FieldElement inv = t.inverse();
    assertThat(inv.multiply(t)).isEqualTo(CUBIC.one());
    assertThat(CUBIC.element(List.of(q(1), q(-3), q(0), q(1))).isZero()).isTrue();
    assertThat(t.toRealAlgebraic()).isEqualTo(CUBIC.generator());
    assertThatThrownBy(() -> CUBIC.zero().inverse()).isInstanceOf(ArithmeticException.class);
  }

  @Provide
  Arbitrary<FieldElement> elements() {
    return Arbitraries.integers().between(-20, 20).list().ofSize(3)
        .map(c -> CUBIC.element(List.of(new BigFraction(c.get(0), 3), q(c.get(1)), new BigFraction(c.get(2), 2))));
  }

  /** Arithmetic in Q(theta) agrees with general algebraic arithmetic on the values. */
  @Property(tries = 30)
  void agreesWithRealAlgebraicArithmetic(@ForAll("elements") FieldElement a, @ForAll("elements") FieldElement b) {
    RealAlgebraicNumber x = a.toRealAlgebraic();
    RealAlgebraicNumber y = b.toRealAlgebraic();
    assertThat(a.add(b).toRealAlgebraic()).isEqualTo(x.add(y));
    assertThat(a.multiply(b).toRealAlgebraic()).isEqualTo(x.multiply(y));
    assertThat(a.signum()).isEqualTo(x.signum());
    assertThat(a.toDecimalString(40)).isEqualTo(x.toDecimalString(40));
    if (!b.isZero()) {
      assertThat(a.divide(b).multiply(b)).isEqualTo(a);
    }
  }

  /**
   * The characteristic polynomial from traces (Newton's identities) is monic of degree [K : Q]
   * and annihilates its element (Cayley-Hamilton), in a field of degree 6.
   */
  @Property(tries = 30)
  void characteristicPolynomialAnnihilatesTheElement(
      @ForAll("sexticElements") FieldElement a) {
    NumberField k = a.field();
    BigFraction[] c = k.characteristicPolynomial(a);
    assertThat(c).hasSize(k.degree() + 1);
    assertThat(c[k.degree()]).isEqualTo(BigFraction.ONE);
    FieldElement value = k.zero();
    for (int i = c.length - 1; i >= 0; i--) {
      value = value.multiply(a).add(k.element(c[i]));
    }
    assertThat(value.isZero()).isTrue();
  }

  /** Q(sqrt 2 + cbrt 3), degree 6. */
  static final NumberField SEXTIC = NumberField.of(
      RealAlgebraicNumber.of(2).sqrt().add(RealAlgebraicNumber.root(
          List.of(q(-3), q(0), q(0), q(1)), q(1), q(2))));

  @Provide
  Arbitrary<FieldElement> sexticElements() {
    return Arbitraries.integers().between(-9, 9).list().ofSize(6)
        .map(c -> SEXTIC.element(c.stream().map(x -> new BigFraction(x, 2)).toList()));
  }

  /** Q(theta), theta the real root of 6x^3 - 5x + 2 (in (-2, -1)): a minimal polynomial that is not monic over Z. */
  static final NumberField NON_MONIC =
      NumberField.of(RealAlgebraicNumber.root(List.of(q(2), q(-5), q(0), q(6)), q(-2), q(-1)));

  @Provide
  Arbitrary<List<BigFraction>> longCoefficients() {
    return Arbitraries.integers().between(-30, 30).list().ofMinSize(1).ofMaxSize(9)
        .map(c -> c.stream().map(x -> new BigFraction(x, 1 + Math.abs(x) % 4)).toList());
  }

  /**
   * Reduction modulo a minimal polynomial that is not monic over Z (pseudo-division by its
   * primitive integer form), also of inputs longer than 2d - 1: the same coefficients as JAS'
   * arithmetic in Q[x]/(m), and the same values as real algebraic arithmetic.
   */
  @Property(tries = 60)
  void nonMonicReductionAgreesWithJas(@ForAll("longCoefficients") List<BigFraction> x,
      @ForAll("longCoefficients") List<BigFraction> y) {
    edu.jas.poly.AlgebraicNumberRing<edu.jas.arith.BigRational> ring =
        new edu.jas.poly.AlgebraicNumberRing<>(
            Polynomials.toJas(NON_MONIC.generator().minimalArray()), true);
    FieldElement a = NON_MONIC.element(x);
    FieldElement b = NON_MONIC.element(y);
    edu.jas.poly.AlgebraicNumber<edu.jas.arith.BigRational> ja =
        new edu.jas.poly.AlgebraicNumber<>(ring, Polynomials.toJas(x.toArray(BigFraction[]::new)));
    edu.jas.poly.AlgebraicNumber<edu.jas.arith.BigRational> jb =
        new edu.jas.poly.AlgebraicNumber<>(ring, Polynomials.toJas(y.toArray(BigFraction[]::new)));
    assertThat(a.coefficients()).containsExactly(padded(Polynomials.fromJas(ja.getVal())));
    assertThat(a.multiply(b).coefficients())
        .containsExactly(padded(Polynomials.fromJas(ja.multiply(jb).getVal())));
    assertThat(a.multiply(b).toRealAlgebraic())
        .isEqualTo(a.toRealAlgebraic().multiply(b.toRealAlgebraic()));
  }

  private static BigFraction[] padded(BigFraction[] c) {
    BigFraction[] p = new BigFraction[NON_MONIC.degree()];
    java.util.Arrays.fill(p, BigFraction.ZERO);
    System.arraycopy(c, 0, p, 0, Math.min(c.length, p.length));
    return p;
  }

  /**
   * Conjugate fields (generators that are different roots of one minimal polynomial) share the
   * characteristic polynomial of a coefficient vector, computed once, but each element keeps its
   * own value: the conjugate of the other field's.
   */
  @Property(tries = 30)
  void conjugateFieldsShareCharacteristicPolynomialsNotValues(@ForAll("elements") FieldElement a) {
    NumberField other =
        NumberField.of(RealAlgebraicNumber.root(List.of(q(1), q(-3), q(0), q(1)), q(1), q(2)));
    FieldElement b = other.element(a.coefficients());
    assertThat(other.characteristicPolynomial(b)).containsExactly(CUBIC.characteristicPolynomial(a));
    RealAlgebraicNumber x = a.toRealAlgebraic();
    RealAlgebraicNumber y = b.toRealAlgebraic();
    RealAlgebraicNumber expected = RealAlgebraicNumber.of(0);
    for (int r = 2; r >= 0; r--) {
      expected = expected.multiply(other.generator()).add(RealAlgebraicNumber.of(a.coefficients().get(r)));
    }
    assertThat(y).isEqualTo(expected);
    assertThat(x.equals(y)).isEqualTo(a.isRational());
  }

  @Test
  void valuesAreComparedAcrossFields() {
    RealAlgebraicNumber sqrt2 = RealAlgebraicNumber.of(2).sqrt();
    NumberField f = NumberField.of(sqrt2);
    NumberField g = NumberField.of(sqrt2.add(RealAlgebraicNumber.of(1))); // Q(1 + sqrt2), same set
    assertThat(f).isNotEqualTo(g);
    FieldElement a = f.theta().multiply(q(3)).add(f.one()); // 1 + 3 sqrt2
    FieldElement b = g.theta().multiply(q(3)).subtract(g.element(q(2))); // 3(1 + sqrt2) - 2
    assertThat(a.valueEquals(b)).isTrue();
    FieldElement c = b.add(g.element(new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(70))));
    assertThat(a.valueEquals(c)).isFalse();
    assertThat(FieldElement.allValuesEqual(List.of(a, f.one()), List.of(b, g.one()))).isTrue();
    assertThat(FieldElement.allValuesEqual(List.of(a, f.one()), List.of(c, g.one()))).isFalse();
    assertThat(FieldElement.allValuesEqual(List.of(a, f.one()), List.of(b, g.zero()))).isFalse();
    // against the cubic field: never equal unless rational
    assertThat(a.valueEquals(CUBIC.theta())).isFalse();
    assertThat(f.element(q(5)).valueEquals(CUBIC.element(q(5)))).isTrue();
  }

  @Test
  void printing() {
    NumberField f = NumberField.of(RealAlgebraicNumber.root(List.of(q(-25), q(3), q(1)), q(0), q(25)));
    FieldElement e = f.element(List.of(new BigFraction(12, 5), q(1)));
    assertThat(Printer.SYMJA.print(e.toExpr())).isEqualTo("(9+5*Sqrt(109))/10");
    assertThat(e.toDecimalString(40)).isEqualTo("6.120153254455275089878877011274023839145");
    assertThat(f.zero().toDecimalString(10)).isEqualTo("0");
    assertThat(f.element(q(3)).toDecimalString(10)).isEqualTo("3");
  }
}
