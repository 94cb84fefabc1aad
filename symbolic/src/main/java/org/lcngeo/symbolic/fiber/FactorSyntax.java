package org.lcngeo.symbolic.fiber;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.symbolic.formula.JasExprs;

/**
 * Layer factorizations ({@link LayerFactorization}, {@link LayerFactor}) written by a
 * {@link Printer}: {@code (z0^2 + 2)^2 * x0}; irrational coefficients written by that printer from
 * their expression trees, in parentheses. {@link #symja} for exported strings (read back by Symja),
 * {@link #text} for messages and certificates (prose). The only place that knows how a
 * factorization is spelled.
 */
public final class FactorSyntax {
  private FactorSyntax() {}

  /** Each layer's factorization in Symja. */
  public static List<String> symja(List<LayerFactorization> layers) {
    return layers.stream().map(FactorSyntax::symja).toList();
  }

  /** The product of the powers in Symja, "1" for none. */
  public static String symja(LayerFactorization f) {
    List<String> parts = new ArrayList<>();
    for (LayerFactorization.Power p : f.powers()) {
      parts.add(power(symja(p.factor()), p.exponent()));
    }
    return parts.isEmpty() ? "1" : String.join(" * ", parts);
  }

  /** One factor in Symja: {@code z0^2 + 2}, {@code x0}, {@code z0^2-(Sqrt(2))*z0+1/2}. */
  public static String symja(LayerFactor f) {
    return write(Printer.SYMJA, f);
  }

  /** One factor in plain text, for messages: {@code z0^2 + 2}, {@code z0^2-(sqrt(2))*z0+1/2}. */
  public static String text(LayerFactor f) {
    return write(Printer.TEXT, f);
  }

  private static String write(Printer printer, LayerFactor f) {
    if (f instanceof LayerFactor.Variable v) {
      return printer.print(v.symbol());
    } else if (f instanceof LayerFactor.Rational r) {
      return printer.print(JasExprs.of(r.polynomial()));
    } else if (f instanceof LayerFactor.Real r) {
      return real(printer, r);
    }
    return univariate(printer, ((LayerFactor.Univariate) f).coefficients());
  }

  /** A factor to a power, in parentheses unless it is a symbol or a number. */
  static String power(String factor, long e) {
    String base = factor.matches("[A-Za-z0-9]+") ? factor : "(" + factor + ")";
    return e == 1 ? base : base + "^" + e;
  }

  private static String real(Printer printer, LayerFactor.Real p) {
    StringBuilder b = new StringBuilder();
    for (LayerFactor.Real.Term t : p.terms()) {
      FieldElement c = t.coefficient();
      boolean negative = c.signum() < 0;
      FieldElement abs = negative ? c.negate() : c;
      List<String> factors = new ArrayList<>();
      boolean monomial = t.exponents().stream().anyMatch(v -> v > 0);
      if (!abs.isRational()) {
        factors.add("(" + printer.print(abs.toExpr()) + ")");
      } else if (!monomial || !abs.toRational().equals(BigFraction.ONE)) {
        factors.add(Rationals.format(abs.toRational()));
      }
      for (int m = 0; m < p.variables(); m++) {
        int e = t.exponents().get(m);
        if (e > 0) {
          factors.add("z" + m + (e > 1 ? "^" + e : ""));
        }
      }
      b.append(b.length() == 0 ? (negative ? "-" : "") : (negative ? " - " : " + "))
          .append(String.join("*", factors));
    }
    return b.length() == 0 ? "0" : b.toString();
  }

  /** A monic real polynomial in z0, written compactly. */
  private static String univariate(Printer printer, List<RealAlgebraicNumber> c) {
    StringBuilder b = new StringBuilder();
    for (int i = c.size() - 1; i >= 0; i--) {
      RealAlgebraicNumber x = c.get(i);
      String mono = i == 0 ? "" : i == 1 ? "z0" : "z0^" + i;
      if (i == c.size() - 1) {
        b.append(mono);
        continue;
      }
      if (x.isRational()) {
        BigFraction q = x.toRational();
        if (q.signum() == 0) {
          continue;
        }
        String abs = Rationals.format(q.abs());
        b.append(q.signum() < 0 ? "-" : "+");
        b.append(mono.isEmpty() ? abs : q.abs().equals(BigFraction.ONE) ? mono : abs + "*" + mono);
      } else {
        boolean negative = x.signum() < 0;
        b.append(negative ? "-(" : "+(").append(printer.print((negative ? x.negate() : x).toExpr()))
            .append(')').append(mono.isEmpty() ? "" : "*" + mono);
      }
    }
    return b.toString();
  }
}
