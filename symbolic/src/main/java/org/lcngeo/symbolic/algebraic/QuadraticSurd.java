package org.lcngeo.symbolic.algebraic;

import java.math.BigInteger;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;

/**
 * A quadratic irrationality a + b*sqrt(r) with rationals a, b != 0 and an integer r > 1 that is
 * not a square (square factors below {@link #TRIAL_LIMIT} are pulled out, for readable output).
 */
record QuadraticSurd(BigFraction a, BigFraction b, BigInteger r) {
  private static final int TRIAL_LIMIT = 10_000;

  /** The radical form of a real algebraic number of degree two. */
  static QuadraticSurd of(RealAlgebraicNumber x) {
    BigFraction[] m = x.minimalArray(); // x^2 + p x + q
    BigFraction center = m[1].divide(-2);
    BigFraction radicand = center.multiply(center).subtract(m[0]); // (p^2 - 4q) / 4
    int side = x.compareTo(RealAlgebraicNumber.of(center));
    // sqrt(n/d) = sqrt(n*d)/d = s*sqrt(r)/d
    BigInteger[] split = squarePart(radicand.getNumerator().multiply(radicand.getDenominator()));
    BigInteger s = split[0];
    BigInteger rest = split[1];
    if (rest.equals(BigInteger.ONE)) {
      throw new IllegalStateException("degree-two number with a square discriminant");
    }
    BigFraction b = new BigFraction(s, radicand.getDenominator()).multiply(side);
    return new QuadraticSurd(center, b, rest);
  }

  /** q0 + q1 * this, as a surd (q1 != 0) or a rational (q1 == 0, returned with b == 0). */
  QuadraticSurd affine(BigFraction q0, BigFraction q1) {
    return new QuadraticSurd(q0.add(q1.multiply(a)), q1.multiply(b), r);
  }

  /** The radical: a rational, or (na + nb Sqrt(r))/l with integers, e.g. (1+Sqrt(5))/2, -Sqrt(2)/2. */
  Expr toExpr() {
    if (b.signum() == 0) {
      return Exprs.num(a);
    }
    BigInteger da = a.getDenominator();
    BigInteger db = b.getDenominator();
    BigInteger l = da.divide(da.gcd(db)).multiply(db);
    BigInteger na = a.getNumerator().multiply(l.divide(da));
    BigInteger nb = b.getNumerator().multiply(l.divide(db));
    Expr root = Exprs.product(Exprs.num(nb.abs()), Exprs.sqrt(Exprs.num(r)));
    if (na.signum() == 0) {
      Expr q = Exprs.quotient(root, Exprs.num(l));
      return nb.signum() < 0 ? Exprs.negate(q) : q;
    }
    Expr sum = Exprs.sum(Exprs.num(na), nb.signum() < 0 ? Exprs.negate(root) : root);
    return Exprs.quotient(sum, Exprs.num(l));
  }

  /** sqrt(q) for a rational q >= 0, square factors pulled out: 3*Sqrt(5)/2, or a rational. */
  static Expr sqrt(BigFraction q) {
    if (q.signum() < 0) {
      throw new IllegalArgumentException("sqrt of a negative rational");
    }
    BigInteger nd = q.getNumerator().multiply(q.getDenominator()); // sqrt(n/d) = sqrt(n*d)/d
    BigInteger[] split = squarePart(nd);
    BigFraction outside = new BigFraction(split[0], q.getDenominator());
    if (split[1].equals(BigInteger.ONE)) {
      return Exprs.num(outside);
    }
    Expr root = Exprs.product(Exprs.num(outside.getNumerator()), Exprs.sqrt(Exprs.num(split[1])));
    return Exprs.quotient(root, Exprs.num(outside.getDenominator()));
  }

  /** n = s^2 * rest with the square factors below {@link #TRIAL_LIMIT} (or an exact square) pulled out. */
  private static BigInteger[] squarePart(BigInteger n) {
    BigInteger s = BigInteger.ONE;
    BigInteger rest = n;
    for (int f = 2; f < TRIAL_LIMIT; f++) {
      BigInteger sq = BigInteger.valueOf((long) f * f);
      if (sq.compareTo(rest) > 0) {
        break;
      }
      while (rest.mod(sq).signum() == 0) {
        rest = rest.divide(sq);
        s = s.multiply(BigInteger.valueOf(f));
      }
    }
    BigInteger root = rest.sqrt();
    if (root.multiply(root).equals(rest)) {
      return new BigInteger[] {s.multiply(root), BigInteger.ONE};
    }
    return new BigInteger[] {s, rest};
  }
}
