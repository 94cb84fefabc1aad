package org.lcngeo.symbolic.algebraic;

import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Certified disks around the complex roots of a squarefree polynomial over Q, from approximations
 * z_1..z_n (Durand-Kerner in double precision, then exact Weierstrass steps on dyadic rationals)
 * and the inclusion theorem of Braess and Hadeler: with the Weierstrass corrections W_k = f(z_k) /
 * (a_n prod_{j != k} (z_k - z_j)), every root lies in the union of the disks |z - z_k| <= n |W_k|,
 * and a connected component of m disks holds exactly m roots. A disk disjoint from all the others
 * therefore holds exactly one root; when it also misses the real axis, that root is non-real.
 * Everything that decides is exact rational arithmetic; doubles only propose the centres.
 *
 * <p>Used by {@link RealQuadraticFactors} before JAS' complex root isolation by winding numbers,
 * whose gcds over Q took 86% of a sextic's fiber (profiled on PerPointFieldsTest's draws).
 */
final class WeierstrassInclusion {
  private static final int MAX_ROUNDS = 8;
  /** The finest rounding of the centres (bits after the binary point). */
  private static final int MAX_BITS = 2048;
  private static final int DOUBLE_ITERATIONS = 500;

  /** A complex rational. */
  record C(BigFraction re, BigFraction im) {
    static final C ZERO = new C(BigFraction.ZERO, BigFraction.ZERO);

    C add(C o) {
      return new C(re.add(o.re), im.add(o.im));
    }

    C subtract(C o) {
      return new C(re.subtract(o.re), im.subtract(o.im));
    }

    C multiply(C o) {
      return new C(re.multiply(o.re).subtract(im.multiply(o.im)),
          re.multiply(o.im).add(im.multiply(o.re)));
    }

    C divide(C o) {
      BigFraction d = o.norm2();
      C num = multiply(new C(o.re, o.im.negate()));
      return new C(num.re.divide(d), num.im.divide(d));
    }

    BigFraction norm2() {
      return re.multiply(re).add(im.multiply(im));
    }

    /** Rounded to the nearest multiple of 2^-bits in each part. */
    C round(int bits) {
      return new C(roundTo(re, bits), roundTo(im, bits));
    }
  }

  private final BigFraction[] f;
  private final int n;
  private C[] z;
  private BigFraction[] radius; // rational upper bounds of n |W_k|
  private int bits = 60;

  private WeierstrassInclusion(BigFraction[] f, C[] z) {
    this.f = f;
    this.n = f.length - 1;
    this.z = z;
  }

  /**
   * The disks of the non-real roots in the upper half plane, once each is disjoint from all other
   * disks and from the real axis and there are as many as the non-real roots / 2 (pairs); null
   * when the approximations do not get there within a few rounds (the caller then isolates the
   * roots another way).
   */
  static WeierstrassInclusion upperRoots(BigFraction[] f, int pairs) {
    C[] start = doubleApproximations(f);
    if (start == null) {
      return null;
    }
    WeierstrassInclusion w = new WeierstrassInclusion(f, start);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      org.lcngeo.core.Deadline.checkCurrent();
      if (!w.computeRadii()) {
        return null;
      }
      if (w.upper().size() == pairs) {
        return w;
      }
      w.step();
    }
    return null;
  }

  /** An independent copy (its tightening leaves this one as it is). */
  WeierstrassInclusion copy() {
    WeierstrassInclusion c = new WeierstrassInclusion(f, z.clone());
    c.radius = radius.clone();
    c.bits = bits;
    return c;
  }

  /** Indices of the disks above the real axis and disjoint from every other disk. */
  List<Integer> upper() {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (z[k].im().signum() > 0 && z[k].im().compareTo(radius[k]) > 0 && isolated(k)) {
        out.add(k);
      }
    }
    return out;
  }

  /** The enclosure of disk k's real part and imaginary part, as a square around the disk. */
  RationalInterval real(int k) {
    return new RationalInterval(z[k].re().subtract(radius[k]), z[k].re().add(radius[k]));
  }

  RationalInterval imaginary(int k) {
    return new RationalInterval(z[k].im().subtract(radius[k]), z[k].im().add(radius[k]));
  }

  /**
   * One more exact Weierstrass step at twice the precision; disk k of the result lies inside the
   * old disk k (checked), so it encloses the same root, and has at most half its radius. False
   * when either check fails (near-multiple roots converge slowly, and the precision is capped).
   */
  boolean tighten(int k) {
    C oldCentre = z[k];
    BigFraction oldRadius = radius[k];
    step();
    if (!computeRadii() || !isolated(k)) {
      return false;
    }
    // |z' - z| + r' <= r, with |z' - z| bounded above
    BigFraction move = sqrtUpper(z[k].subtract(oldCentre).norm2());
    return move.add(radius[k]).compareTo(oldRadius) <= 0
        && radius[k].multiply(2).compareTo(oldRadius) <= 0;
  }

  private boolean isolated(int k) {
    for (int j = 0; j < n; j++) {
      if (j != k) {
        BigFraction sum = radius[k].add(radius[j]);
        if (z[k].subtract(z[j]).norm2().compareTo(sum.multiply(sum)) <= 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** The exact corrections and radii at the current centres; false if two centres coincide. */
  private boolean computeRadii() {
    radius = new BigFraction[n];
    for (int k = 0; k < n; k++) {
      C w = correction(k);
      if (w == null) {
        return false;
      }
      radius[k] = sqrtUpper(w.norm2()).multiply(n);
    }
    return true;
  }

  /** W_k, or null when z_k equals another centre. */
  private C correction(int k) {
    C value = C.ZERO;
    for (int i = n; i >= 0; i--) {
      value = value.multiply(z[k]).add(new C(f[i], BigFraction.ZERO));
    }
    C denominator = new C(f[n], BigFraction.ZERO);
    for (int j = 0; j < n; j++) {
      if (j != k) {
        C d = z[k].subtract(z[j]);
        if (d.norm2().signum() == 0) {
          return null;
        }
        denominator = denominator.multiply(d);
      }
    }
    return value.divide(denominator);
  }

  /** z_k <- z_k - W_k (all k, from the same centres), rounded at twice the precision. */
  private void step() {
    bits = Math.min(2 * bits, MAX_BITS);
    C[] next = new C[n];
    for (int k = 0; k < n; k++) {
      C w = correction(k);
      next[k] = (w == null ? z[k] : z[k].subtract(w)).round(bits);
    }
    z = next;
  }

  /** Durand-Kerner in double precision from the usual spiral start; null if it breaks down. */
  private static C[] doubleApproximations(BigFraction[] f) {
    int n = f.length - 1;
    double[] a = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      a[i] = f[i].doubleValue() / f[n].doubleValue();
      if (!Double.isFinite(a[i])) {
        return null;
      }
    }
    double bound = 1;
    for (int i = 0; i < n; i++) {
      bound = Math.max(bound, 1 + Math.abs(a[i]));
    }
    double[] re = new double[n];
    double[] im = new double[n];
    for (int k = 0; k < n; k++) {
      double angle = 2 * Math.PI * k / n + 0.4;
      re[k] = bound * Math.cos(angle);
      im[k] = bound * Math.sin(angle);
    }
    for (int it = 0; it < DOUBLE_ITERATIONS; it++) {
      double change = 0;
      for (int k = 0; k < n; k++) {
        double pr = 1;
        double pi = 0;
        for (int i = n - 1; i >= 0; i--) { // Horner for the monic polynomial
          double t = pr * re[k] - pi * im[k] + a[i];
          pi = pr * im[k] + pi * re[k];
          pr = t;
        }
        double dr = 1;
        double di = 0;
        for (int j = 0; j < n; j++) {
          if (j != k) {
            double xr = re[k] - re[j];
            double xi = im[k] - im[j];
            double t = dr * xr - di * xi;
            di = dr * xi + di * xr;
            dr = t;
          }
        }
        double d = dr * dr + di * di;
        if (d == 0 || !Double.isFinite(d)) {
          return null;
        }
        double wr = (pr * dr + pi * di) / d;
        double wi = (pi * dr - pr * di) / d;
        re[k] -= wr;
        im[k] -= wi;
        change = Math.max(change, Math.hypot(wr, wi));
      }
      if (change < 1e-15 * bound) {
        break;
      }
    }
    C[] z = new C[n];
    for (int k = 0; k < n; k++) {
      if (!Double.isFinite(re[k]) || !Double.isFinite(im[k])) {
        return null;
      }
      z[k] = new C(new BigFraction(re[k]), new BigFraction(im[k]));
    }
    return z;
  }

  private static BigFraction roundTo(BigFraction x, int bits) {
    BigInteger scaled = x.getNumerator().shiftLeft(bits);
    BigInteger[] qr = scaled.divideAndRemainder(x.getDenominator());
    BigInteger q = qr[0];
    if (qr[1].shiftLeft(1).abs().compareTo(x.getDenominator()) >= 0) {
      q = q.add(BigInteger.valueOf(qr[1].signum()));
    }
    return new BigFraction(q, BigInteger.ONE.shiftLeft(bits));
  }

  /** A rational upper bound of sqrt(q), q >= 0, within a relative 2^-40 or so. */
  static BigFraction sqrtUpper(BigFraction q) {
    if (q.signum() == 0) {
      return BigFraction.ZERO;
    }
    java.math.BigDecimal d = new java.math.BigDecimal(q.getNumerator())
        .divide(new java.math.BigDecimal(q.getDenominator()), new MathContext(30, RoundingMode.UP));
    java.math.BigDecimal s = d.sqrt(new MathContext(16, RoundingMode.UP));
    BigFraction r = new BigFraction(s.unscaledValue(), BigInteger.TEN.pow(Math.max(0, s.scale())))
        .multiply(s.scale() < 0 ? new BigFraction(BigInteger.TEN.pow(-s.scale())) : BigFraction.ONE);
    if (r.multiply(r).compareTo(q) < 0) {
      throw new IllegalStateException("sqrt rounded up below its argument: " + q);
    }
    return r;
  }
}
