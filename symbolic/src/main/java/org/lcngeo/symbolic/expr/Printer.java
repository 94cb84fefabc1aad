package org.lcngeo.symbolic.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Writes an {@link Expr} in one front end's syntax. Shared here: the precedence rules (a child is
 * parenthesized when it binds less tightly than its place needs) and the shape of sums and
 * products; each format supplies its atoms, operators and functions. One printer per format:
 * {@link #SYMJA}, {@link #LATEX}, {@link #MACAULAY2}, {@link #JAVA}; and {@link #TEXT}, plain
 * text for diagnostics and prose, which no system reads back.
 */
public abstract class Printer {
  public static final Printer SYMJA = new SymjaPrinter();
  public static final Printer LATEX = new LatexPrinter();
  public static final Printer MACAULAY2 = new Macaulay2Printer();
  public static final Printer JAVA = new JavaPrinter();
  public static final Printer TEXT = new TextPrinter();

  /** Binding strength: a sum (or a leading minus), a product or quotient, a power, an atom. */
  protected static final int SUM = 1;
  protected static final int PRODUCT = 2;
  protected static final int POWER = 3;
  protected static final int ATOM = 4;

  /** The expression in this format. */
  public final String print(Expr e) {
    return write(e).text;
  }

  /** A matrix in this format. */
  public abstract String matrix(List<List<Expr>> rows);

  /** Every entry of a matrix, printed alone (for JSON). */
  public final List<List<String>> entries(List<List<Expr>> rows) {
    return rows.stream().map(r -> r.stream().map(this::print).toList()).toList();
  }

  /** A written expression and how tightly it binds. */
  protected record Text(String text, int precedence) {}

  protected final String at(Expr e, int needed) {
    Text t = write(e);
    return t.precedence >= needed ? t.text : atWrap(t.text);
  }

  /** A sub-expression in parentheses. */
  protected String atWrap(String text) {
    return "(" + text + ")";
  }

  protected Text write(Expr e) {
    if (e instanceof Expr.Num n) {
      return number(n.value());
    } else if (e instanceof Expr.Symbol s) {
      return new Text(symbol(s), ATOM);
    } else if (e instanceof Expr.Sum s) {
      return sum(s);
    } else if (e instanceof Expr.Product p) {
      return product(p);
    } else if (e instanceof Expr.Neg n) {
      return new Text("-" + at(n.x(), PRODUCT), SUM);
    } else if (e instanceof Expr.Power p) {
      return power(p);
    } else if (e instanceof Expr.Quotient q) {
      return quotient(q);
    } else if (e instanceof Expr.Sqrt s) {
      return function("sqrt", s.x());
    } else if (e instanceof Expr.CubeRoot c) {
      return function("cbrt", c.x());
    } else if (e instanceof Expr.Cos c) {
      return function("cos", c.x());
    } else if (e instanceof Expr.ArcCos c) {
      return function("arccos", c.x());
    } else if (e instanceof Expr.Pi) {
      return new Text(pi(), ATOM);
    } else if (e instanceof Expr.RealRoot r) {
      return new Text(realRoot(r), ATOM);
    } else if (e instanceof Expr.IfNegative c) {
      return new Text(ifNegative(c), ATOM);
    } else if (e instanceof Expr.Det d) {
      return new Text(determinant(d), ATOM);
    } else {
      return new Text(largestRoot((Expr.LargestRoot) e), ATOM);
    }
  }

  /** A rational constant: "p" or "p/q" unless a format spells numbers otherwise. */
  protected Text number(BigFraction q) {
    return rational(q);
  }

  /** A symbol by its name (a0, v3, beta1, lambda2) unless a format spells symbols otherwise. */
  protected String symbol(Expr.Symbol s) {
    return s.name();
  }

  /** A function of one argument; {@code name} is one of sqrt, cbrt, cos, arccos. */
  protected abstract Text function(String name, Expr argument);

  protected abstract String pi();

  protected abstract String realRoot(Expr.RealRoot r);

  protected abstract String largestRoot(Expr.LargestRoot r);

  protected abstract String ifNegative(Expr.IfNegative c);

  /** An unexpanded determinant, as an atom. */
  protected abstract String determinant(Expr.Det d);

  /** Whether sums are written with spaces around + and - (formulas) or without (numbers). */
  protected static boolean hasSymbol(Expr e) {
    return !Exprs.children(e).isEmpty() ? Exprs.children(e).stream().anyMatch(Printer::hasSymbol)
        : e instanceof Expr.Symbol || e instanceof Expr.LargestRoot;
  }

  /** Whether a term is written with a leading minus (so that a sum shows " - " before it). */
  protected static boolean negative(Expr e) {
    return e instanceof Expr.Neg
        || e instanceof Expr.Num n && n.value().signum() < 0
        || e instanceof Expr.Product p && negative(p.factors().get(0));
  }

  protected static Expr abs(Expr e) {
    if (e instanceof Expr.Neg n) {
      return n.x();
    } else if (e instanceof Expr.Num n) {
      return Exprs.num(n.value().abs());
    } else if (e instanceof Expr.Product p) {
      return Exprs.product(concat(abs(p.factors().get(0)), p.factors().subList(1, p.factors().size())));
    }
    return e;
  }

  private static List<Expr> concat(Expr first, List<Expr> rest) {
    List<Expr> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  protected Text sum(Expr.Sum s) {
    boolean spaced = hasSymbol(s);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.terms().size(); i++) {
      Expr t = s.terms().get(i);
      boolean minus = negative(t);
      if (i == 0) {
        b.append(minus ? "-" : "");
      } else {
        b.append(spaced ? (minus ? " - " : " + ") : (minus ? "-" : "+"));
      }
      b.append(at(minus ? abs(t) : t, PRODUCT));
    }
    return new Text(b.toString(), SUM);
  }

  /** The separator of factors in a product. */
  protected String times() {
    return "*";
  }

  protected Text product(Expr.Product p) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < p.factors().size(); i++) {
      Expr f = p.factors().get(i);
      if (i == 0 && f instanceof Expr.Num n && n.value().signum() < 0) {
        String rest = print(Exprs.product(concat(abs(f), p.factors().subList(1, p.factors().size()))));
        return new Text("-" + rest, SUM);
      }
      parts.add(factor(f, i));
    }
    return new Text(String.join(times(), parts), PRODUCT);
  }

  /** A factor of a product at position i: sums and quotients after the first are parenthesized. */
  protected String factor(Expr f, int i) {
    return at(f, i == 0 ? PRODUCT : (f instanceof Expr.Quotient ? ATOM : PRODUCT));
  }

  protected Text power(Expr.Power p) {
    return new Text(at(p.base(), ATOM) + "^" + p.exponent(), POWER);
  }

  protected Text quotient(Expr.Quotient q) {
    return new Text(at(q.num(), PRODUCT) + "/" + at(q.den(), POWER), PRODUCT);
  }

  /** "p" or "p/q" with the precedence of a quotient (or a sum, when negative). */
  protected static Text rational(BigFraction q) {
    BigInteger num = q.getNumerator();
    BigInteger den = q.getDenominator();
    String s = den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    return new Text(s, q.signum() < 0 ? SUM : den.equals(BigInteger.ONE) ? ATOM : PRODUCT);
  }

  /** The polynomial sum_i c_i x^i (integer coefficients, lowest degree first) in x. */
  protected static Expr polynomial(List<BigInteger> c, Expr x) {
    return Exprs.polynomial(c.stream().map(BigFraction::new).toList(), x);
  }

  /** Entries joined by a separator, rows joined by another. */
  protected final String rows(List<List<Expr>> rows, String open, String cellSep, String rowSep, String close,
      String rowOpen, String rowClose) {
    List<String> out = new ArrayList<>();
    for (List<Expr> r : rows) {
      out.add(rowOpen + String.join(cellSep, r.stream().map(this::print).toList()) + rowClose);
    }
    return open + String.join(rowSep, out) + close;
  }
}
