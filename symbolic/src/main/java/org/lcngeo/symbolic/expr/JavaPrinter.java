package org.lcngeo.symbolic.expr;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Java expressions over {@code double} locals named like the symbols (the invariants delta, delta1,
 * ... as invariant, invariant1, ...): {@code 2.0*a0*b1},
 * {@code (3.0/4.0)}, {@code Math.sqrt(...)}; a matrix is a {@code new double[][]} initializer.
 */
final class JavaPrinter extends Printer {
  @Override
  protected Text number(BigFraction q) {
    BigInteger num = q.getNumerator();
    BigInteger den = q.getDenominator();
    if (den.equals(BigInteger.ONE)) {
      return new Text(num + ".0", q.signum() < 0 ? SUM : ATOM);
    }
    String s = "(" + num.abs() + ".0/" + den + ".0)";
    return q.signum() < 0 ? new Text("-" + s, SUM) : new Text(s, ATOM);
  }

  /** The name of a local; the invariants delta, delta1, ... are invariant, invariant1, ... (delta is the array). */
  @Override
  protected String symbol(Expr.Symbol s) {
    return s.base().equals("delta") ? "invariant" + (s.index() < 0 ? "" : s.index()) : s.name();
  }

  @Override
  protected Text power(Expr.Power p) {
    Text base = write(p.base());
    if (base.precedence() == ATOM && p.exponent() <= 4) {
      return new Text(String.join("*", Collections.nCopies(p.exponent(), base.text())), PRODUCT);
    }
    return new Text("Math.pow(" + base.text() + ", " + p.exponent() + ")", ATOM);
  }

  @Override
  protected Text function(String name, Expr argument) {
    String f = switch (name) {
      case "sqrt" -> "Math.sqrt";
      case "cbrt" -> "Math.cbrt";
      case "cos" -> "Math.cos";
      case "arccos" -> "Math.acos";
      default -> throw new IllegalArgumentException(name);
    };
    return new Text(f + "(" + print(argument) + ")", ATOM);
  }

  @Override
  protected String pi() {
    return "Math.PI";
  }

  @Override
  protected String realRoot(Expr.RealRoot r) {
    throw new IllegalArgumentException("Java has no real root objects");
  }

  @Override
  protected String largestRoot(Expr.LargestRoot r) {
    throw new IllegalArgumentException("Java has no real root objects: solve the polynomial numerically");
  }

  @Override
  protected String ifNegative(Expr.IfNegative c) {
    return "(" + print(c.test()) + " < 0.0 ? " + print(c.negative()) + " : " + print(c.otherwise()) + ")";
  }

  @Override
  protected String determinant(Expr.Det d) {
    throw new IllegalArgumentException("the Java output has no determinants: it writes K^(delta)(v) only");
  }

  @Override
  public String matrix(List<List<Expr>> rows) {
    return rows(rows, "new double[][] {", ", ", ",\n  ", "}", "{", "}");
  }
}
