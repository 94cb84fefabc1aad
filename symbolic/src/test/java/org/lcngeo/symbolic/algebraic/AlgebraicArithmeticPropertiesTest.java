package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact algebraic arithmetic against 100-digit decimal evaluation of the same random expression:
 * the exact result rounded to 60 digits must agree.
 */
class AlgebraicArithmeticPropertiesTest {
  private static final MathContext WORK = new MathContext(110, RoundingMode.HALF_EVEN);
  private static final BigDecimal PLASTIC = plastic();
  private static final int MAX_RESULTANT_DEGREE = 16;

  /** An expression evaluated both exactly and in 110-digit decimals. */
  record Expr(RealAlgebraicNumber exact, BigDecimal approx, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** The real root of x^3 - x - 1 by Newton's method in 110 digits. */
  private static BigDecimal plastic() {
    BigDecimal x = new BigDecimal("1.3");
    for (int i = 0; i < 12; i++) {
      BigDecimal f = x.pow(3).subtract(x).subtract(BigDecimal.ONE);
      BigDecimal df = x.pow(2).multiply(BigDecimal.valueOf(3)).subtract(BigDecimal.ONE);
      x = x.subtract(f.divide(df, WORK), WORK);
    }
    return x;
  }

  @Provide
  Arbitrary<Expr> expressions() {
    return expr(2);
  }

  @Provide
  Arbitrary<Expr> small() {
    return expr(1);
  }

  private Arbitrary<Expr> leaf() {
    Arbitrary<Expr> rational =
        Combinators.combine(Arbitraries.integers().between(-9, 9), Arbitraries.integers().between(1, 5))
            .as((p, q) -> new Expr(
                RealAlgebraicNumber.of(new BigFraction(p, q)),
                new BigDecimal(p).divide(new BigDecimal(q), WORK),
                p + "/" + q));
    Arbitrary<Expr> root =
        Combinators.combine(Arbitraries.integers().between(1, 30), Arbitraries.integers().between(1, 4))
            .as((p, q) -> new Expr(
                RealAlgebraicNumber.of(new BigFraction(p, q)).sqrt(),
                new BigDecimal(p).divide(new BigDecimal(q), WORK).sqrt(WORK),
                "Sqrt(" + p + "/" + q + ")"));
    Arbitrary<Expr> cubic = Arbitraries.just(new Expr(
        RealAlgebraicNumber.root(
            List.of(BigFraction.MINUS_ONE, BigFraction.MINUS_ONE, BigFraction.ZERO, BigFraction.ONE),
            BigFraction.ONE, BigFraction.TWO),
        PLASTIC, "Root(x^3-x-1)"));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, rational), net.jqwik.api.Tuple.of(4, root), net.jqwik.api.Tuple.of(1, cubic));
  }

  private Arbitrary<Expr> expr(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<Expr> sub = expr(depth - 1);
    Arbitrary<Expr> binary =
        Combinators.combine(sub, sub, Arbitraries.of('+', '-', '*', '/'))
            .as((a, b, op) -> {
              if (a.exact.degree() * b.exact.degree() > MAX_RESULTANT_DEGREE) {
                return a; // keep the resultants small: the point is correctness, not stamina
              }
              switch (op) {
                case '+':
                  return new Expr(a.exact.add(b.exact), a.approx.add(b.approx, WORK), "(" + a + "+" + b + ")");
                case '-':
                  return new Expr(a.exact.subtract(b.exact), a.approx.subtract(b.approx, WORK), "(" + a + "-" + b + ")");
                case '*':
                  return new Expr(a.exact.multiply(b.exact), a.approx.multiply(b.approx, WORK), "(" + a + "*" + b + ")");
                default:
                  if (b.exact.signum() == 0) {
                    return a;
                  }
                  return new Expr(a.exact.divide(b.exact), a.approx.divide(b.approx, WORK), "(" + a + "/" + b + ")");
              }
            });
    return Arbitraries.oneOf(leaf(), binary);
  }

  @Property(tries = 60)
  void exactAgreesWithSixtyDigitDecimals(@ForAll("expressions") Expr e) {
    BigDecimal exact = e.exact.toBigDecimal(60);
    if (e.exact.signum() == 0) {
      assertThat(e.approx.abs()).isLessThan(new BigDecimal("1e-90"));
      return;
    }
    BigDecimal tolerance = e.approx.abs().multiply(new BigDecimal("1e-59"));
    assertThat(exact.subtract(e.approx).abs()).as("%s", e).isLessThanOrEqualTo(tolerance);
    assertThat(e.exact.signum()).isEqualTo(e.approx.signum());
  }

  @Property(tries = 40)
  void orderAndEqualityAreConsistent(@ForAll("expressions") Expr a, @ForAll("expressions") Expr b) {
    int c = a.exact.compareTo(b.exact);
    assertThat(c == 0).isEqualTo(a.exact.equals(b.exact));
    assertThat(b.exact.compareTo(a.exact)).isEqualTo(-c);
    if (c == 0) {
      assertThat(a.exact.hashCode()).isEqualTo(b.exact.hashCode());
    } else {
      Assume.that(a.approx.subtract(b.approx).abs().compareTo(new BigDecimal("1e-80")) > 0);
      assertThat(c).isEqualTo(a.approx.compareTo(b.approx));
    }
  }

  @Property(tries = 40)
  void fieldAxioms(@ForAll("small") Expr a, @ForAll("small") Expr b) {
    RealAlgebraicNumber x = a.exact;
    RealAlgebraicNumber y = b.exact;
    Assume.that(x.degree() * y.degree() * y.degree() <= 16); // (x + y) - y: resultants of degree <= 16
    RealAlgebraicNumber sum = x.add(y);
    assertThat(sum.subtract(y)).isEqualTo(x);
    assertThat(sum.subtract(x).compareTo(y)).isZero();
    assertThat(sum.signum()).isEqualTo(a.approx.add(b.approx).signum());
    if (y.signum() != 0) {
      assertThat(x.multiply(y).divide(y)).isEqualTo(x);
    }
    if (x.signum() > 0 && x.degree() <= 4) {
      RealAlgebraicNumber r = x.sqrt();
      assertThat(r.multiply(r)).isEqualTo(x);
    }
  }
}
