package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.Monomial;
import edu.jas.ufd.Quotient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;

/** JAS polynomials and rational functions as {@link Expr} trees, terms in reading order. */
public final class JasExprs {
  private static final Pattern INDEXED = Pattern.compile("([a-z]+)(\\d+)");

  private JasExprs() {}

  /** A variable name as a symbol: {@code a0} is base a, index 0; {@code d} has no index. */
  public static Expr.Symbol symbol(String name) {
    Matcher m = INDEXED.matcher(name);
    if (name.equals("lambda2")) {
      return Exprs.squaredSymbol("lambda");
    }
    return m.matches() ? Exprs.symbol(m.group(1), Integer.parseInt(m.group(2))) : Exprs.symbol(name);
  }

  /** A polynomial with rational coefficients. */
  public static Expr of(GenPolynomial<BigRational> p) {
    if (p.isZERO()) {
      return Exprs.ZERO;
    }
    String[] vars = p.ring.getVars();
    int n = vars.length;
    List<Expr> terms = new ArrayList<>();
    for (Monomial<BigRational> m : readingOrder(p)) {
      List<Expr> factors = new ArrayList<>();
      factors.add(Exprs.num(PolynomialRing.fromJas(m.coefficient())));
      ExpVector e = m.exponent();
      for (int i = n - 1; i >= 0; i--) { // JAS index n-1-i is variable i
        long k = e.getVal(i);
        if (k > 0) {
          factors.add(Exprs.power(symbol(vars[n - 1 - i]), (int) k));
        }
      }
      terms.add(Exprs.product(factors));
    }
    return Exprs.sum(terms);
  }

  /** A rational function num/den in lowest terms. */
  public static Expr of(Quotient<BigRational> q) {
    return Exprs.quotient(of(q.num), of(q.den));
  }

  /** A matrix of polynomials. */
  public static List<List<Expr>> polynomials(List<List<GenPolynomial<BigRational>>> m) {
    return m.stream().map(r -> r.stream().map(JasExprs::of).toList()).toList();
  }

  /** A matrix of rational functions. */
  public static List<List<Expr>> quotients(List<List<Quotient<BigRational>>> m) {
    return m.stream().map(r -> r.stream().map(JasExprs::of).toList()).toList();
  }

  /**
   * Terms by decreasing total degree, then lexicographically in the order the variables were
   * named ({@code a0^2 + b0*b1}, {@code v0*v3^2 + v1^2*v4 - v1*v2*v3}).
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
}
