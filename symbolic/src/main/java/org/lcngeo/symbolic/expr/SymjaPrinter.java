package org.lcngeo.symbolic.expr;

import java.util.List;

/**
 * Symja (and Mathematica-like) input syntax, which Symja parses back: {@code a0^2 + 2*a0*b1},
 * {@code (1+Sqrt(5))/2}, {@code {{1, 2}, {3, 4}}}. No symbol contains an underscore (Symja reads
 * {@code w1_0} as a pattern).
 */
final class SymjaPrinter extends Printer {
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

  /**
   * The root as the limit of Newton's iteration from its certified start (Symja 3.0.0 evaluates
   * {@code Root} objects of degree five and more to nothing, and numbers some of its cubic and
   * quartic ones in its solver's order): {@code FixedPoint(Function(Min(#1, #1 - P(#1)/P'(#1))),
   * N(x0))}. The iterates decrease (Min; Max when x0 lies below the root) to the root in exact
   * arithmetic; {@code N(x0)} makes Symja run the iteration at the working precision of the
   * enclosing {@code N(s, d)} (machine precision without one), where the guard makes the
   * sequence monotone, hence constant after finitely many steps, so FixedPoint stops.
   */
  @Override
  protected String realRoot(Expr.RealRoot r) {
    Expr x = Exprs.symbol("#", 1);
    List<java.math.BigInteger> c = r.coefficients();
    List<java.math.BigInteger> dc = new java.util.ArrayList<>();
    for (int i = 1; i < c.size(); i++) {
      dc.add(c.get(i).multiply(java.math.BigInteger.valueOf(i)));
    }
    return newton(x, polynomial(c, x), polynomial(dc, x), Exprs.num(r.start()), r.fromAbove(), "");
  }

  /**
   * The largest root as the limit of Newton's iteration from above (see {@link Expr.LargestRoot}),
   * inside {@code If(start > 0, ...)}: the start is positive wherever it is a number, and while its
   * symbols are unassigned the comparison, hence the whole form, stays unevaluated (an iteration
   * on symbols would never reach a fixed point), so that a document can assign {@code beta1 = ...}
   * before the values of v and delta.
   */
  @Override
  protected String largestRoot(Expr.LargestRoot r) {
    return "If(" + print(r.start()) + " > 0, "
        + newton(r.variable(), r.polynomial(), r.derivative(), r.start(), true, print(r.variable()) + ", ") + ")";
  }

  private String newton(Expr x, Expr p, Expr dp, Expr start, boolean fromAbove, String parameter) {
    Expr step = Exprs.sum(x, Exprs.negate(Exprs.quotient(p, dp)));
    return "FixedPoint(Function(" + parameter + (fromAbove ? "Min(" : "Max(") + print(x) + ", " + print(step)
        + ")), N(" + print(start) + "))";
  }

  @Override
  protected String ifNegative(Expr.IfNegative c) {
    return "Piecewise({{" + print(c.negative()) + ", " + print(c.test()) + " < 0}}, " + print(c.otherwise()) + ")";
  }

  /** {@code Det({{...}, {...}})}, on one line. */
  @Override
  protected String determinant(Expr.Det d) {
    return "Det(" + rows(d.rows(), "{", ", ", ", ", "}", "{", "}") + ")";
  }

  @Override
  public String matrix(List<List<Expr>> rows) {
    return rows(rows, "{", ", ", ",\n  ", "}", "{", "}");
  }
}
