package org.lcngeo.symbolic.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The shape of each format: precedence, signs, symbols, functions. */
class PrinterTest {
  private static final Expr A0 = Exprs.symbol("a", 0);
  private static final Expr B1 = Exprs.symbol("b", 1);
  private static final Expr LAMBDA2 = Exprs.squaredSymbol("lambda");

  private static final Expr EXAMPLE = Exprs.sum(
      Exprs.power(A0, 2),
      Exprs.product(Exprs.num(new BigFraction(-3, 4)), B1),
      Exprs.quotient(Exprs.sum(A0, Exprs.num(1)), Exprs.product(LAMBDA2, B1)));

  @Test
  void symja() {
    assertThat(Printer.SYMJA.print(EXAMPLE)).isEqualTo("a0^2 - 3/4*b1 + (a0 + 1)/(lambda2*b1)");
    assertThat(Printer.SYMJA.print(new Expr.Cos(new Expr.ArcCos(Exprs.num(new BigFraction(1, 3))))))
        .isEqualTo("Cos(ArcCos(1/3))");
    assertThat(Printer.SYMJA.print(new Expr.RealRoot(List.of(
        java.math.BigInteger.valueOf(-2), java.math.BigInteger.ZERO, java.math.BigInteger.ZERO,
        java.math.BigInteger.ONE), 1, new BigFraction(2)))).isEqualTo("FixedPoint(Function(Min(#1, #1 - (#1^3 - 2)/(3*#1^2))), N(2))");
  }

  @Test
  void latex() {
    assertThat(Printer.LATEX.print(EXAMPLE))
        .isEqualTo("a_{0}^{2} - \\frac{3}{4} b_{1} + \\frac{a_{0} + 1}{\\lambda^{2} b_{1}}");
    assertThat(Printer.LATEX.print(Exprs.power(LAMBDA2, 3))).isEqualTo("\\left(\\lambda^{2}\\right)^{3}");
    assertThat(Printer.LATEX.print(Exprs.product(Exprs.num(2), Exprs.sqrt(Exprs.num(3)))))
        .isEqualTo("2 \\sqrt{3}");
    assertThat(Printer.LATEX.print(Exprs.product(A0, Exprs.num(2)))).isEqualTo("2 a_{0}");
    assertThat(Printer.LATEX.print(Exprs.symbol("beta", 1))).isEqualTo("\\beta_{1}");
    assertThat(Printer.LATEX.print(Exprs.symbol("v", 12))).isEqualTo("v_{12}");
  }

  @Test
  void macaulay2AndJava() {
    assertThat(Printer.MACAULAY2.print(EXAMPLE)).isEqualTo("a0^2 - 3/4*b1 + (a0 + 1)/(lambda2*b1)");
    assertThat(Printer.JAVA.print(EXAMPLE))
        .isEqualTo("a0*a0 - (3.0/4.0)*b1 + (a0 + 1.0)/(lambda2*b1)");
    assertThat(Printer.MACAULAY2.matrix(List.of(List.of(A0, B1), List.of(Exprs.ZERO, Exprs.ONE))))
        .isEqualTo("matrix{{a0, b1},\n  {0, 1}}");
  }

  @Test
  void negativeLeadingTermsAndNestedQuotients() {
    Expr e = Exprs.quotient(Exprs.negate(Exprs.sum(A0, B1)), Exprs.num(2));
    assertThat(Printer.SYMJA.print(e)).isEqualTo("(-(a0 + b1))/2");
    Expr q = Exprs.quotient(Exprs.quotient(A0, Exprs.num(2)), Exprs.product(A0, B1));
    assertThat(Printer.SYMJA.print(q)).isEqualTo("a0/2/(a0*b1)");
  }

  @Test
  void plainTextForDiagnostics() {
    assertThat(Printer.TEXT.print(EXAMPLE)).isEqualTo("a0^2 - 3/4*b1 + (a0 + 1)/(lambda2*b1)");
    assertThat(Printer.TEXT.print(Exprs.quotient(Exprs.sum(Exprs.num(1), Exprs.sqrt(Exprs.num(5))), Exprs.num(2))))
        .isEqualTo("(1+sqrt(5))/2");
    assertThat(Printer.TEXT.print(new Expr.RealRoot(List.of(
        java.math.BigInteger.valueOf(2), java.math.BigInteger.valueOf(-4), java.math.BigInteger.ZERO,
        java.math.BigInteger.ZERO, java.math.BigInteger.ZERO, java.math.BigInteger.ONE), 2,
        new BigFraction(3, 2)))).isEqualTo("root 2 of x^5 - 4*x + 2 (Newton from 3/2)");
    assertThat(Printer.TEXT.print(new Expr.Det(List.of(List.of(A0, B1), List.of(Exprs.ZERO, Exprs.ONE)))))
        .isEqualTo("det[[a0, b1], [0, 1]]");
    assertThat(Printer.TEXT.matrix(List.of(List.of(A0, B1), List.of(Exprs.ZERO, Exprs.ONE))))
        .isEqualTo("[[a0, b1], [0, 1]]");
  }

  /** Diagnostics of exact values are plain text, in no front end's syntax. */
  @Test
  void valuesDescribeThemselvesInPlainText() {
    var sqrt2 = org.lcngeo.symbolic.algebraic.RealAlgebraicNumber.of(2).sqrt();
    assertThat(sqrt2.toString()).startsWith("root of x^2 - 2 in (").endsWith(") ~ 1.4142135623730950488")
        .doesNotContain("Sqrt").doesNotContain(" / ");
    assertThat(org.lcngeo.symbolic.algebraic.RealAlgebraicNumber.of(new BigFraction(-3, 4)).toString())
        .isEqualTo("-3/4");
  }
}
