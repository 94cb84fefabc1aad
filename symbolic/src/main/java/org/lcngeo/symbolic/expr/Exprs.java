package org.lcngeo.symbolic.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/** Constructors of {@link Expr} that keep trees small: no zero terms, no unit factors. */
public final class Exprs {
  public static final Expr ZERO = new Expr.Num(BigFraction.ZERO);
  public static final Expr ONE = new Expr.Num(BigFraction.ONE);

  private Exprs() {}

  public static Expr num(BigFraction q) {
    return new Expr.Num(q);
  }

  public static Expr num(long n) {
    return new Expr.Num(new BigFraction(n));
  }

  public static Expr num(BigInteger n) {
    return new Expr.Num(new BigFraction(n));
  }

  /** A plain symbol such as {@code d} or {@code x}. */
  public static Expr.Symbol symbol(String base) {
    return new Expr.Symbol(base, -1, false);
  }

  /** An indexed symbol such as {@code a0}, {@code v3}, {@code beta1}. */
  public static Expr.Symbol symbol(String base, int index) {
    return new Expr.Symbol(base, index, false);
  }

  /** A symbol standing for base^2 ({@code lambda2}). */
  public static Expr.Symbol squaredSymbol(String base) {
    return new Expr.Symbol(base, -1, true);
  }

  public static boolean isZero(Expr e) {
    return e instanceof Expr.Num n && n.value().signum() == 0;
  }

  public static boolean isOne(Expr e) {
    return e instanceof Expr.Num n && n.value().equals(BigFraction.ONE);
  }

  /**
   * The sum of the non-zero terms (nested sums are flattened, rational terms added into one, at
   * the place of the first).
   */
  public static Expr sum(List<Expr> terms) {
    List<Expr> flat = new ArrayList<>();
    for (Expr t : terms) {
      if (t instanceof Expr.Sum s) {
        flat.addAll(s.terms());
      } else {
        flat.add(t);
      }
    }
    BigFraction constant = BigFraction.ZERO;
    int at = -1;
    List<Expr> out = new ArrayList<>();
    for (Expr t : flat) {
      if (t instanceof Expr.Num n) {
        constant = constant.add(n.value());
        at = at < 0 ? out.size() : at;
      } else {
        out.add(t);
      }
    }
    if (constant.signum() != 0) {
      out.add(at, num(constant));
    }
    return out.isEmpty() ? ZERO : out.size() == 1 ? out.get(0) : new Expr.Sum(List.copyOf(out));
  }

  public static Expr sum(Expr... terms) {
    return sum(List.of(terms));
  }

  /** The product; zero if a factor is zero; rational factors multiplied into one leading coefficient. */
  public static Expr product(List<Expr> factors) {
    BigFraction c = BigFraction.ONE;
    List<Expr> rest = new ArrayList<>();
    for (Expr f : factors) {
      if (f instanceof Expr.Num n) {
        c = c.multiply(n.value());
      } else if (f instanceof Expr.Product p) {
        for (Expr g : p.factors()) {
          if (g instanceof Expr.Num n) {
            c = c.multiply(n.value());
          } else {
            rest.add(g);
          }
        }
      } else if (f instanceof Expr.Neg n) {
        c = c.negate();
        rest.add(n.x());
      } else {
        rest.add(f);
      }
    }
    if (c.signum() == 0) {
      return ZERO;
    }
    if (rest.isEmpty()) {
      return num(c);
    }
    Expr body = rest.size() == 1 ? rest.get(0) : new Expr.Product(List.copyOf(rest));
    if (c.equals(BigFraction.ONE)) {
      return body;
    }
    if (c.equals(BigFraction.MINUS_ONE)) {
      return new Expr.Neg(body);
    }
    List<Expr> all = new ArrayList<>();
    all.add(num(c));
    if (body instanceof Expr.Product p) {
      all.addAll(p.factors());
    } else {
      all.add(body);
    }
    return new Expr.Product(List.copyOf(all));
  }

  public static Expr product(Expr... factors) {
    return product(List.of(factors));
  }

  public static Expr negate(Expr x) {
    if (x instanceof Expr.Num n) {
      return num(n.value().negate());
    }
    if (x instanceof Expr.Neg n) {
      return n.x();
    }
    return product(num(-1), x);
  }

  public static Expr power(Expr base, int exponent) {
    if (exponent == 0) {
      return ONE;
    }
    if (exponent == 1) {
      return base;
    }
    if (base instanceof Expr.Num n) {
      return num(n.value().pow(exponent));
    }
    return new Expr.Power(base, exponent);
  }

  /** num/den; just num when den is one. */
  public static Expr quotient(Expr num, Expr den) {
    if (isOne(den)) {
      return num;
    }
    if (num instanceof Expr.Num a && den instanceof Expr.Num b) {
      return num(a.value().divide(b.value()));
    }
    return new Expr.Quotient(num, den);
  }

  public static Expr sqrt(Expr x) {
    return new Expr.Sqrt(x);
  }

  /**
   * The polynomial sum_i c_i x^i (coefficients lowest degree first) in x, highest degree first,
   * without its zero terms.
   */
  public static Expr polynomial(List<BigFraction> c, Expr x) {
    List<Expr> terms = new ArrayList<>();
    for (int i = c.size() - 1; i >= 0; i--) {
      if (c.get(i).signum() != 0) {
        terms.add(product(num(c.get(i)), power(x, i)));
      }
    }
    return sum(terms);
  }

  /** A matrix of expressions, row by row. */
  public static List<List<Expr>> matrix(List<? extends List<? extends Expr>> rows) {
    List<List<Expr>> out = new ArrayList<>();
    for (List<? extends Expr> r : rows) {
      out.add(List.copyOf(r));
    }
    return out;
  }
  /** The direct sub-expressions of e (none for leaves). */
  public static List<Expr> children(Expr e) {
    if (e instanceof Expr.Sum s) {
      return s.terms();
    } else if (e instanceof Expr.Product p) {
      return p.factors();
    } else if (e instanceof Expr.Neg n) {
      return List.of(n.x());
    } else if (e instanceof Expr.Power p) {
      return List.of(p.base());
    } else if (e instanceof Expr.Quotient q) {
      return List.of(q.num(), q.den());
    } else if (e instanceof Expr.Sqrt s) {
      return List.of(s.x());
    } else if (e instanceof Expr.CubeRoot c) {
      return List.of(c.x());
    } else if (e instanceof Expr.Cos c) {
      return List.of(c.x());
    } else if (e instanceof Expr.ArcCos c) {
      return List.of(c.x());
    } else if (e instanceof Expr.IfNegative c) {
      return List.of(c.test(), c.negative(), c.otherwise());
    } else if (e instanceof Expr.Det d) {
      return d.rows().stream().flatMap(List::stream).toList();
    }
    return List.of();
  }

  /** Whether e has a sub-expression (or is one) of the given kind. */
  public static boolean contains(Expr e, Class<? extends Expr> kind) {
    return kind.isInstance(e) || children(e).stream().anyMatch(c -> contains(c, kind));
  }
}
