package org.lcngeo.symbolic.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.hipparchus.fraction.BigFraction;

/**
 * Certified enclosures of constant expression trees: interval arithmetic on decimals with outward
 * rounding, with the real principal branches Symja uses (the round-trip tests check that Symja
 * agrees): {@code Sqrt} is the non-negative root of a non-negative radicand, {@code CubeRoot} the
 * real cube root (negative for a negative argument), {@code ArcCos} maps [-1, 1] onto [0, pi].
 * Square and cube roots are certified by squaring and cubing exactly; cos by its Taylor series
 * with the remainder bound; arccos by certified cosines of its end points. This is how a printed
 * radical form is checked against the number it stands for, without starting Symja.
 */
public final class Enclosure {
  /** Pi to 130 decimals (truncated, so below pi by less than 10^-130). */
  private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510"
      + "58209749445923078164062862089986280348253421170679821480865132823066470938446095505822317253594081284811");
  /** The most digits an enclosure is computed with (pi's table). */
  public static final int MAX_DIGITS = 100;

  /** A closed interval [lo, hi] that contains the value. */
  public record Bounds(BigDecimal lo, BigDecimal hi) {
    public BigFraction lower() {
      return fraction(lo);
    }

    public BigFraction upper() {
      return fraction(hi);
    }

    private static BigFraction fraction(BigDecimal d) {
      BigInteger unscaled = d.unscaledValue();
      return d.scale() >= 0 ? new BigFraction(unscaled, BigInteger.TEN.pow(d.scale()))
          : new BigFraction(unscaled.multiply(BigInteger.TEN.pow(-d.scale())));
    }
  }

  /** The value is certainly not real: a negative radicand, an arccos argument outside [-1, 1], a zero denominator. */
  public static final class NotRealException extends ArithmeticException {
    NotRealException(String message) {
      super(message);
    }
  }

  private final int digits;
  private final MathContext down;
  private final MathContext up;
  private final MathContext work;

  private Enclosure(int digits) {
    this.digits = digits;
    this.down = new MathContext(digits, RoundingMode.FLOOR);
    this.up = new MathContext(digits, RoundingMode.CEILING);
    this.work = new MathContext(digits + 20, RoundingMode.HALF_EVEN);
  }

  /**
   * An enclosure of the constant e computed with about {@code digits} significant digits, or null
   * when it is undecided at this precision (a radicand or denominator whose enclosure contains 0).
   *
   * @throws NotRealException when the value is certainly not real
   */
  public static Bounds of(Expr e, int digits) {
    if (digits < 10 || digits > MAX_DIGITS) {
      throw new IllegalArgumentException("digits must be between 10 and " + MAX_DIGITS);
    }
    try {
      return new Enclosure(digits).eval(e);
    } catch (Undecided u) {
      return null;
    }
  }

  /** Undecided at this precision. */
  private static final class Undecided extends RuntimeException {
    Undecided() {
      super(null, null, false, false);
    }
  }

  private Bounds eval(Expr e) {
    if (e instanceof Expr.Num n) {
      BigDecimal num = new BigDecimal(n.value().getNumerator());
      BigDecimal den = new BigDecimal(n.value().getDenominator());
      return new Bounds(num.divide(den, down), num.divide(den, up));
    } else if (e instanceof Expr.Sum s) {
      BigDecimal lo = BigDecimal.ZERO;
      BigDecimal hi = BigDecimal.ZERO;
      for (Expr t : s.terms()) {
        Bounds b = eval(t);
        lo = lo.add(b.lo, down);
        hi = hi.add(b.hi, up);
      }
      return new Bounds(lo, hi);
    } else if (e instanceof Expr.Neg n) {
      Bounds b = eval(n.x());
      return new Bounds(b.hi.negate(), b.lo.negate());
    } else if (e instanceof Expr.Product p) {
      Bounds acc = eval(p.factors().get(0));
      for (int i = 1; i < p.factors().size(); i++) {
        acc = multiply(acc, eval(p.factors().get(i)));
      }
      return acc;
    } else if (e instanceof Expr.Power p) {
      Bounds b = eval(p.base());
      Bounds acc = b;
      for (int i = 1; i < p.exponent(); i++) {
        acc = multiply(acc, b);
      }
      return acc;
    } else if (e instanceof Expr.Quotient q) {
      return divide(eval(q.num()), eval(q.den()));
    } else if (e instanceof Expr.Sqrt s) {
      return sqrt(eval(s.x()));
    } else if (e instanceof Expr.CubeRoot c) {
      Bounds b = eval(c.x());
      return new Bounds(cbrt(b.lo, false), cbrt(b.hi, true));
    } else if (e instanceof Expr.Cos c) {
      return cos(eval(c.x()));
    } else if (e instanceof Expr.ArcCos c) {
      return arccos(eval(c.x()));
    } else if (e instanceof Expr.Pi) {
      return new Bounds(PI.round(down), PI.add(BigDecimal.ONE.movePointLeft(130)).round(up));
    }
    throw new IllegalArgumentException("not a real constant: " + e.getClass().getSimpleName());
  }

  private Bounds multiply(Bounds a, Bounds b) {
    BigDecimal[] x = {a.lo, a.hi};
    BigDecimal[] y = {b.lo, b.hi};
    BigDecimal lo = null;
    BigDecimal hi = null;
    for (BigDecimal u : x) {
      for (BigDecimal v : y) {
        BigDecimal l = u.multiply(v, down);
        BigDecimal h = u.multiply(v, up);
        lo = lo == null || l.compareTo(lo) < 0 ? l : lo;
        hi = hi == null || h.compareTo(hi) > 0 ? h : hi;
      }
    }
    return new Bounds(lo, hi);
  }

  private Bounds divide(Bounds a, Bounds b) {
    if (b.lo.signum() == 0 && b.hi.signum() == 0) {
      throw new NotRealException("division by zero");
    }
    if (b.lo.signum() <= 0 && b.hi.signum() >= 0) {
      throw new Undecided();
    }
    BigDecimal lo = null;
    BigDecimal hi = null;
    for (BigDecimal u : new BigDecimal[] {a.lo, a.hi}) {
      for (BigDecimal v : new BigDecimal[] {b.lo, b.hi}) {
        BigDecimal l = u.divide(v, down);
        BigDecimal h = u.divide(v, up);
        lo = lo == null || l.compareTo(lo) < 0 ? l : lo;
        hi = hi == null || h.compareTo(hi) > 0 ? h : hi;
      }
    }
    return new Bounds(lo, hi);
  }

  private Bounds sqrt(Bounds b) {
    if (b.hi.signum() < 0) {
      throw new NotRealException("square root of a negative number");
    }
    if (b.lo.signum() < 0) {
      throw new Undecided();
    }
    BigDecimal lo = b.lo.sqrt(down);
    while (lo.multiply(lo).compareTo(b.lo) > 0) {
      lo = lo.subtract(lo.ulp());
    }
    BigDecimal hi = b.hi.sqrt(up);
    while (hi.multiply(hi).compareTo(b.hi) < 0) {
      hi = hi.add(hi.ulp());
    }
    return new Bounds(lo, hi);
  }

  /** The real cube root of a rounded down (upper = false) or up, certified by cubing exactly. */
  private BigDecimal cbrt(BigDecimal a, boolean upper) {
    if (a.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (a.signum() < 0) {
      return cbrt(a.negate(), !upper).negate();
    }
    BigDecimal r = new BigDecimal(Math.cbrt(a.doubleValue()));
    if (r.signum() <= 0 || !Double.isFinite(a.doubleValue())) {
      throw new Undecided();
    }
    BigDecimal three = BigDecimal.valueOf(3);
    for (int precision = 15; precision < 2 * (digits + 20); precision *= 2) {
      r = r.multiply(BigDecimal.valueOf(2)).add(a.divide(r.multiply(r), work)).divide(three, work);
    }
    r = r.round(upper ? up : down);
    if (upper) {
      while (r.pow(3).compareTo(a) < 0) {
        r = r.add(r.ulp());
      }
    } else {
      while (r.pow(3).compareTo(a) > 0) {
        r = r.subtract(r.ulp());
      }
    }
    return r;
  }

  /** cos over an interval: cos(m) +- (the half-width + the series' error), cos being 1-Lipschitz. */
  private Bounds cos(Bounds b) {
    BigDecimal m = b.lo.add(b.hi).divide(BigDecimal.valueOf(2));
    BigDecimal r = b.hi.subtract(b.lo).divide(BigDecimal.valueOf(2));
    BigDecimal[] c = cosSeries(m);
    BigDecimal err = r.add(c[1]);
    BigDecimal lo = c[0].subtract(err).max(BigDecimal.ONE.negate()).round(down);
    BigDecimal hi = c[0].add(err).min(BigDecimal.ONE).round(up);
    return new Bounds(lo, hi);
  }

  /**
   * cos(m) by its Taylor series at the working precision, and a bound on the error: the first
   * omitted term (once the terms decrease the tail is alternating and below it) plus the rounding
   * of every term.
   */
  private BigDecimal[] cosSeries(BigDecimal m) {
    if (m.abs().compareTo(BigDecimal.valueOf(16)) > 0) {
      throw new Undecided();
    }
    BigDecimal m2 = m.multiply(m, work);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(digits + 12);
    int n = 0;
    while (true) {
      sum = sum.add(term, work);
      n++;
      term = term.multiply(m2, work).divide(BigDecimal.valueOf((2L * n - 1) * (2L * n)), work).negate();
      boolean decreasing = m2.compareTo(BigDecimal.valueOf((2L * n + 1) * (2L * n + 2))) < 0;
      if (decreasing && term.abs().compareTo(eps) < 0) {
        BigDecimal rounding = BigDecimal.ONE.movePointLeft(digits + 8).multiply(BigDecimal.valueOf(n + 1));
        return new BigDecimal[] {sum, term.abs().add(rounding)};
      }
    }
  }

  /** arccos is decreasing: [arccos(hi), arccos(lo)] with the arguments clipped to [-1, 1]. */
  private Bounds arccos(Bounds b) {
    if (b.lo.compareTo(BigDecimal.ONE) > 0 || b.hi.compareTo(BigDecimal.ONE.negate()) < 0) {
      throw new NotRealException("arccos outside [-1, 1]");
    }
    BigDecimal lo = b.hi.compareTo(BigDecimal.ONE) >= 0 ? BigDecimal.ZERO : arccosBound(b.hi, false);
    BigDecimal hi = b.lo.compareTo(BigDecimal.ONE.negate()) <= 0
        ? PI.add(BigDecimal.ONE.movePointLeft(130)).round(up) : arccosBound(b.lo, true);
    return new Bounds(lo, hi);
  }

  /**
   * A bound on arccos(y), y in (-1, 1): theta near it (Newton on cos theta = y), moved outward until
   * the certified cos(theta) is on the right side of y (cos decreases on [0, pi]).
   */
  private BigDecimal arccosBound(BigDecimal y, boolean upper) {
    BigDecimal t = new BigDecimal(Math.acos(y.doubleValue()));
    for (int precision = 15; precision < 2 * (digits + 20); precision *= 2) {
      BigDecimal[] c = cosSeries(t);
      BigDecimal sin = BigDecimal.ONE.subtract(c[0].multiply(c[0], work)).sqrt(work);
      if (sin.signum() == 0) {
        throw new Undecided();
      }
      t = t.add(c[0].subtract(y).divide(sin, work), work);
    }
    BigDecimal step = BigDecimal.ONE.movePointLeft(digits - 2);
    for (int tries = 0; tries < 8; tries++, step = step.multiply(BigDecimal.TEN)) {
      BigDecimal theta = (upper ? t.add(step) : t.subtract(step)).round(upper ? up : down);
      if (theta.signum() < 0) {
        theta = BigDecimal.ZERO;
      }
      Bounds c = cos(new Bounds(theta, theta));
      if (upper ? c.hi.compareTo(y) <= 0 : c.lo.compareTo(y) >= 0) {
        return theta;
      }
    }
    throw new Undecided();
  }
}
