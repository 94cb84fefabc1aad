package org.lcngeo.symbolic.expr;

/**
 * The value of a constant {@link Expr} in double precision: only to order candidate forms (which
 * branch of a radical formula is nearest a number), never to decide anything.
 */
public final class NumericValue {
  private NumericValue() {}

  /** The double value; NaN when e is not real or has symbols. */
  public static double of(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.value().doubleValue();
    } else if (e instanceof Expr.Sum s) {
      return s.terms().stream().mapToDouble(NumericValue::of).sum();
    } else if (e instanceof Expr.Product p) {
      double r = 1;
      for (Expr f : p.factors()) {
        r *= of(f);
      }
      return r;
    } else if (e instanceof Expr.Neg n) {
      return -of(n.x());
    } else if (e instanceof Expr.Power p) {
      return Math.pow(of(p.base()), p.exponent());
    } else if (e instanceof Expr.Quotient q) {
      return of(q.num()) / of(q.den());
    } else if (e instanceof Expr.Sqrt s) {
      return Math.sqrt(of(s.x()));
    } else if (e instanceof Expr.CubeRoot c) {
      return Math.cbrt(of(c.x()));
    } else if (e instanceof Expr.Cos c) {
      return Math.cos(of(c.x()));
    } else if (e instanceof Expr.ArcCos c) {
      return Math.acos(of(c.x()));
    } else if (e instanceof Expr.Pi) {
      return Math.PI;
    }
    return Double.NaN;
  }
}
