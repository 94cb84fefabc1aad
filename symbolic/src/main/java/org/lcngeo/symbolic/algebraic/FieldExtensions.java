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

  /**
   * The field Q(theta) = Q(gamma, b) and the images of gamma and b in it; elements of Q(gamma) are
   * mapped by the powers of gamma's image, computed once.
   */
  public static final class Extension {
    private final NumberField field;
    private final FieldElement generatorImage;
    private final FieldElement adjoined;
    private volatile List<FieldElement> generatorPowers;

    public Extension(NumberField field, FieldElement generatorImage, FieldElement adjoined) {
      this.field = field;
      this.generatorImage = generatorImage;
      this.adjoined = adjoined;
    }

    /** Q(theta). */
    public NumberField field() {
      return field;
    }

    /** The image of gamma, the generator of the smaller field. */
    public FieldElement generatorImage() {
      return generatorImage;
    }

    /** The image of b. */
    public FieldElement adjoined() {
      return adjoined;
    }

    /**
     * The images 1, g, ..., g^(d-1) of the powers of gamma (g its image, d = [Q(gamma) : Q]), the
     * basis in which an element of Q(gamma) is mapped: computed once, at least d of them.
     */
    public List<FieldElement> generatorPowers(int d) {
      List<FieldElement> p = generatorPowers;
      if (p == null || p.size() < d) {
        List<FieldElement> q = new ArrayList<>(p == null ? List.of(field.one()) : p);
        while (q.size() < d) {
          org.lcngeo.core.Deadline.checkCurrent();
          q.add(q.get(q.size() - 1).multiply(generatorImage));
        }
        p = List.copyOf(q);
        generatorPowers = p;
      }
      return p.subList(0, d);
    }

    /**
     * The image in {@link #field()} of an element of the smaller field Q(gamma): one integer
     * linear combination of the images of gamma's powers (no product in Q(theta) per element).
     */
    public FieldElement map(FieldElement e) {
      if (e.field() == field) {
        return e;
      }
      List<BigFraction> c = e.coefficients();
      return FieldElement.linearCombination(c, generatorPowers(c.size()));
    }
  }

  /**
   * Thrown when the field needed exceeds the degree bound the caller set, or when factoring the
   * polynomial that defines it exceeds the recombination bound of {@link Zassenhaus} (a subclass):
   * a designed limit (the fiber reports it as the reason it is incomplete; escaping to the command
   * line it is exit 2).
   */
  public static class DegreeBoundExceeded extends org.lcngeo.core.LimitExceededException {
    private static final long serialVersionUID = 1L;

    public DegreeBoundExceeded(String message) {
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
    List<FieldElement> inK = new ArrayList<>();
    for (BigFraction c : b.minimalPolynomial()) {
      inK.add(f.element(c));
    }
    Extension byNorm = byNorm(f, inK, b, maxDegree);
    if (byNorm != null) {
      return byNorm;
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

  /**
   * Q(gamma, b) as {@link #adjoin(NumberField, RealAlgebraicNumber, int)}, trying first whether b
   * is one of the given elements of f (e.g. the negation of a number adjoined before, as for the
   * real roots of an even polynomial): f itself when m_b(c) = 0 in f and c lies in b's isolating
   * interval (decided exactly), so the norm of an element already in f is not factored.
   */
  public static Extension adjoin(
      NumberField f, RealAlgebraicNumber b, int maxDegree, List<FieldElement> candidates) {
    if (!b.isRational()) {
      for (FieldElement c : candidates) {
        org.lcngeo.core.Deadline.checkCurrent();
        if (isValue(c, b)) {
          return new Extension(f, f.theta(), c);
        }
      }
    }
    return adjoin(f, b, maxDegree);
  }

  /** Whether c (in its field) is the irrational real algebraic number b. */
  private static boolean isValue(FieldElement c, RealAlgebraicNumber b) {
    if (c.isRational()) {
      return false;
    }
    List<BigFraction> m = b.minimalPolynomial();
    FieldElement v = c.field().zero();
    for (int i = m.size() - 1; i >= 0; i--) {
      v = v.multiply(c).add(c.field().element(m.get(i)));
    }
    if (!v.isZero()) {
      return false;
    }
    RationalInterval iv = b.isolatingInterval();
    return c.subtract(c.field().element(iv.lo())).signum() > 0
        && c.field().element(iv.hi()).subtract(c).signum() > 0;
  }

  /**
   * K(b) for a simple real root b of p in K[x] (K = f = Q(gamma), p given by its coefficients in
   * K, lowest degree first), e.g. the rescaling root beta_1 of Prop. 2 / 12 for a tuple over K, by
   * Trager's norm method restricted to the one factor needed. theta = b + k gamma is a root of the
   * norm N(x) = Res_y(m_gamma(y), p(x - k y)) of degree [K : Q] deg p; when N is squarefree, the
   * factor g of N over Q through theta (Rings, identified by enclosures) is theta's minimal
   * polynomial and q = gcd_K(p(x), g(x + k gamma)) is the irreducible factor of p over K through
   * b, found by Euclid over K on polynomials of degree below deg p (g(x + k gamma) is reduced
   * modulo p by Horner). When q is linear, b lies in K and K itself is returned. Otherwise L =
   * Q(theta) and gamma = sum c_i theta^i is found by linear algebra over Q from the trace form,
   * Tr(gamma theta^j) = sum_i c_i Tr(theta^(i+j)), with Tr_{L/Q}(gamma theta^j) = Tr_{K/Q}(gamma
   * Tr_{L/K}((b + k gamma)^j)) from the power sums of the roots of q over K (Newton's identities):
   * no polynomial arithmetic over L, whose coefficients swell. The result is checked exactly
   * (m_gamma(gamma) = 0 and q(b) = 0 in L); otherwise {@link #adjoin} is used.
   *
   * @throws DegreeBoundExceeded if K(b) exceeds maxDegree
   */
  public static Extension adjoinRoot(
      NumberField f, List<FieldElement> p, RealAlgebraicNumber b, int maxDegree) {
    int d = f.degree();
    if (b.isRational() || d == 1 || p.size() < 3) {
      return adjoin(f, b, maxDegree);
    }
    Extension e = byNorm(f, p, b, maxDegree);
    return e != null ? e : adjoin(f, b, maxDegree);
  }

  /**
   * The largest norm degree [K : Q] deg p that {@link #byNorm} factors over Q. Norms split into
   * many small factors modulo every prime, and Zassenhaus' recombination is exponential in their
   * number: z^4 + z - 1 over k = (3,3) needs a norm of degree 72 (36 factors modulo p), factored in
   * seconds; without a bound, a random target of FiberPropertiesTest (fields of degree up to 16,
   * roots of degree up to 8, so norms up to degree 128) ran for 20 minutes in the recombination.
   * Above the bound, {@link #adjoin}'s composed sums or its degree bound decide, as before the
   * norm method.
   */
  static final int NORM_MAX_DEGREE = 72;

  /**
   * {@link #adjoinRoot}'s norm method; null when the norm's degree exceeds {@link
   * #NORM_MAX_DEGREE} or no shift k = 1..3 gives a squarefree norm.
   */
  private static Extension byNorm(
      NumberField f, List<FieldElement> p, RealAlgebraicNumber b, int maxDegree) {
    int d = f.degree();
    RealAlgebraicNumber gamma = f.generator();
    if ((long) d * (p.size() - 1) > NORM_MAX_DEGREE) {
      return null; // Zassenhaus' recombination may take minutes: the other methods or the bound decide
    }
    for (int k = 1; k <= 3; k++) {
      BigFraction[] norm = shiftedNorm(f, p, k);
      if (!Polynomials.isSquarefree(norm)) {
        continue;
      }
      int kk = k;
      RealAlgebraicNumber theta = RealAlgebraicNumber.select(
          norm,
          round -> {
            if (round > 0) {
              b.refineTo(8 * round + 8);
              gamma.refineTo(8 * round + 8);
            }
            return b.isolatingInterval().add(gamma.isolatingInterval().multiply(new BigFraction(kk)));
          });
      List<FieldElement> q = gcd(p, shiftedModulo(theta.minimalArray(), f, k, p));
      if (q.size() == 2) {
        return new Extension(f, f.theta(), q.get(0).negate());
      }
      if (theta.degree() != d * (q.size() - 1)) {
        throw new IllegalStateException("the factor through " + b + " has degree " + (q.size() - 1)
            + " over a field of degree " + d + " but its norm has degree " + theta.degree());
      }
      check(theta.degree(), maxDegree);
      Extension e = byTraces(f, q, NumberField.of(theta), k);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /**
   * N(x) = Norm_{K/Q}(p(x - k gamma)) (p in K[x], lowest degree first), of degree [K : Q] deg p,
   * by interpolation at x = 0 .. [K : Q] deg p of the norms of elements of K (each the constant
   * term of a characteristic polynomial from traces).
   */
  static BigFraction[] shiftedNorm(NumberField f, List<FieldElement> p, int k) {
    int n = f.degree() * (p.size() - 1);
    FieldElement shift = f.theta().multiply(new BigFraction(k));
    BigFraction[] xs = new BigFraction[n + 1];
    BigFraction[] ys = new BigFraction[n + 1];
    for (int j = 0; j <= n; j++) {
      org.lcngeo.core.Deadline.checkCurrent();
      FieldElement at = f.element(new BigFraction(j)).subtract(shift);
      FieldElement v = f.zero();
      for (int i = p.size() - 1; i >= 0; i--) {
        v = v.multiply(at).add(p.get(i));
      }
      xs[j] = new BigFraction(j);
      ys[j] = f.norm(v);
    }
    return Polynomials.interpolate(xs, ys);
  }

  /** g(x + k gamma) modulo p in K[x] (g rational, lowest degree first), by Horner. */
  private static List<FieldElement> shiftedModulo(
      BigFraction[] g, NumberField f, int k, List<FieldElement> p) {
    List<FieldElement> lin = List.of(f.theta().multiply(new BigFraction(k)), f.one());
    List<FieldElement> h = List.of(f.zero());
    for (int i = g.length - 1; i >= 0; i--) {
      org.lcngeo.core.Deadline.checkCurrent();
      h = remainder(add(multiply(h, lin), List.of(f.element(g[i]))), p);
    }
    return h;
  }

  /** gamma in L = Q(theta), theta = b + k gamma, from the trace form; null if the check fails. */
  private static Extension byTraces(NumberField f, List<FieldElement> p, NumberField g, int k) {
    int d = f.degree();
    int n = g.degree();
    BigFraction[] thetaTraces = Polynomials.powerSums(g.minimalPolynomial().toArray(new BigFraction[0]), 2 * n);
    BigFraction[] gammaTraces = Polynomials.powerSums(f.minimalPolynomial().toArray(new BigFraction[0]), 2 * d);
    // power sums of the roots of p over K (monic), s_0 .. s_{n-1}
    FieldElement lead = p.get(p.size() - 1).inverse();
    List<FieldElement> a = p.stream().map(x -> x.multiply(lead)).toList();
    List<FieldElement> s = powerSums(a, n);
    // Tr_{L/K}((b + k gamma)^j) = sum_r C(j, r) (k gamma)^(j-r) s_r
    FieldElement kg = f.theta().multiply(new BigFraction(k));
    List<BigFraction> rhs = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      FieldElement t = f.zero();
      java.math.BigInteger binom = java.math.BigInteger.ONE;
      FieldElement[] kgPowers = new FieldElement[j + 1];
      kgPowers[0] = f.one();
      for (int i = 1; i <= j; i++) {
        kgPowers[i] = kgPowers[i - 1].multiply(kg);
      }
      for (int r = 0; r <= j; r++) {
        t = t.add(s.get(r).multiply(kgPowers[j - r]).multiply(new BigFraction(binom)));
        binom = binom.multiply(java.math.BigInteger.valueOf(j - r))
            .divide(java.math.BigInteger.valueOf(r + 1));
      }
      rhs.add(trace(f.theta().multiply(t), gammaTraces));
    }
    List<List<BigFraction>> hankel = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<BigFraction> row = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        row.add(thetaTraces[i + j]);
      }
      hankel.add(row);
    }
    // the solution is proved by what it means (m_gamma(gamma) = 0 and q(b) = 0 in L): since the
    // norm is squarefree, theta = b + k gamma determines the pair of conjugates (gamma, b) under
    // every embedding, so these identities single out the images (no product with the Hankel
    // matrix, whose entries are long, is needed)
    Extension[] found = new Extension[1];
    List<BigFraction> c = org.lcngeo.symbolic.linalg.ModularSolver.solve(hankel, rhs, 1 << 12,
        x -> (found[0] = embedding(f, p, g, k, x)) != null);
    if (c == null) {
      c = org.lcngeo.symbolic.linalg.ExactLinearAlgebra.solve(hankel, rhs);
      found[0] = c == null ? null : embedding(f, p, g, k, c);
    }
    if (found[0] == null) {
      return null;
    }
    g.attach(new Tower(f, a, kg));
    return found[0];
  }

  /**
   * K(b) = L = Q(theta) with gamma = sum c_i theta^i, b = theta - k gamma, when that is one:
   * m_gamma(gamma) = 0 and p(b) = 0 in L, checked exactly; null otherwise.
   */
  private static Extension embedding(NumberField f, List<FieldElement> p, NumberField g, int k,
      List<BigFraction> c) {
    FieldElement gammaImage = g.element(c);
    FieldElement bImage = g.theta().subtract(gammaImage.multiply(new BigFraction(k)));
    Extension e = new Extension(g, gammaImage, bImage);
    FieldElement mg = g.zero();
    List<BigFraction> m = f.minimalPolynomial();
    for (int i = m.size() - 1; i >= 0; i--) {
      mg = mg.multiply(gammaImage).add(g.element(m.get(i)));
    }
    if (!mg.isZero()) {
      return null;
    }
    FieldElement pb = g.zero();
    for (int i = p.size() - 1; i >= 0; i--) {
      pb = pb.multiply(bImage).add(e.map(p.get(i)));
    }
    return pb.isZero() ? e : null;
  }

  /**
   * The power sums s_0 .. s_(count-1) of the roots of a monic polynomial over K (coefficients
   * lowest degree first), by Newton's identities.
   */
  static List<FieldElement> powerSums(List<FieldElement> monic, int count) {
    NumberField f = monic.get(0).field();
    int h = monic.size() - 1;
    List<FieldElement> s = new ArrayList<>();
    s.add(f.element(new BigFraction(h)));
    for (int r = 1; r < count; r++) {
      FieldElement v = r <= h ? monic.get(h - r).multiply(new BigFraction(-r)) : f.zero();
      for (int i = 1; i <= Math.min(r - 1, h); i++) {
        v = v.subtract(monic.get(h - i).multiply(s.get(r - i)));
      }
      s.add(v);
    }
    return s;
  }

  /** Tr_{K/Q}(x) from the traces of the powers of the generator. */
  private static BigFraction trace(FieldElement x, BigFraction[] generatorTraces) {
    BigFraction t = BigFraction.ZERO;
    List<BigFraction> c = x.coefficients();
    for (int i = 0; i < c.size(); i++) {
      t = t.add(c.get(i).multiply(generatorTraces[i]));
    }
    return t;
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

  /**
   * The monic gcd (a and b not both zero): {@link ModularGcd}, or Euclid over K when it finds
   * nothing within its bound on primes.
   */
  static List<FieldElement> gcd(List<FieldElement> a, List<FieldElement> b) {
    List<FieldElement> x = trim(a);
    List<FieldElement> y = trim(b);
    if (x.size() > 1 && y.size() > 1) {
      java.util.Optional<List<FieldElement>> g = ModularGcd.gcd(x, y);
      if (g.isPresent()) {
        return g.get();
      }
    }
    return euclid(x, y);
  }

  /** The monic gcd by Euclid over K (a and b not both zero, trimmed). */
  static List<FieldElement> euclid(List<FieldElement> a, List<FieldElement> b) {
    List<FieldElement> x = a;
    List<FieldElement> y = b;
    while (!(y.size() == 1 && y.get(0).isZero())) {
      org.lcngeo.core.Deadline.checkCurrent();
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
