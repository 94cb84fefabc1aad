package org.lcngeo.symbolic.algebraic;

import java.math.BigInteger;
import org.hipparchus.fraction.BigFraction;

/** Printing of exact values in Symja's input syntax (which Symja parses back). */
public final class Symja {
  private Symja() {}

  /**
   * A new Symja evaluator in quiet mode: Symja's messages (such as "Power: Infinite expression
   * 1/0 encountered") would otherwise go to standard output, where our JSON goes. Creating one
   * costs about two seconds; keep one per thread, and hand it only strings our code wrote.
   */
  public static org.matheclipse.core.eval.ExprEvaluator quietEvaluator() {
    org.matheclipse.core.eval.ExprEvaluator ev = new org.matheclipse.core.eval.ExprEvaluator();
    ev.getEvalEngine().setQuietMode(true);
    ev.getEvalEngine().setOutPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    ev.getEvalEngine().setErrorPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    return ev;
  }

  /** "p" or "p/q": Symja reads rationals as we print them. */
  public static String rational(BigFraction q) {
    return org.lcngeo.core.algebra.Rationals.format(q);
  }

  /** q * x for a Symja expression x: "0", x itself, "-(x)", or "q*(x)" (no parentheses for a call). */
  public static String product(BigFraction q, String x) {
    if (q.signum() == 0) {
      return "0";
    }
    String factor = isCall(x) || x.matches("\\d+") ? x : "(" + x + ")";
    if (q.equals(BigFraction.ONE)) {
      return x;
    }
    if (q.equals(BigFraction.MINUS_ONE)) {
      return "-" + factor;
    }
    return rational(q) + "*" + factor;
  }

  /** Whether x is one call f(...) whose first parenthesis closes at its end. */
  private static boolean isCall(String x) {
    int open = x.indexOf('(');
    if (open <= 0 || !x.endsWith(")") || !x.substring(0, open).matches("[A-Za-z]+")) {
      return false;
    }
    int depth = 0;
    for (int i = open; i < x.length(); i++) {
      char c = x.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0 && i < x.length() - 1) {
          return false;
        }
      }
    }
    return true;
  }

  /** A polynomial with integer coefficients (lowest degree first) in the variable v. */
  static String polynomial(BigInteger[] a, String v) {
    BigFraction[] q = new BigFraction[a.length];
    for (int i = 0; i < a.length; i++) {
      q[i] = new BigFraction(a[i]);
    }
    return polynomial(q, v);
  }

  /**
   * The polynomial sum_r q_r g^r with rational q_r in a generator printed as g (parenthesized by
   * the caller if needed).
   */
  static String polynomial(BigFraction[] q, String g) {
    StringBuilder sb = new StringBuilder();
    for (int r = q.length - 1; r >= 0; r--) {
      BigFraction c = q[r];
      if (c.signum() == 0) {
        continue;
      }
      BigFraction abs = c.abs();
      if (c.signum() < 0) {
        sb.append('-');
      } else if (sb.length() > 0) {
        sb.append('+');
      }
      boolean unit = abs.equals(BigFraction.ONE);
      if (r == 0 || !unit) {
        sb.append(rational(abs));
      }
      if (r > 0) {
        if (!unit) {
          sb.append('*');
        }
        sb.append(g);
        if (r > 1) {
          sb.append('^').append(r);
        }
      }
    }
    return sb.length() == 0 ? "0" : sb.toString();
  }
}
