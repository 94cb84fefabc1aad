package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.ufd.Quotient;
import org.lcngeo.symbolic.expr.Printer;

/**
 * The formats closed forms are written in, each with its {@link Printer}: every string is built
 * from a neutral {@link org.lcngeo.symbolic.expr.Expr} tree ({@link JasExprs}), never by a
 * computer algebra system. Symja: {@code a0^2 + b0*b1}; LaTeX: {@code a_{0}^{2} + b_{0} b_{1}};
 * Java expressions over {@code double} locals; Macaulay2.
 */
public enum Notation {
  SYMJA(Printer.SYMJA),
  LATEX(Printer.LATEX),
  JAVA(Printer.JAVA),
  MACAULAY2(Printer.MACAULAY2);

  private final Printer printer;

  Notation(Printer printer) {
    this.printer = printer;
  }

  public Printer printer() {
    return printer;
  }

  /** A variable name in this notation ({@code a0} becomes {@code a_{0}} in LaTeX). */
  public String variable(String name) {
    return printer.print(JasExprs.symbol(name));
  }

  /** A polynomial with rational coefficients. */
  public String polynomial(GenPolynomial<BigRational> p) {
    return printer.print(JasExprs.of(p));
  }

  /** A rational function num/den in lowest terms. */
  public String quotient(Quotient<BigRational> q) {
    return printer.print(JasExprs.of(q));
  }
}
