package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.Monomial;
import edu.jas.ufd.Quotient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntaxes closed forms are written in. Strings are built here from JAS polynomials (never by
 * a computer algebra system): Symja input syntax ({@code w1_0^2+w2_0*w2_1}), LaTeX ({@code
 * w_{1,0}^{2}+w_{2,0} w_{2,1}}), Java expressions over {@code double} locals, and Macaulay2.
 */
public enum Notation {
  SYMJA,
  LATEX,
  JAVA,
  MACAULAY2;

  private static final Pattern FILTER = Pattern.compile("w(\\d+)_(\\d+)");
  private static final Pattern INDEXED = Pattern.compile("([a-z]+)(\\d+)");

  /** A variable name in this notation ({@code w1_0} becomes {@code w_{1,0}} in LaTeX). */
  public String variable(String name) {
    if (this != LATEX) {
      return name;
    }
    Matcher f = FILTER.matcher(name);
    if (f.matches()) {
      return "w_{" + f.group(1) + "," + f.group(2) + "}";
    }
    Matcher m = INDEXED.matcher(name);
    if (m.matches()) {
      return latexName(m.group(1)) + "_{" + m.group(2) + "}";
    }
    return latexName(name);
  }

  private static String latexName(String base) {
    return switch (base) {
      case "d" -> "\\delta";
      case "beta" -> "\\beta";
      case "lambda" -> "\\lambda";
      default -> base;
    };
  }

  /** A polynomial with rational coefficients. */
  public String polynomial(GenPolynomial<BigRational> p) {
    if (p.isZERO()) {
      return this == JAVA ? "0.0" : "0";
    }
    String[] vars = p.ring.getVars();
    StringBuilder b = new StringBuilder();
    for (Monomial<BigRational> m : readingOrder(p)) {
      BigRational c = m.coefficient();
      String monomial = monomial(m.exponent(), vars);
      boolean negative = c.signum() < 0;
      BigRational abs = c.abs();
      if (b.length() > 0) {
        b.append(negative ? " - " : " + ");
      } else if (negative) {
        b.append("-");
      }
      if (monomial.isEmpty()) {
        b.append(number(abs));
      } else if (abs.isONE()) {
        b.append(monomial);
      } else {
        b.append(number(abs)).append(this == LATEX ? " " : "*").append(monomial);
      }
    }
    return b.toString();
  }

  /** A rational function num/den in lowest terms. */
  public String quotient(Quotient<BigRational> q) {
    if (q.den.isONE()) {
      return polynomial(q.num);
    }
    return fraction(polynomial(q.num), polynomial(q.den));
  }

  /** num/den, both already written in this notation. */
  public String fraction(String num, String den) {
    return this == LATEX
        ? "\\frac{" + num + "}{" + den + "}"
        : group(num) + "/" + groupDenominator(den);
  }

  /** Like {@link #group}, and also around a top-level product (a/(b*c), not a/b*c). */
  private static String groupDenominator(String s) {
    return s.startsWith("-") || atTopLevel(s, "+-/*") ? "(" + s + ")" : s;
  }

  /** Parentheses around s when it is a sum, a difference or starts with a sign (at top level). */
  public static String group(String s) {
    return s.startsWith("-") || atTopLevel(s, "+-/") ? "(" + s + ")" : s;
  }

  /** Whether one of the operators occurs in s outside all brackets. */
  private static boolean atTopLevel(String s, String operators) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (depth == 0 && operators.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** A positive rational constant. */
  public String number(BigRational q) {
    BigInteger num = q.numerator();
    BigInteger den = q.denominator();
    return switch (this) {
      case JAVA -> den.equals(BigInteger.ONE) ? num + ".0" : "(" + num + ".0/" + den + ".0)";
      case LATEX -> den.equals(BigInteger.ONE) ? num.toString() : "\\frac{" + num + "}{" + den + "}";
      default -> den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    };
  }

  /**
   * Terms by decreasing total degree, then lexicographically in the order the variables were
   * named ({@code w1_0^2 + w2_0*w2_1}, {@code v0*v3^2 + v1^2*v4 - v1*v2*v3}).
   */
  private static List<Monomial<BigRational>> readingOrder(GenPolynomial<BigRational> p) {
    List<Monomial<BigRational>> terms = new ArrayList<>();
    p.forEach(terms::add);
    int n = p.ring.nvar;
    terms.sort(
        (x, y) -> {
          int c = Long.compare(y.exponent().totalDeg(), x.exponent().totalDeg());
          for (int i = n - 1; c == 0 && i >= 0; i--) {
            c = Long.compare(y.exponent().getVal(i), x.exponent().getVal(i));
          }
          return c;
        });
    return terms;
  }

  private String monomial(ExpVector e, String[] vars) {
    int n = vars.length;
    List<String> factors = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) { // variable order: JAS index n-1-i is variable i
      long k = e.getVal(i);
      if (k == 0) {
        continue;
      }
      String v = variable(vars[n - 1 - i]);
      factors.add(power(v, k));
    }
    return String.join(this == LATEX ? " " : "*", factors);
  }

  private String power(String v, long k) {
    if (k == 1) {
      return v;
    }
    return switch (this) {
      case JAVA -> String.join("*", java.util.Collections.nCopies((int) k, v));
      case LATEX -> v + "^{" + k + "}";
      default -> v + "^" + k;
    };
  }
}
