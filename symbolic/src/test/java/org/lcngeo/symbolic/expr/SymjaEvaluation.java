package org.lcngeo.symbolic.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.symbolic.algebraic.Symja;
import org.matheclipse.core.eval.ExprEvaluator;

/** A Symja evaluator for the round-trip tests: exact comparisons and 40-digit evaluations. */
public final class SymjaEvaluation {
  private static final ExprEvaluator SYMJA = Symja.quietEvaluator();

  private SymjaEvaluation() {}

  /** Whether Symja simplifies (expr) - value to 0 (with the symbols assigned so far). */
  public static synchronized boolean equalsExactly(String expr, BigFraction value) {
    return SYMJA.eval("Together((" + expr + ") - (" + Rationals.format(value) + "))").toString().equals("0");
  }

  /** Evaluates a line of Symja input (such as an assignment) and returns Symja's result. */
  public static synchronized String eval(String input) {
    return SYMJA.eval(input).toString();
  }

  public static synchronized void assign(String name, BigFraction value) {
    SYMJA.eval(name + " = " + Rationals.format(value));
  }

  public static synchronized void clear(String names) {
    SYMJA.eval("ClearAll(" + names + ")");
  }

  /** Symja's N(expr, digits) as {re, im}; null when it is not a number. */
  public static synchronized BigDecimal[] numeric(String expr, int digits) {
    var v = SYMJA.eval("N(" + expr + "," + digits + ")");
    if (!v.isNumber()) {
      return null;
    }
    return new BigDecimal[] {decimal(v.re().toString()), decimal(v.im().toString())};
  }

  /**
   * Whether Symja evaluates expr, at 50 digits, to the given decimal (correct to 40 significant
   * digits): |re - decimal| within 2 units of the 40th digit (plus 10^-40 near zero), |im| too.
   */
  public static boolean evaluatesTo(String expr, BigDecimal expected) {
    return evaluatesTo(expr, expected, 50, 40);
  }

  /**
   * Whether Symja's N(expr, digits) equals the given decimal to {@code agree} significant digits
   * (within 2 units of the last, plus 10^-agree near zero), with an imaginary part as small.
   */
  public static boolean evaluatesTo(String expr, BigDecimal expected, int digits, int agree) {
    BigDecimal[] v = numeric(expr, digits);
    if (v == null) {
      return false;
    }
    BigDecimal unit = expected.abs().max(BigDecimal.ONE).multiply(new BigDecimal("2e-" + (agree - 1)));
    return v[0].subtract(expected).abs().compareTo(unit) <= 0 && v[1].abs().compareTo(unit) <= 0;
  }

  static BigDecimal decimal(String v) {
    String t = v.replace(" ", "");
    int e = t.indexOf("*10^");
    return e < 0
        ? new BigDecimal(t, MathContext.UNLIMITED)
        : new BigDecimal(t.substring(0, e)).scaleByPowerOfTen(Integer.parseInt(t.substring(e + 4)));
  }
}
