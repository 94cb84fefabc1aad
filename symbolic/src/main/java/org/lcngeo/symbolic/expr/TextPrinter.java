package org.lcngeo.symbolic.expr;

import java.util.List;

/**
 * Plain text for people, not for a system to read back: diagnostics ({@code toString} of exact
 * values) and prose. {@code a0^2 + 2*a0*b1}, {@code (1+sqrt(5))/2}, {@code [[1, 2], [3, 4]]}; a
 * real root without radicals reads {@code root 2 of x^5-4*x+2 (Newton from 3/2)}.
 */
final class TextPrinter extends Printer {
  @Override
  protected Text function(String name, Expr argument) {
    return new Text(name + "(" + print(argument) + ")", ATOM);
  }

  @Override
  protected String pi() {
    return "pi";
  }

  @Override
  protected String realRoot(Expr.RealRoot r) {
    return "root " + r.k() + " of " + print(polynomial(r.coefficients(), Exprs.symbol("x")))
        + " (Newton from " + print(Exprs.num(r.start())) + ")";
  }

  @Override
  protected String largestRoot(Expr.LargestRoot r) {
    return "largest root in " + print(r.variable()) + " of " + print(r.polynomial());
  }

  @Override
  protected String ifNegative(Expr.IfNegative c) {
    return "(" + print(c.negative()) + " if " + print(c.test()) + " < 0, else " + print(c.otherwise()) + ")";
  }

  @Override
  protected String determinant(Expr.Det d) {
    return "det" + rows(d.rows(), "[", ", ", ", ", "]", "[", "]");
  }

  @Override
  public String matrix(List<List<Expr>> rows) {
    return rows(rows, "[", ", ", ", ", "]", "[", "]");
  }
}
