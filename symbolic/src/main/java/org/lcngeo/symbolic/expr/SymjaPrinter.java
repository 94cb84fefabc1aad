package org.lcngeo.symbolic.expr;

import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Symja (and Mathematica-like) input syntax, which Symja parses back: {@code a0^2 + 2*a0*b1},
 * {@code (1+Sqrt(5))/2}, {@code {{1, 2}, {3, 4}}}. No symbol contains an underscore (Symja reads
 * {@code w1_0} as a pattern).
 */
final class SymjaPrinter extends Printer {
  @Override
  protected Text number(BigFraction q) {
    return rational(q);
  }

  @Override
  protected String symbol(Expr.Symbol s) {
    return s.name();
  }

  @Override
  protected Text function(String name, Expr argument) {
    String f = switch (name) {
      case "sqrt" -> "Sqrt";
      case "cbrt" -> "CubeRoot";
      case "cos" -> "Cos";
      case "arccos" -> "ArcCos";
      default -> throw new IllegalArgumentException(name);
    };
    return new Text(f + "(" + print(argument) + ")", ATOM);
  }

  @Override
  protected String pi() {
    return "Pi";
  }

  /** {@code Root(Function(p(#1)), k)}: Mathematica's convention, k-th real root by size. */
  @Override
  protected String realRoot(Expr.RealRoot r) {
    return "Root(Function(" + print(polynomial(r.coefficients(), Exprs.symbol("#", 1))) + ")," + r.k() + ")";
  }

  @Override
  protected String largestRoot(Expr.LargestRoot r) {
    String p = print(r.polynomial());
    String x = print(r.variable());
    return "Root(Function(" + x + ", " + p + "), CountRoots(" + p + ", " + x + "))";
  }

  @Override
  protected String ifNegative(Expr.IfNegative c) {
    return "Piecewise({{" + print(c.negative()) + ", " + print(c.test()) + " < 0}}, " + print(c.otherwise()) + ")";
  }

  @Override
  public String matrix(List<List<Expr>> rows) {
    return rows(rows, "{", ", ", ",\n  ", "}", "{", "}");
  }
}
