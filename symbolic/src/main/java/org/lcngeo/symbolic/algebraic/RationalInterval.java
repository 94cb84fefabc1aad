package org.lcngeo.symbolic.algebraic;

import java.math.BigInteger;
import org.hipparchus.fraction.BigFraction;

/**
 * A closed interval [lo, hi] with rational end points, and the exact interval arithmetic that
 * encloses sums, products and square roots of real algebraic numbers while their isolating
 * intervals are refined (the ball arithmetic of FLINT/Calcium's qqbar, done with rationals).
 *
 * @param lo lower end point
 * @param hi upper end point, {@code lo <= hi}
 */
public record RationalInterval(BigFraction lo, BigFraction hi) {
  public RationalInterval {
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
    }
  }

  /** The degenerate interval [q, q]. */
  public static RationalInterval point(BigFraction q) {
    return new RationalInterval(q, q);
  }

  public BigFraction width() {
    return hi.subtract(lo);
  }

  /** Whether 0 lies in the interval. */
  public boolean containsZero() {
    return lo.signum() <= 0 && hi.signum() >= 0;
  }

  public boolean contains(BigFraction q) {
    return lo.compareTo(q) <= 0 && q.compareTo(hi) <= 0;
  }

  RationalInterval add(RationalInterval o) {
    return new RationalInterval(lo.add(o.lo), hi.add(o.hi));
  }

  RationalInterval multiply(RationalInterval o) {
    BigFraction a = lo.multiply(o.lo);
    BigFraction b = lo.multiply(o.hi);
    BigFraction c = hi.multiply(o.lo);
    BigFraction d = hi.multiply(o.hi);
    return new RationalInterval(min(min(a, b), min(c, d)), max(max(a, b), max(c, d)));
  }

  RationalInterval multiply(BigFraction q) {
    BigFraction a = lo.multiply(q);
    BigFraction b = hi.multiply(q);
    return q.signum() >= 0 ? new RationalInterval(a, b) : new RationalInterval(b, a);
  }

  /**
   * An enclosure of sqrt([lo, hi]) for {@code lo >= 0}, with end points on the grid 2^-bits.
   */
  RationalInterval sqrt(int bits) {
    BigInteger scale = BigInteger.ONE.shiftLeft(bits);
    BigInteger l = floorSqrtScaled(lo, bits);
    BigInteger h = floorSqrtScaled(hi, bits).add(BigInteger.ONE);
    return new RationalInterval(new BigFraction(l, scale), new BigFraction(h, scale));
  }

  /** floor(sqrt(q) * 2^bits) for q >= 0. */
  private static BigInteger floorSqrtScaled(BigFraction q, int bits) {
    BigInteger n = q.getNumerator().shiftLeft(2 * bits).divide(q.getDenominator());
    return n.sqrt();
  }

  static BigFraction min(BigFraction a, BigFraction b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static BigFraction max(BigFraction a, BigFraction b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Number of bits needed so that 2^-bits is below the width (at least 16). */
  int precisionBits() {
    BigFraction w = width();
    if (w.signum() == 0) {
      return 64;
    }
    int bits = w.getDenominator().bitLength() - w.getNumerator().bitLength() + 4;
    return Math.max(16, bits);
  }
}
