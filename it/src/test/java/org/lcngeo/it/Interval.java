package org.lcngeo.it;

/**
 * A closed interval [lo, hi] of doubles with outward rounding: every operation widens its result by
 * one ulp on each side, so the exact result of the operation on any reals of the operands lies in
 * it (the double operations round to nearest, off by at most half an ulp). Enough for the
 * polynomial systems of {@link CertifiedFiberCount}.
 */
record Interval(double lo, double hi) {
  Interval {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("[" + lo + ", " + hi + "]");
    }
  }

  static Interval point(double x) {
    return new Interval(x, x);
  }

  /** x +- r. */
  static Interval around(double x, double r) {
    return new Interval(Math.nextDown(x - r), Math.nextUp(x + r));
  }

  private static Interval out(double lo, double hi) {
    return new Interval(Math.nextDown(lo), Math.nextUp(hi));
  }

  Interval add(Interval o) {
    return out(lo + o.lo, hi + o.hi);
  }

  Interval subtract(Interval o) {
    return out(lo - o.hi, hi - o.lo);
  }

  Interval multiply(Interval o) {
    double a = lo * o.lo;
    double b = lo * o.hi;
    double c = hi * o.lo;
    double d = hi * o.hi;
    return out(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
  }

  Interval multiply(double c) {
    return multiply(point(c));
  }

  /** x^2 for x in this interval (never below 0). */
  Interval square() {
    double l = lo >= 0 ? lo * lo : hi <= 0 ? hi * hi : 0;
    double h = Math.max(lo * lo, hi * hi);
    return new Interval(Math.max(0, Math.nextDown(l)), Math.nextUp(h));
  }

  boolean contains(double x) {
    return lo <= x && x <= hi;
  }

  boolean containsZero() {
    return contains(0);
  }

  /** Whether this lies in the interior of o. */
  boolean inInteriorOf(Interval o) {
    return o.lo < lo && hi < o.hi;
  }

  boolean intersects(Interval o) {
    return lo <= o.hi && o.lo <= hi;
  }

  double mid() {
    return 0.5 * (lo + hi);
  }
}
