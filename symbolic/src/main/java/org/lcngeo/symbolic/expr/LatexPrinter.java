package org.lcngeo.symbolic.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * LaTeX math (amsmath): subscripted symbols {@code a_{0}}, {@code v_{3}}, Greek letters
 * ({@code \beta_{1}}, {@code \lambda^{2}}, {@code \delta}), {@code \frac}, {@code \sqrt}; a matrix
 * is a {@code pmatrix}, which {@link #display} scales down to the text width when it is wider.
 */
final class LatexPrinter extends Printer {
  @Override
  protected Text number(BigFraction q) {
    BigInteger num = q.getNumerator();
    BigInteger den = q.getDenominator();
    String abs = den.equals(BigInteger.ONE) ? num.abs().toString() : "\\frac{" + num.abs() + "}{" + den + "}";
    return q.signum() < 0 ? new Text("-" + abs, SUM) : new Text(abs, ATOM);
  }

  @Override
  protected String symbol(Expr.Symbol s) {
    String base = switch (s.base()) {
      case "lambda", "beta", "delta", "theta", "mu" -> "\\" + s.base();
      case "#" -> "x";
      default -> s.base().length() == 1 ? s.base() : "\\mathit{" + s.base() + "}";
    };
    if (s.squared()) {
      return base + "^{2}";
    }
    return s.index() < 0 ? base : base + "_{" + s.index() + "}";
  }

  @Override
  protected String times() {
    return " ";
  }

  @Override
  protected String factor(Expr f, int i) {
    String s = at(f, PRODUCT);
    // a number after another factor, or a fraction, needs an explicit dot: 2 \cdot 3, a \cdot \frac{1}{2}
    return i > 0 && (Character.isDigit(s.charAt(0)) || s.startsWith("\\frac")) ? "\\cdot " + s : s;
  }

  @Override
  protected Text power(Expr.Power p) {
    Text base = write(p.base());
    boolean plain = base.precedence() == ATOM && !(p.base() instanceof Expr.Symbol s && s.squared())
        && !(p.base() instanceof Expr.Quotient) && !(p.base() instanceof Expr.Sqrt);
    String b = plain ? base.text() : "\\left(" + base.text() + "\\right)";
    return new Text(b + "^{" + p.exponent() + "}", POWER);
  }

  @Override
  protected Text quotient(Expr.Quotient q) {
    return new Text("\\frac{" + print(q.num()) + "}{" + print(q.den()) + "}", ATOM);
  }

  @Override
  protected Text function(String name, Expr argument) {
    String a = print(argument);
    return new Text(switch (name) {
      case "sqrt" -> "\\sqrt{" + a + "}";
      case "cbrt" -> "\\sqrt[3]{" + a + "}";
      case "cos" -> "\\cos\\left(" + a + "\\right)";
      case "arccos" -> "\\arccos\\left(" + a + "\\right)";
      default -> throw new IllegalArgumentException(name);
    }, ATOM);
  }

  @Override
  protected String pi() {
    return "\\pi";
  }

  /** The k-th real root, by size, of p: {@code \operatorname{root}_{k}(p(x))}. */
  @Override
  protected String realRoot(Expr.RealRoot r) {
    return "\\operatorname{root}_{" + r.k() + "}\\left(" + print(polynomial(r.coefficients(), Exprs.symbol("x"))) + "\\right)";
  }

  @Override
  protected String largestRoot(Expr.LargestRoot r) {
    return "\\max\\left\\{" + print(r.variable()) + " \\in \\mathbb{R} : " + print(r.polynomial()) + " = 0\\right\\}";
  }

  /** Parentheses of LaTeX size: sums inside products get \left( \right). */
  @Override
  protected String atWrap(String text) {
    return "\\left(" + text + "\\right)";
  }

  @Override
  protected String ifNegative(Expr.IfNegative c) {
    return "\\begin{cases} " + print(c.negative()) + " & \\text{if } " + print(c.test()) + " < 0 \\\\ "
        + print(c.otherwise()) + " & \\text{otherwise} \\end{cases}";
  }

  /** {@code \det} of a pmatrix. */
  @Override
  protected String determinant(Expr.Det d) {
    return "\\det" + matrix(d.rows());
  }

  @Override
  public String matrix(List<List<Expr>> rows) {
    List<String> out = new ArrayList<>();
    for (List<Expr> r : rows) {
      out.add("  " + String.join(" & ", r.stream().map(this::print).toList()));
    }
    return "\\begin{pmatrix}\n" + String.join(" \\\\\n", out) + "\n\\end{pmatrix}";
  }
}
