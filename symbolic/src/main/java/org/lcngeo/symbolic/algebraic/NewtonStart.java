package org.lcngeo.symbolic.algebraic;

import java.math.BigInteger;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;

/**
 * A certified start for Newton's iteration to a real algebraic number x of degree >= 3 (the
 * {@link org.lcngeo.symbolic.expr.Expr.RealRoot} form): an end point x0 of an isolating interval
 * of x on which P' and P'' have no zero (Descartes' bound 0, end points checked exactly) and with
 * P(x0) P''(x0) > 0. By Fourier's theorem the Newton iterates from x0 then move monotonically to x
 * and converge to it, so x is their limit. The end points are short decimals where possible.
 */
final class NewtonStart {
  private NewtonStart() {}

  static BigFraction of(RealAlgebraicNumber x) {
    BigFraction[] p = x.minimalArray();
    BigFraction[] d1 = derivative(p);
    BigFraction[] d2 = derivative(d1);
    while (true) {
      Deadline.checkCurrent();
      RationalInterval iv = x.isolatingInterval();
      BigFraction width = iv.hi().subtract(iv.lo());
      // the shortest decimal end points first: the interval rounded outward to 10^-k, k = 0, 1, ...
      for (int k = 0; ; k++) {
        BigInteger scale = BigInteger.TEN.pow(k);
        BigFraction lo = new BigFraction(RealAlgebraicNumber.floor(iv.lo().multiply(scale)), scale);
        BigFraction hi = new BigFraction(RealAlgebraicNumber.floor(iv.hi().multiply(scale)).add(BigInteger.ONE), scale);
        BigFraction start = fourierEnd(p, d1, d2, lo, hi);
        if (start != null) {
          return start;
        }
        if (new BigFraction(BigInteger.ONE, scale).compareTo(width) < 0) {
          break;
        }
      }
      BigFraction start = fourierEnd(p, d1, d2, iv.lo(), iv.hi());
      if (start != null) {
        return start;
      }
      x.refine();
    }
  }

  /** The end point of (lo, hi) where Fourier's condition holds, or null if it is not certified. */
  private static BigFraction fourierEnd(BigFraction[] p, BigFraction[] d1, BigFraction[] d2,
      BigFraction lo, BigFraction hi) {
    if (Polynomials.descartesBound(p, lo, hi) != 1
        || Polynomials.descartesBound(d1, lo, hi) != 0 || Polynomials.descartesBound(d2, lo, hi) != 0) {
      return null;
    }
    for (BigFraction e : new BigFraction[] {lo, hi}) {
      int sp = value(p, e).signum();
      int s2 = value(d2, e).signum();
      if (value(d1, e).signum() == 0 || s2 == 0) {
        return null;
      }
      if (sp != 0 && sp == s2) {
        return e;
      }
    }
    return null;
  }

  static BigFraction[] derivative(BigFraction[] p) {
    BigFraction[] d = new BigFraction[Math.max(1, p.length - 1)];
    d[0] = BigFraction.ZERO;
    for (int i = 1; i < p.length; i++) {
      d[i - 1] = p[i].multiply(i);
    }
    return d;
  }

  static BigFraction value(BigFraction[] p, BigFraction x) {
    BigFraction v = BigFraction.ZERO;
    for (int i = p.length - 1; i >= 0; i--) {
      v = v.multiply(x).add(p[i]);
    }
    return v;
  }
}
