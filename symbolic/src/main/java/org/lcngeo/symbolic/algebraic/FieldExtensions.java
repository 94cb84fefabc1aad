package org.lcngeo.symbolic.algebraic;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Real number fields grown one real algebraic number at a time: Q(gamma, b) = Q(theta) with the
 * primitive element theta = gamma + k b (the classical construction, k = 1, 2, ... until it
 * separates), so that values from several fields (the roots of pi_1(v) split over R, then the
 * rescaling root beta_1 of Prop. 2 / 12) become elements of one {@link NumberField} where
 * arithmetic is integer vector arithmetic and equality is exact.
 *
 * <p>Exact: theta is a real algebraic number (minimal polynomial from a resultant factored over Q,
 * its root identified by enclosures); b is then the unique common root of m_b(Y) and
 * m_gamma(theta - k Y), read off their gcd over Q(theta) when that gcd is linear (for a bad k it is
 * not, and the next k is tried). Cost: one resultant of degree deg(gamma) deg(b) factored over Q
 * and one polynomial gcd over Q(theta) per k.
 */
public final class FieldExtensions {
  private static final int MAX_SHIFTS = 12;

  /** The field Q(theta) = Q(gamma, b) and the images of gamma and b in it. */
  public record Extension(NumberField field, FieldElement generatorImage, FieldElement adjoined) {
    /** The image in {@link #field()} of an element of the smaller field Q(gamma). */
    public FieldElement map(FieldElement e) {
      if (e.field() == field) {
        return e;
      }
      List<BigFraction> c = e.coefficients();
      FieldElement s = field.zero();
      for (int r = c.size() - 1; r >= 0; r--) {
        s = s.multiply(generatorImage).add(field.element(c.get(r)));
      }
      return s;
    }
  }

  /** Thrown when the field needed exceeds the degree bound the caller set. */
  public static final class DegreeBoundExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DegreeBoundExceeded(String message) {
      super(message);
    }
  }

  private FieldExtensions() {}

  /** Q itself, as the field of degree one. */
  public static NumberField rationals() {
    return NumberField.of(RealAlgebraicNumber.of(BigFraction.ZERO));
  }

  /**
   * Q(gamma, b) for the field f = Q(gamma).
   *
   * @throws DegreeBoundExceeded if its degree over Q exceeds maxDegree
   */
  public static Extension adjoin(NumberField f, RealAlgebraicNumber b, int maxDegree) {
    if (b.isRational()) {
      return new Extension(f, f.theta(), f.element(b.toRational()));
    }
    if (f.degree() == 1) {
      check(b.degree(), maxDegree);
      NumberField g = NumberField.of(b);
      return new Extension(g, g.element(f.generator().toRational()), g.theta());
    }
    if ((long) f.degree() * b.degree() > 4L * maxDegree) {
      throw new DegreeBoundExceeded("Q(" + f.generator() + ", " + b + ") may have degree up to "
          + (long) f.degree() * b.degree() + ", above the bound " + maxDegree);
    }
    RealAlgebraicNumber gamma = f.generator();
    List<BigFraction> mb = b.minimalPolynomial();
    List<BigFraction> mg = gamma.minimalPolynomial();
    for (int k = 1; k <= MAX_SHIFTS; k++) {
      RealAlgebraicNumber theta = gamma.add(b.multiply(new BigFraction(k)));
      check(theta.degree(), maxDegree);
      if (theta.degree() < f.degree()) {
        continue;
      }
      NumberField g = NumberField.of(theta);
      List<FieldElement> a = new ArrayList<>();
      for (BigFraction c : mb) {
        a.add(g.element(c));
      }
      // m_gamma(theta - k Y) by Horner in the linear polynomial theta - k Y
      List<FieldElement> lin = List.of(g.theta(), g.element(new BigFraction(-k)));
      List<FieldElement> h = List.of(g.zero());
      for (int i = mg.size() - 1; i >= 0; i--) {
        h = add(multiply(h, lin), List.of(g.element(mg.get(i))));
      }
      List<FieldElement> d = gcd(a, h);
      if (d.size() == 2) {
        FieldElement image = d.get(0).negate().divide(d.get(1));
        return new Extension(g, g.theta().subtract(image.multiply(new BigFraction(k))), image);
      }
    }
    throw new IllegalStateException("no primitive element gamma + k b found for k <= " + MAX_SHIFTS);
  }

  private static void check(int degree, int maxDegree) {
    if (degree > maxDegree) {
      throw new DegreeBoundExceeded(
          "a number field of degree " + degree + " is needed, above the bound " + maxDegree);
    }
  }

  // ------------------------------------------------------------------ polynomials over a field

  /** Polynomials over a number field, coefficient lists lowest degree first, without zero top. */
  public static List<FieldElement> multiply(List<FieldElement> a, List<FieldElement> b) {
    NumberField f = a.get(0).field();
    List<FieldElement> out = new ArrayList<>();
    for (int i = 0; i < a.size() + b.size() - 1; i++) {
      out.add(f.zero());
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).isZero()) {
        continue;
      }
      for (int j = 0; j < b.size(); j++) {
        out.set(i + j, out.get(i + j).add(a.get(i).multiply(b.get(j))));
      }
    }
    return trim(out);
  }

  public static List<FieldElement> add(List<FieldElement> a, List<FieldElement> b) {
    List<FieldElement> out = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      FieldElement x = i < a.size() ? a.get(i) : null;
      FieldElement y = i < b.size() ? b.get(i) : null;
      out.add(x == null ? y : y == null ? x : x.add(y));
    }
    return trim(out);
  }

  /** The monic gcd (a and b not both zero). */
  static List<FieldElement> gcd(List<FieldElement> a, List<FieldElement> b) {
    List<FieldElement> x = trim(a);
    List<FieldElement> y = trim(b);
    while (!(y.size() == 1 && y.get(0).isZero())) {
      List<FieldElement> r = remainder(x, y);
      x = y;
      y = r;
    }
    FieldElement lead = x.get(x.size() - 1).inverse();
    List<FieldElement> out = new ArrayList<>();
    for (FieldElement c : x) {
      out.add(c.multiply(lead));
    }
    return out;
  }

  private static List<FieldElement> remainder(List<FieldElement> a, List<FieldElement> b) {
    List<FieldElement> r = new ArrayList<>(a);
    FieldElement inv = b.get(b.size() - 1).inverse();
    for (int top = r.size() - 1; top >= b.size() - 1; top--) {
      FieldElement c = r.get(top).multiply(inv);
      if (c.isZero()) {
        continue;
      }
      int shift = top - (b.size() - 1);
      for (int i = 0; i < b.size(); i++) {
        r.set(shift + i, r.get(shift + i).subtract(c.multiply(b.get(i))));
      }
    }
    List<FieldElement> out = new ArrayList<>(r.subList(0, Math.min(r.size(), Math.max(1, b.size() - 1))));
    return trim(out);
  }

  private static List<FieldElement> trim(List<FieldElement> p) {
    int n = p.size();
    while (n > 1 && p.get(n - 1).isZero()) {
      n--;
    }
    return new ArrayList<>(p.subList(0, n));
  }
}
