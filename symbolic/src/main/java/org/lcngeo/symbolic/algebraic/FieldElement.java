package org.lcngeo.symbolic.algebraic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.core.algebra.Rationals;

/**
 * An element (n_0 + n_1 theta + ... + n_{d-1} theta^{d-1}) / den of a {@link NumberField}
 * Q(theta): integer numerators over one positive common denominator, in lowest terms, so equality
 * within one field is equality of the vectors. Arithmetic is integer arithmetic on the vectors;
 * the value is reached through theta's isolating interval only for signs, decimals and conversion
 * to a {@link RealAlgebraicNumber}. Immutable.
 */
public final class FieldElement {
  private static final int MAX_DIGITS = 20_000;
  /** Precisions of theta at which unequal values of different fields are told apart cheaply. */
  private static final int[] SEPARATION_BITS = {0, 64, 256};

  private final NumberField field;
  private final BigInteger[] num;
  private final BigInteger den;
  private volatile RealAlgebraicNumber realAlgebraic;

  private FieldElement(NumberField field, BigInteger[] num, BigInteger den) {
    this.field = field;
    this.num = num;
    this.den = den;
  }

  /** Normalizes num / den (nulls read as zero) to lowest terms with den > 0. */
  static FieldElement of(NumberField field, BigInteger[] num, BigInteger den) {
    if (den.signum() == 0) {
      throw new ArithmeticException("zero denominator");
    }
    BigInteger[] n = new BigInteger[num.length];
    BigInteger g = den;
    for (int i = 0; i < n.length; i++) {
      n[i] = num[i] == null ? BigInteger.ZERO : num[i];
      if (n[i].signum() != 0 && !g.equals(BigInteger.ONE)) {
        g = g.gcd(n[i]);
      }
    }
    if (den.signum() < 0) {
      g = g.negate();
    }
    boolean zero = Arrays.stream(n).allMatch(x -> x.signum() == 0);
    if (zero) {
      return new FieldElement(field, n, BigInteger.ONE);
    }
    if (!g.equals(BigInteger.ONE)) {
      for (int i = 0; i < n.length; i++) {
        n[i] = n[i].divide(g);
      }
      den = den.divide(g);
    }
    return new FieldElement(field, n, den);
  }

  public NumberField field() {
    return field;
  }

  BigInteger[] numerators() {
    return num;
  }

  BigInteger denominator() {
    return den;
  }

  /** The coefficients q_0..q_{d-1} over 1, theta, ..., theta^(d-1) (always d of them). */
  public List<BigFraction> coefficients() {
    return List.of(coefficientArray());
  }

  BigFraction[] coefficientArray() {
    BigFraction[] c = new BigFraction[num.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = new BigFraction(num[i], den);
    }
    return c;
  }

  public boolean isZero() {
    return Arrays.stream(num).allMatch(x -> x.signum() == 0);
  }

  /** Whether the element is rational (only the constant coefficient may be non-zero). */
  public boolean isRational() {
    for (int i = 1; i < num.length; i++) {
      if (num[i].signum() != 0) {
        return false;
      }
    }
    return true;
  }

  /** The value of a rational element; {@link ArithmeticException} otherwise. */
  public BigFraction toRational() {
    if (!isRational()) {
      throw new ArithmeticException("not a rational element of " + field);
    }
    return new BigFraction(num[0], den);
  }

  // ------------------------------------------------------------------ arithmetic

  private void check(FieldElement o) {
    if (o.field != field && !o.field.equals(field)) {
      throw new IllegalArgumentException("elements of different number fields");
    }
  }

  public FieldElement add(FieldElement o) {
    check(o);
    BigInteger l = NumberField.lcm(den, o.den);
    BigInteger fa = l.divide(den);
    BigInteger fb = l.divide(o.den);
    BigInteger[] s = new BigInteger[num.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = num[i].multiply(fa).add(o.num[i].multiply(fb));
    }
    return of(field, s, l);
  }

  public FieldElement negate() {
    BigInteger[] s = new BigInteger[num.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = num[i].negate();
    }
    return new FieldElement(field, s, den);
  }

  public FieldElement subtract(FieldElement o) {
    return add(o.negate());
  }

  public FieldElement multiply(FieldElement o) {
    check(o);
    return field.reduce(IntegerConvolution.multiply(num, o.num), den.multiply(o.den));
  }

  public FieldElement multiply(BigFraction q) {
    BigInteger[] s = new BigInteger[num.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = num[i].multiply(q.getNumerator());
    }
    return of(field, s, den.multiply(q.getDenominator()));
  }

  /** 1 / this; {@link ArithmeticException} for zero. */
  public FieldElement inverse() {
    if (isZero()) {
      throw new ArithmeticException("division by zero");
    }
    if (isRational()) {
      return field.element(toRational().reciprocal());
    }
    return field.inverse(this);
  }

  public FieldElement divide(FieldElement o) {
    return multiply(o.inverse());
  }

  /**
   * sum_l scalars[l] * elements[l], the kernel of K^(delta) = sum_l (||w_l||^2 / beta_l) K_l: one
   * common denominator, integer multiply-adds only.
   */
  public static FieldElement linearCombination(List<BigFraction> scalars, List<FieldElement> elements) {
    if (scalars.size() != elements.size() || elements.isEmpty()) {
      throw new IllegalArgumentException("need as many scalars as elements, at least one");
    }
    NumberField f = elements.get(0).field;
    BigInteger l = BigInteger.ONE;
    for (int k = 0; k < scalars.size(); k++) {
      if (scalars.get(k).signum() != 0) {
        l = NumberField.lcm(l, scalars.get(k).getDenominator().multiply(elements.get(k).den));
      }
    }
    int d = f.degree();
    BigInteger[] s = new BigInteger[d];
    Arrays.fill(s, BigInteger.ZERO);
    for (int k = 0; k < scalars.size(); k++) {
      BigFraction q = scalars.get(k);
      if (q.signum() == 0) {
        continue;
      }
      FieldElement e = elements.get(k);
      e.check(elements.get(0));
      BigInteger factor = q.getNumerator().multiply(l.divide(q.getDenominator().multiply(e.den)));
      for (int i = 0; i < d; i++) {
        if (e.num[i].signum() != 0) {
          s[i] = s[i].add(factor.multiply(e.num[i]));
        }
      }
    }
    return of(f, s, l);
  }

  // ------------------------------------------------------------------ value

  /** The sign of the value, decided exactly (refining theta until the enclosure excludes 0). */
  public int signum() {
    if (isRational()) {
      return num[0].signum();
    }
    while (true) {
      RationalInterval e = field.enclose(this);
      if (e.lo().signum() > 0) {
        return 1;
      }
      if (e.hi().signum() < 0) {
        return -1;
      }
      field.refineGenerator();
    }
  }

  /**
   * The value as a real algebraic number, computed once. Its minimal polynomial is the
   * characteristic polynomial chi of multiplication by this element when chi is squarefree (the
   * usual case: a generator of the field), isolated among the values at the field's real
   * embeddings ({@link NumberField#isolate}); otherwise (an element of a proper subfield) the
   * irreducible factor of chi whose root the enclosures of this element single out.
   */
  public RealAlgebraicNumber toRealAlgebraic() {
    RealAlgebraicNumber r = realAlgebraic;
    if (r == null) {
      r = computeRealAlgebraic();
      realAlgebraic = r;
    }
    return r;
  }

  private RealAlgebraicNumber computeRealAlgebraic() {
    if (isRational()) {
      return RealAlgebraicNumber.of(toRational());
    }
    BigFraction[] charPoly = field.characteristicPolynomial(this);
    if (Polynomials.isSquarefree(charPoly)) {
      return field.isolate(this, charPoly);
    }
    // an element of a proper subfield: chi is a power of its minimal polynomial, so chi's
    // squarefree part is that polynomial, irreducible: nothing to factor
    return RealAlgebraicNumber.selectRoot(Polynomials.squarefreePart(charPoly), this::enclosure);
  }

  /** The route for any element: chi factored over Q, its root picked by Descartes' bounds on enclosures. */
  RealAlgebraicNumber slowRealAlgebraic(BigFraction[] charPoly) {
    return RealAlgebraicNumber.select(charPoly, this::enclosure);
  }

  /** The enclosure of the value in round r: from theta's interval, halved four times per round. */
  private RationalInterval enclosure(int round) {
    if (round > 0) {
      for (int i = 0; i < 4; i++) {
        field.refineGenerator();
      }
    }
    return field.enclose(this);
  }

  /**
   * Whether this and o have the same value, decided exactly, also across different fields (then
   * through {@link RealAlgebraicNumber}s, after a cheap certified check of the enclosures).
   */
  public boolean valueEquals(FieldElement o) {
    if (o.field == field || o.field.equals(field)) {
      return equals(o);
    }
    if (isRational() || o.isRational()) {
      // a non-constant coefficient vector is irrational: the power basis is a Q-basis.
      return isRational() && o.isRational() && toRational().equals(o.toRational());
    }
    for (int bits : SEPARATION_BITS) {
      if (field.separated(this, o, bits)) {
        return false;
      }
    }
    return toRealAlgebraic().equals(o.toRealAlgebraic());
  }

  /**
   * Whether xs.get(i) and ys.get(i) have the same value for every i, decided exactly across
   * fields: first a certified rejection pass over all pairs by enclosures (cheap, and it settles
   * almost every unequal case), then exact comparison of the remaining pairs through {@link
   * RealAlgebraicNumber}s, each distinct element converted once.
   */
  public static boolean allValuesEqual(List<FieldElement> xs, List<FieldElement> ys) {
    if (xs.size() != ys.size()) {
      return false;
    }
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      FieldElement a = xs.get(i);
      FieldElement b = ys.get(i);
      if (a.field == b.field || a.field.equals(b.field)) {
        if (!a.equals(b)) {
          return false;
        }
      } else if (a.isRational() || b.isRational()) {
        if (!(a.isRational() && b.isRational() && a.toRational().equals(b.toRational()))) {
          return false;
        }
      } else {
        open.add(i);
      }
    }
    for (int bits : SEPARATION_BITS) {
      for (int i : open) {
        if (xs.get(i).field.separated(xs.get(i), ys.get(i), bits)) {
          return false;
        }
      }
    }
    Map<FieldElement, RealAlgebraicNumber> cache = new HashMap<>();
    for (int i : open) {
      RealAlgebraicNumber a = cache.computeIfAbsent(xs.get(i), FieldElement::toRealAlgebraic);
      RealAlgebraicNumber b = cache.computeIfAbsent(ys.get(i), FieldElement::toRealAlgebraic);
      if (!a.equals(b)) {
        return false;
      }
    }
    return true;
  }

  /** Correctly rounded (half-even) to the given number of significant digits. */
  public BigDecimal toBigDecimal(int significantDigits) {
    if (significantDigits < 1 || significantDigits > MAX_DIGITS) {
      throw new IllegalArgumentException(
          "significant digits must be between 1 and " + MAX_DIGITS + ", not " + significantDigits);
    }
    MathContext mc = new MathContext(significantDigits, RoundingMode.HALF_EVEN);
    if (isRational()) {
      return RealAlgebraicNumber.decimal(toRational(), mc);
    }
    BigDecimal fast = fastDecimal(significantDigits, mc);
    if (fast != null) {
      return fast;
    }
    int coefficientBits = 0;
    for (BigInteger x : num) {
      coefficientBits = Math.max(coefficientBits, x.bitLength() - den.bitLength());
    }
    int bits = (int) Math.ceil(significantDigits * 3.33) + 32 + coefficientBits;
    while (true) {
      RationalInterval e = field.enclose(this);
      if (!e.containsZero()) {
        BigDecimal lo = RealAlgebraicNumber.decimal(e.lo(), mc);
        BigDecimal hi = RealAlgebraicNumber.decimal(e.hi(), mc);
        if (lo.compareTo(hi) == 0) {
          return lo;
        }
        BigFraction m = e.lo().signum() > 0 ? e.lo() : e.hi().negate();
        int smallness = m.getDenominator().bitLength() - m.getNumerator().bitLength();
        bits = Math.max(bits, (int) Math.ceil(significantDigits * 3.33) + 16 + smallness);
      }
      field.generator().refineTo(bits);
      bits += 16;
    }
  }

  /**
   * The value correctly rounded, from decimal enclosures of the powers of theta (shared by all
   * elements of the field): the lower and upper bounds of sum_r num_r theta^r / den are computed
   * with directed rounding, and the result is returned only when both round to the same decimal
   * (and neither side of zero is in doubt). Null when the enclosure is too wide, e.g. under heavy
   * cancellation; the caller then refines exactly.
   */
  private BigDecimal fastDecimal(int significantDigits, MathContext mc) {
    int precision = significantDigits + 24;
    NumberField.DecimalPowers p = field.decimalPowers(precision);
    BigDecimal sumLo = BigDecimal.ZERO;
    BigDecimal sumHi = BigDecimal.ZERO;
    for (int r = 0; r < num.length; r++) {
      if (num[r] == null || num[r].signum() == 0) {
        continue;
      }
      BigDecimal c = new BigDecimal(num[r]);
      boolean positive = num[r].signum() > 0;
      sumLo = sumLo.add(c.multiply(positive ? p.lo()[r] : p.hi()[r]));
      sumHi = sumHi.add(c.multiply(positive ? p.hi()[r] : p.lo()[r]));
    }
    BigDecimal d = new BigDecimal(den);
    boolean negativeDen = den.signum() < 0;
    BigDecimal lo = (negativeDen ? sumHi : sumLo).divide(d, new MathContext(precision, RoundingMode.FLOOR));
    BigDecimal hi = (negativeDen ? sumLo : sumHi).divide(d, new MathContext(precision, RoundingMode.CEILING));
    if (lo.signum() != hi.signum() || lo.signum() == 0) {
      return null;
    }
    BigDecimal a = lo.round(mc);
    BigDecimal b = hi.round(mc);
    return a.compareTo(b) == 0 ? a : null;
  }

  /** Plain decimal string as {@link RealAlgebraicNumber#toDecimalString}; "0" for zero. */
  public String toDecimalString(int significantDigits) {
    BigDecimal d = toBigDecimal(significantDigits);
    return RealAlgebraicNumber.plain(d, isRational() && Rationals.fromDecimal(d).equals(toRational()));
  }

  /**
   * This element as an expression tree: a rational; in a quadratic field a radical such as
   * (3+Sqrt(109))/10; otherwise the polynomial in the generator's form when that is one Symja
   * evaluates (checked once per field, {@link RealAlgebraicNumber#toExpr}), else its own form as a
   * real algebraic number (radicals when its degree is at most four), else the real-root form.
   */
  public Expr toExpr() {
    if (isRational()) {
      return Exprs.num(toRational());
    }
    BigFraction[] c = coefficientArray();
    if (field.degree() == 2) {
      return QuadraticSurd.of(field.generator()).affine(c[0], c[1]).toExpr();
    }
    Expr g = field.generatorExpr();
    if (Exprs.contains(g, Expr.RealRoot.class)) {
      return toRealAlgebraic().toExpr();
    }
    List<Expr> terms = new ArrayList<>();
    for (int i = c.length - 1; i >= 0; i--) {
      terms.add(Exprs.product(Exprs.num(c[i]), Exprs.power(g, i)));
    }
    return Exprs.sum(terms);
  }

  /** Equality of the coefficient vectors in the same field. */
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof FieldElement e
            && (e.field == field || e.field.equals(field))
            && den.equals(e.den)
            && Arrays.equals(num, e.num);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(num) * 31 + den.hashCode();
  }

  /**
   * For diagnostics, in plain text ({@link Printer#TEXT}): the polynomial in the field's generator
   * g, and the field.
   */
  @Override
  public String toString() {
    return Printer.TEXT.print(Exprs.polynomial(Arrays.asList(coefficientArray()), Exprs.symbol("g")))
        + " in " + field;
  }
}
