package org.lcngeo.symbolic.algebraic;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.core.algebra.Rationals;

/**
 * An exact real algebraic number: its minimal polynomial over Q (monic, irreducible) and an
 * isolating interval that contains exactly one real root of it (found with JAS' Sturm sequences),
 * refined in place by exact bisection and certified Newton steps whenever more precision is
 * needed. The design follows FLINT/Calcium's {@code qqbar}:
 * every decision (sign, comparison, equality) is certified, never made with a tolerance.
 *
 * <p>Arithmetic is exact: with a rational operand by substitution in the minimal polynomial; for
 * two irrational operands the result is a root of a resultant (Res_y(p(y), q(x - y)) for sums,
 * Res_y(p(y), y^m q(x/y)) for products, computed with JAS subresultants), factored over Q with JAS
 * and identified among the roots of the factors by interval arithmetic on refined enclosures,
 * certified by Descartes' rule of signs.
 * Values that share one number field are much cheaper as {@link FieldElement}s of a {@link
 * NumberField}; this type is for values of different fields (the NTKs of different fiber points,
 * Sec. 2.3 / Example 19 of the paper) and for square roots such as the rescaling factors
 * lambda_l of Prop. 2 / 12.
 *
 * <p>Immutable as a value; the isolating interval is a cache that only shrinks (thread-safe).
 */
public final class RealAlgebraicNumber implements Comparable<RealAlgebraicNumber> {
  private static final int REFINE_STEPS = 4;
  private static final int MAX_DIGITS = 20_000;

  /** Monic minimal polynomial, lowest degree first. */
  private final BigFraction[] minimal;
  /** The value when the degree is one, else null. */
  private final BigFraction rational;
  /** Primitive integer multiple of {@link #minimal}, for exact sign evaluation. */
  private final BigInteger[] integerMinimal;

  private BigFraction lo;
  private BigFraction hi;
  private int signAtLo;
  private volatile Expr expr;
  /** Counts real roots of the minimal polynomial without a Sturm sequence; null: Sturm. */
  private final RootCounter counter;
  /** The index among the real roots by size when known at construction (1 = smallest), else 0. */
  private final int knownIndex;
  /** The Sturm sequence of the minimal polynomial in integers, computed on first use. */
  private volatile List<BigInteger[]> sturm;

  private RealAlgebraicNumber(BigFraction q) {
    this.rational = q;
    this.minimal = new BigFraction[] {q.negate(), BigFraction.ONE};
    this.integerMinimal = null;
    this.lo = q;
    this.hi = q;
    this.counter = null;
    this.knownIndex = 0;
  }

  /**
   * An irrational root: {@code minimal} is monic irreducible of degree at least two with exactly
   * one root in the open interval (lo, hi) (its end points, rational, are not roots).
   */
  private RealAlgebraicNumber(BigFraction[] minimal, BigFraction lo, BigFraction hi) {
    this(minimal, lo, hi, null, 0);
  }

  private RealAlgebraicNumber(BigFraction[] minimal, BigFraction lo, BigFraction hi,
      RootCounter counter, int knownIndex) {
    this.rational = null;
    this.counter = counter;
    this.knownIndex = knownIndex;
    this.minimal = minimal;
    this.integerMinimal = Polynomials.primitive(minimal);
    this.lo = lo;
    this.hi = hi;
    this.signAtLo = Polynomials.signAt(integerMinimal, lo);
    if (signAtLo == 0 || Polynomials.signAt(integerMinimal, hi) != -signAtLo) {
      throw new IllegalStateException("not an isolating interval: (" + lo + ", " + hi + ")");
    }
  }

  // ------------------------------------------------------------------ construction

  /** The rational number q. */
  public static RealAlgebraicNumber of(BigFraction q) {
    return new RealAlgebraicNumber(q);
  }

  public static RealAlgebraicNumber of(long n) {
    return new RealAlgebraicNumber(new BigFraction(n));
  }

  /**
   * The unique real root in (lo, hi] of the polynomial with the given rational coefficients
   * (lowest degree first).
   *
   * @throws IllegalArgumentException if the polynomial is constant, lo >= hi, or it has not
   *     exactly one distinct real root in (lo, hi]
   */
  public static RealAlgebraicNumber root(
      List<BigFraction> coeffsLowToHigh, BigFraction lo, BigFraction hi) {
    BigFraction[] p = Polynomials.trim(coeffsLowToHigh.toArray(new BigFraction[0]));
    if (p.length < 2) {
      throw new IllegalArgumentException("a constant polynomial has no isolated root");
    }
    if (lo.compareTo(hi) >= 0) {
      throw new IllegalArgumentException("empty interval (" + lo + ", " + hi + "]");
    }
    RealAlgebraicNumber found = null;
    int count = 0;
    for (BigFraction[] f : Polynomials.irreducibleFactors(p)) {
      if (f.length == 2) {
        BigFraction r = f[0].negate();
        if (r.compareTo(lo) > 0 && r.compareTo(hi) <= 0) {
          count++;
          found = of(r);
        }
      } else {
        long c = Polynomials.rootCount(Polynomials.sturmSequence(f), lo, hi);
        if (c > 0) {
          count += (int) c;
          found = new RealAlgebraicNumber(f, lo, hi);
        }
      }
    }
    if (count != 1) {
      throw new IllegalArgumentException(
          "the polynomial has " + count + " distinct real roots in (" + lo + ", " + hi
              + "], not exactly one");
    }
    return found;
  }

  /**
   * Counts the real roots of a minimal polynomial in an open interval (lo, hi) whose end points
   * are rational, hence not roots, or null for -infinity and +infinity; exact.
   */
  @FunctionalInterface
  interface RootCounter {
    long count(BigFraction lo, BigFraction hi);
  }

  /**
   * The root of the irreducible {@code minimal} (monic, degree >= 2) isolated by {@code iv}, the
   * {@code index}-th real root by size, whose real roots {@code counter} counts: for numbers that
   * know their conjugates ({@link NumberField}), so that no Sturm sequence is computed.
   */
  static RealAlgebraicNumber counted(BigFraction[] minimal, RationalInterval iv, int index,
      RootCounter counter) {
    return new RealAlgebraicNumber(minimal, iv.lo(), iv.hi(), counter, index);
  }

  /**
   * The real roots of an irreducible polynomial of degree >= 2 (rational coefficients, lowest
   * degree first), increasing: bisection of (-B, B), B a power of two above Cauchy's bound, until
   * Descartes' bound of each piece is 0 or 1 (then exact; it terminates since the polynomial is
   * squarefree). Dyadic end points, never roots.
   */
  static List<RealAlgebraicNumber> realRootsOfIrreducible(BigFraction[] f) {
    BigFraction[] monic = Polynomials.monic(f);
    BigFraction cauchy = BigFraction.ONE;
    for (int i = 0; i < monic.length - 1; i++) {
      cauchy = RationalInterval.max(cauchy, monic[i].abs().add(BigFraction.ONE));
    }
    BigFraction bound = new BigFraction(BigInteger.ONE.shiftLeft(floor(cauchy).bitLength() + 1));
    List<RealAlgebraicNumber> roots = new ArrayList<>();
    java.util.ArrayDeque<BigFraction[]> todo = new java.util.ArrayDeque<>();
    todo.push(new BigFraction[] {bound.negate(), bound});
    while (!todo.isEmpty()) {
      Deadline.checkCurrent();
      BigFraction[] iv = todo.pop();
      int c = Polynomials.descartesBound(monic, iv[0], iv[1]);
      if (c == 1) {
        roots.add(new RealAlgebraicNumber(monic, iv[0], iv[1]));
      } else if (c > 1) {
        BigFraction mid = iv[0].add(iv[1]).divide(2);
        todo.push(new BigFraction[] {mid, iv[1]});
        todo.push(new BigFraction[] {iv[0], mid});
      }
    }
    return roots;
  }

  /** All distinct real roots of a non-zero polynomial with rational coefficients, increasing. */
  public static List<RealAlgebraicNumber> realRoots(List<BigFraction> coeffsLowToHigh) {
    BigFraction[] p = Polynomials.trim(coeffsLowToHigh.toArray(new BigFraction[0]));
    if (p.length == 0) {
      throw new IllegalArgumentException("the zero polynomial has every number as a root");
    }
    List<RealAlgebraicNumber> roots = new ArrayList<>();
    if (p.length == 1) {
      return roots;
    }
    for (BigFraction[] f : Polynomials.irreducibleFactors(p)) {
      if (f.length == 2) {
        roots.add(of(f[0].negate()));
      } else {
        // Sturm bisection from the Cauchy bound (JAS' own isolation returned, for 2x^2 - 3x - 1,
        // the interval of one root twice); rational end points of an irreducible f of degree >= 2
        // are never roots
        BigFraction bound = BigFraction.ONE;
        for (int i = 0; i < f.length - 1; i++) {
          bound = RationalInterval.max(bound, f[i].divide(f[f.length - 1]).abs().add(BigFraction.ONE));
        }
        List<GenPolynomial<BigRational>> sturm = Polynomials.sturmSequence(f);
        isolate(f, sturm, bound.negate(), bound,
            Polynomials.rootCount(sturm, bound.negate(), bound), roots);
      }
    }
    Collections.sort(roots);
    return roots;
  }

  /** Appends the count roots of f in (lo, hi) in increasing order, each with its own interval. */
  private static void isolate(BigFraction[] f, List<GenPolynomial<BigRational>> sturm,
      BigFraction lo, BigFraction hi, long count, List<RealAlgebraicNumber> out) {
    if (count == 0) {
      return;
    }
    if (count == 1) {
      out.add(new RealAlgebraicNumber(f, lo, hi));
      return;
    }
    BigFraction mid = lo.add(hi).divide(2);
    long left = Polynomials.rootCount(sturm, lo, mid);
    isolate(f, sturm, lo, mid, left, out);
    isolate(f, sturm, mid, hi, count - left, out);
  }

  /**
   * The root of {@code candidate} that the shrinking enclosures single out: factors the candidate
   * over Q, then tightens the enclosure (refining the operands it is computed from) until exactly
   * one root of one factor lies in it. The true value must lie in every enclosure.
   */
  static RealAlgebraicNumber select(BigFraction[] candidate, Enclosures enclosures) {
    return selectAmong(Polynomials.irreducibleFactors(Polynomials.trim(candidate)), enclosures);
  }

  /** The root of the irreducible polynomial f that the shrinking enclosures single out (nothing factored). */
  static RealAlgebraicNumber selectRoot(BigFraction[] f, Enclosures enclosures) {
    return selectAmong(List.<BigFraction[]>of(Polynomials.monic(Polynomials.trim(f))), enclosures);
  }

  /**
   * {@link #select} among known monic irreducible factors. Each enclosure is first rounded outward
   * to a dyadic grid a little finer than its width: end points of a few hundred bits instead of the
   * thousands an enclosure of a long field element has, on which Descartes' rule and every later
   * refinement are cheap; only when that wider interval leaves the choice open is the enclosure
   * itself tested.
   */
  private static RealAlgebraicNumber selectAmong(List<BigFraction[]> factors, Enclosures enclosures) {
    for (int round = 0; ; round++) {
      org.lcngeo.core.Deadline.checkCurrent();
      RationalInterval exact = enclosures.enclosure(round);
      if (!exact.lo().equals(exact.hi())) {
        RealAlgebraicNumber r = selectIn(factors, NumberField.dyadicHull(exact, widthBits(exact) + 16));
        if (r != null) {
          return r;
        }
      }
      RealAlgebraicNumber r = selectIn(factors, exact);
      if (r != null) {
        return r;
      }
    }
  }

  /**
   * About -log2 of the width of e (the precision bits of {@link RationalInterval#precisionBits}),
   * from the cross products of the end points, without reducing the fraction (the end points of
   * an enclosure can have thousands of bits).
   */
  private static int widthBits(RationalInterval e) {
    BigInteger n = e.hi().getNumerator().multiply(e.lo().getDenominator())
        .subtract(e.lo().getNumerator().multiply(e.hi().getDenominator()));
    BigInteger d = e.hi().getDenominator().multiply(e.lo().getDenominator());
    return Math.max(16, d.bitLength() - n.bitLength() + 4);
  }

  /** The root of one of the factors that is the only one in e, or null when Descartes' rule leaves that open. */
  private static RealAlgebraicNumber selectIn(List<BigFraction[]> factors, RationalInterval e) {
    int count = 0;
    int which = -1;
    boolean decided = true;
    for (int i = 0; i < factors.size() && decided && count < 2; i++) {
      BigFraction[] f = factors.get(i);
      int c;
      if (f.length == 2) {
        c = e.contains(f[0].negate()) ? 1 : 0;
      } else if (e.lo().equals(e.hi())) {
        c = 0; // an irrational root is never a rational point
      } else {
        c = Polynomials.descartesBound(f, e.lo(), e.hi());
        decided = c <= 1;
      }
      count += c;
      if (c > 0) {
        which = i;
      }
    }
    if (!decided || count > 1) {
      return null;
    }
    if (count == 0) {
      throw new IllegalStateException("no root of the candidate polynomial in " + e);
    }
    BigFraction[] f = factors.get(which);
    if (f.length == 2) {
      return of(f[0].negate());
    }
    return new RealAlgebraicNumber(f, e.lo(), e.hi());
  }

  /**
   * The root of {@code candidate} (rational coefficients, lowest degree first) that lies in every
   * one of the given enclosures, which must shrink to the value as the round grows: the public
   * form of the identification by enclosures (factors of the candidate over Q, Descartes' rule),
   * for values known as roots of a polynomial and by certified intervals, e.g. 2 Re(c) for a
   * complex root c isolated in a rectangle.
   */
  public static RealAlgebraicNumber identify(
      List<BigFraction> candidate, java.util.function.IntFunction<RationalInterval> enclosures) {
    return select(candidate.toArray(new BigFraction[0]), enclosures::apply);
  }

  /** Enclosures of a value being identified, round 0 from the current state, later ones tighter. */
  @FunctionalInterface
  interface Enclosures {
    RationalInterval enclosure(int round);
  }

  // ------------------------------------------------------------------ accessors

  /** The monic minimal polynomial over Q, lowest degree first. */
  public List<BigFraction> minimalPolynomial() {
    return List.of(minimal);
  }

  BigFraction[] minimalArray() {
    return minimal;
  }

  /** Degree of the minimal polynomial (1 for rationals). */
  public int degree() {
    return minimal.length - 1;
  }

  public boolean isRational() {
    return rational != null;
  }

  /** The value of a rational number; {@link ArithmeticException} if it is irrational. */
  public BigFraction toRational() {
    if (rational == null) {
      throw new ArithmeticException("not a rational number (degree " + degree() + ")");
    }
    return rational;
  }

  /**
   * The current isolating interval: the point [q, q] for a rational q; otherwise an interval whose
   * interior holds the number and no other root of the minimal polynomial (its rational end points
   * are not roots). It only shrinks as the number is refined.
   */
  public synchronized RationalInterval isolatingInterval() {
    return new RationalInterval(lo, hi);
  }

  /** Lower end of {@link #isolatingInterval()}. */
  public BigFraction lowerBound() {
    return isolatingInterval().lo();
  }

  /** Upper end of {@link #isolatingInterval()}. */
  public BigFraction upperBound() {
    return isolatingInterval().hi();
  }

  /** Halves the isolating interval (no-op for rationals). */
  synchronized void refine() {
    if (rational != null) {
      return;
    }
    BigFraction mid = lo.add(hi).divide(2);
    int s = Polynomials.signAt(integerMinimal, mid);
    if (s == 0) {
      throw new IllegalStateException("rational root of an irreducible polynomial of degree > 1");
    }
    if (s == signAtLo) {
      lo = mid;
    } else {
      hi = mid;
    }
  }

  /**
   * Refines until the isolating interval is narrower than 2^-bits: Newton steps with quadratic
   * convergence, each accepted only if the sign change of the minimal polynomial certifies the new
   * (dyadic) interval, and bisection whenever a step is not certified.
   */
  public void refineTo(int bits) {
    if (rational != null) {
      return;
    }
    BigFraction target = new BigFraction(BigInteger.ONE, BigInteger.ONE.shiftLeft(bits));
    while (isolatingInterval().width().compareTo(target) >= 0) {
      org.lcngeo.core.Deadline.checkCurrent();
      if (!newtonStep()) {
        refine(REFINE_STEPS);
      }
    }
  }

  /**
   * One Newton step from the midpoint: x = m - p(m)/p'(m) rounded to a dyadic number, and the
   * interval x +- w^2 (w the current width) if p changes sign across it inside the current one.
   */
  private synchronized boolean newtonStep() {
    BigFraction w = hi.subtract(lo);
    int b = w.getDenominator().bitLength() - w.getNumerator().bitLength(); // w ~ 2^-b
    if (b < 8) {
      return false;
    }
    BigFraction m = lo.add(hi).divide(2);
    BigInteger u = m.getNumerator();
    BigInteger v = m.getDenominator();
    int n = integerMinimal.length - 1;
    // P = v^n p(u/v), D = v^(n-1) p'(u/v), by Horner in u with powers of v
    BigInteger pv = integerMinimal[n];
    BigInteger dv = integerMinimal[n].multiply(BigInteger.valueOf(n));
    BigInteger vp = BigInteger.ONE;
    for (int i = n - 1; i >= 0; i--) {
      vp = vp.multiply(v);
      pv = pv.multiply(u).add(integerMinimal[i].multiply(vp));
      if (i > 0) {
        dv = dv.multiply(u).add(integerMinimal[i].multiply(BigInteger.valueOf(i)).multiply(vp));
      }
    }
    if (dv.signum() == 0) {
      return false;
    }
    // x = u/v - P / (v D) = (u D - P) / (v D), rounded to the grid 2^-k
    int k = 2 * b + 4;
    BigInteger num = u.multiply(dv).subtract(pv).shiftLeft(k);
    BigInteger den = v.multiply(dv);
    BigInteger grid = num.divide(den);
    BigInteger scale = BigInteger.ONE.shiftLeft(k);
    BigInteger eps = BigInteger.ONE.shiftLeft(4); // 2^-(2b) on the grid 2^-(2b+4)
    BigFraction l = new BigFraction(grid.subtract(eps), scale);
    BigFraction h = new BigFraction(grid.add(eps), scale);
    if (l.compareTo(lo) <= 0 || h.compareTo(hi) >= 0) {
      return false;
    }
    if (Polynomials.signAt(integerMinimal, l) != signAtLo
        || Polynomials.signAt(integerMinimal, h) != -signAtLo) {
      return false;
    }
    lo = l;
    hi = h;
    return true;
  }

  private void refine(int steps) {
    for (int i = 0; i < steps; i++) {
      refine();
    }
  }

  // ------------------------------------------------------------------ arithmetic

  public RealAlgebraicNumber negate() {
    if (rational != null) {
      return of(rational.negate());
    }
    RationalInterval iv = isolatingInterval();
    return new RealAlgebraicNumber(
        Polynomials.monic(Polynomials.reflect(minimal)), iv.hi().negate(), iv.lo().negate());
  }

  public RealAlgebraicNumber add(RealAlgebraicNumber o) {
    if (rational != null && o.rational != null) {
      return of(rational.add(o.rational));
    }
    if (rational != null) {
      return o.addRational(rational);
    }
    if (o.rational != null) {
      return addRational(o.rational);
    }
    return select(
        Polynomials.composedSum(minimal, o.minimal),
        round -> {
          if (round > 0) {
            refine(REFINE_STEPS);
            o.refine(REFINE_STEPS);
          }
          return isolatingInterval().add(o.isolatingInterval());
        });
  }

  private RealAlgebraicNumber addRational(BigFraction q) {
    if (q.signum() == 0) {
      return this;
    }
    RationalInterval iv = isolatingInterval();
    return new RealAlgebraicNumber(
        Polynomials.monic(Polynomials.shift(minimal, q)), iv.lo().add(q), iv.hi().add(q));
  }

  public RealAlgebraicNumber subtract(RealAlgebraicNumber o) {
    return add(o.negate());
  }

  public RealAlgebraicNumber multiply(RealAlgebraicNumber o) {
    if (rational != null && o.rational != null) {
      return of(rational.multiply(o.rational));
    }
    if (rational != null) {
      return o.multiplyRational(rational);
    }
    if (o.rational != null) {
      return multiplyRational(o.rational);
    }
    return select(
        Polynomials.composedProduct(minimal, o.minimal),
        round -> {
          if (round > 0) {
            refine(REFINE_STEPS);
            o.refine(REFINE_STEPS);
          }
          return isolatingInterval().multiply(o.isolatingInterval());
        });
  }

  /** This times a rational q. */
  public RealAlgebraicNumber multiply(BigFraction q) {
    return rational != null ? of(rational.multiply(q)) : multiplyRational(q);
  }

  private RealAlgebraicNumber multiplyRational(BigFraction q) {
    if (q.signum() == 0) {
      return of(BigFraction.ZERO);
    }
    if (q.equals(BigFraction.ONE)) {
      return this;
    }
    RationalInterval iv = isolatingInterval().multiply(q);
    return new RealAlgebraicNumber(
        Polynomials.monic(Polynomials.scaleRoots(minimal, q)), iv.lo(), iv.hi());
  }

  /** 1 / this; {@link ArithmeticException} for zero. */
  public RealAlgebraicNumber inverse() {
    if (rational != null) {
      if (rational.signum() == 0) {
        throw new ArithmeticException("division by zero");
      }
      return of(rational.reciprocal());
    }
    RationalInterval iv = isolatingInterval();
    while (iv.containsZero()) {
      org.lcngeo.core.Deadline.checkCurrent();
      refine();
      iv = isolatingInterval();
    }
    return new RealAlgebraicNumber(
        Polynomials.monic(Polynomials.reverse(minimal)), iv.hi().reciprocal(), iv.lo().reciprocal());
  }

  public RealAlgebraicNumber divide(RealAlgebraicNumber o) {
    return multiply(o.inverse());
  }

  /** The non-negative square root; {@link ArithmeticException} for a negative number. */
  public RealAlgebraicNumber sqrt() {
    int s = signum();
    if (s < 0) {
      throw new ArithmeticException("square root of a negative number");
    }
    if (s == 0) {
      return this;
    }
    if (rational != null) {
      BigInteger n = rational.getNumerator();
      BigInteger d = rational.getDenominator();
      BigInteger rn = n.sqrt();
      BigInteger rd = d.sqrt();
      if (rn.multiply(rn).equals(n) && rd.multiply(rd).equals(d)) {
        return of(new BigFraction(rn, rd));
      }
    }
    // signum() > 0 has refined the interval to lo >= 0 for irrationals.
    BigFraction[] candidate = Polynomials.squareArgument(minimal);
    // a square of Q(x) is >= 0 under every real embedding: with a negative real conjugate, x is
    // no square there, so y^2 - x is irreducible over Q(x) and candidate (monic, of degree 2 deg
    // x) is the minimal polynomial of sqrt(x) (Capelli): nothing to factor
    List<BigFraction[]> factors = counter != null && counter.count(null, BigFraction.ZERO) > 0
        ? List.<BigFraction[]>of(candidate)
        : Polynomials.irreducibleFactors(Polynomials.trim(candidate));
    return selectAmong(
        factors,
        round -> {
          if (round > 0) {
            refine(REFINE_STEPS);
          }
          RationalInterval iv = isolatingInterval();
          return iv.sqrt(iv.precisionBits() + 8);
        });
  }

  // ------------------------------------------------------------------ order and equality

  /** The sign, decided exactly. */
  public int signum() {
    if (rational != null) {
      return rational.signum();
    }
    while (true) {
      org.lcngeo.core.Deadline.checkCurrent();
      RationalInterval iv = isolatingInterval();
      if (iv.lo().signum() >= 0) {
        return 1;
      }
      if (iv.hi().signum() <= 0) {
        return -1;
      }
      refine();
    }
  }

  @Override
  public int compareTo(RealAlgebraicNumber o) {
    if (rational != null && o.rational != null) {
      return rational.compareTo(o.rational);
    }
    if (equals(o)) {
      return 0;
    }
    while (true) {
      org.lcngeo.core.Deadline.checkCurrent();
      RationalInterval a = isolatingInterval();
      RationalInterval b = o.isolatingInterval();
      if (a.hi().compareTo(b.lo()) <= 0) {
        return -1;
      }
      if (b.hi().compareTo(a.lo()) <= 0) {
        return 1;
      }
      refine();
      o.refine();
    }
  }

  /**
   * Exact equality: the same minimal polynomial and the same root of it (the intersection of the
   * isolating intervals holds a root, by Descartes' rule on the intersection).
   */
  @Override
  public boolean equals(Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof RealAlgebraicNumber o) || !Arrays.equals(minimal, o.minimal)) {
      return false;
    }
    if (rational != null) {
      return true;
    }
    while (true) {
      org.lcngeo.core.Deadline.checkCurrent();
      RationalInterval a = isolatingInterval();
      RationalInterval b = o.isolatingInterval();
      BigFraction l = RationalInterval.max(a.lo(), b.lo());
      BigFraction h = RationalInterval.min(a.hi(), b.hi());
      if (l.compareTo(h) >= 0) {
        return false;
      }
      // each interval holds exactly one root, so the intersection holds the common one or none
      int bound = Polynomials.descartesBound(minimal, l, h);
      if (bound <= 1) {
        return bound == 1;
      }
      refine();
      o.refine();
    }
  }

  /** From the minimal polynomial only, hence consistent with the exact {@link #equals}. */
  @Override
  public int hashCode() {
    return Arrays.hashCode(minimal);
  }

  // ------------------------------------------------------------------ output

  /**
   * The number rounded to the given number of significant digits (half-even), correctly: the
   * isolating interval is refined until both of its end points round to the same decimal.
   */
  public BigDecimal toBigDecimal(int significantDigits) {
    if (significantDigits < 1 || significantDigits > MAX_DIGITS) {
      throw new IllegalArgumentException(
          "significant digits must be between 1 and " + MAX_DIGITS + ", not " + significantDigits);
    }
    MathContext mc = new MathContext(significantDigits, RoundingMode.HALF_EVEN);
    if (rational != null) {
      return decimal(rational, mc);
    }
    int base = (int) Math.ceil(significantDigits * 3.33) + 8;
    int bits = base;
    while (true) {
      org.lcngeo.core.Deadline.checkCurrent();
      refineTo(bits);
      RationalInterval iv = isolatingInterval();
      if (!iv.containsZero()) {
        BigDecimal a = decimal(iv.lo(), mc);
        BigDecimal b = decimal(iv.hi(), mc);
        if (a.compareTo(b) == 0) {
          return a;
        }
        BigFraction m = iv.lo().signum() > 0 ? iv.lo() : iv.hi().negate();
        int smallness = m.getDenominator().bitLength() - m.getNumerator().bitLength();
        bits = Math.max(bits, base + smallness);
      }
      bits += 16;
    }
  }

  /**
   * {@link #toBigDecimal} as a plain string without exponent: all requested digits, except that an
   * exactly represented rational drops its trailing zeros ("2", "0.5"); "0" for zero.
   */
  public String toDecimalString(int significantDigits) {
    BigDecimal d = toBigDecimal(significantDigits);
    return plain(d, rational != null && Rationals.fromDecimal(d).equals(rational));
  }

  static String plain(BigDecimal d, boolean exact) {
    if (d.signum() == 0) {
      return "0";
    }
    return (exact ? d.stripTrailingZeros() : d).toPlainString();
  }

  static BigDecimal decimal(BigFraction q, MathContext mc) {
    return new BigDecimal(q.getNumerator()).divide(new BigDecimal(q.getDenominator()), mc);
  }

  /**
   * This number as an expression tree: a rational; a radical such as (1+Sqrt(5))/2 in degree two;
   * +-Sqrt(x^2) when the minimal polynomial is a polynomial in x^2 (nested radicals such as the
   * rescaling factors lambda_l); in degree three and four the real radical form of {@link
   * RadicalForms} that denotes this number (certified by {@link RadicalForms#identifies}, without
   * Symja); otherwise the k-th real root, by size, of the minimal polynomial ({@link
   * Expr.RealRoot}) with a certified start of Newton's iteration ({@link NewtonStart}), which is
   * how Symja evaluates it.
   */
  public Expr toExpr() {
    if (rational != null) {
      return Exprs.num(rational);
    }
    if (degree() == 2) {
      return QuadraticSurd.of(this).toExpr();
    }
    Expr e = expr;
    if (e == null) {
      if (isEven(minimal)) {
        // x = +-Sqrt(x^2), and x^2 has half the degree: 2^(1/4) prints as Sqrt(Sqrt(2))
        Expr root = Exprs.sqrt(square().toExpr());
        e = signum() < 0 ? Exprs.negate(root) : root;
      } else {
        e = certifiedForm();
      }
      expr = e;
    }
    return e;
  }

  /** The first radical form that denotes this number, else the real-root form. */
  private Expr certifiedForm() {
    for (Expr candidate : RadicalForms.candidates(this)) {
      Deadline.checkCurrent();
      if (RadicalForms.identifies(candidate, this)) {
        return candidate;
      }
    }
    return new Expr.RealRoot(List.of(integerMinimal), increasingIndex(), NewtonStart.of(this));
  }

  /**
   * The certificate of this number (FLINT's qqbar): its minimal polynomial with integer
   * coefficients, lowest degree first, and an isolating interval with rational end points; and
   * whether {@link #toExpr()} is a form that Symja evaluates (every form is, since {@link
   * Expr.RealRoot} prints as a Newton iteration; the field stays for readers of the JSON).
   */
  public Certificate certificate() {
    if (rational != null) {
      BigInteger[] p = {rational.getNumerator().negate(), rational.getDenominator()};
      return new Certificate(List.of(p), rational, rational, true);
    }
    toExpr();
    RationalInterval iv = shortIsolatingInterval();
    return new Certificate(List.of(integerMinimal), iv.lo(), iv.hi(), true);
  }

  /**
   * An isolating interval with short decimal end points: the current interval rounded outward to
   * 4, 8, 16, ... decimals, the first that still holds exactly one root (a Sturm count; rational
   * end points are never roots of the irreducible minimal polynomial).
   */
  private RationalInterval shortIsolatingInterval() {
    RationalInterval iv = isolatingInterval();
    for (int k = 4; k <= 1024; k *= 2) {
      BigInteger scale = BigInteger.TEN.pow(k);
      BigFraction lo = new BigFraction(floor(iv.lo().multiply(scale)), scale);
      BigFraction hi = new BigFraction(floor(iv.hi().multiply(scale)).add(BigInteger.ONE), scale);
      if (rootCount(lo, hi) == 1) {
        return new RationalInterval(lo, hi);
      }
    }
    return iv;
  }

  /**
   * The number of real roots of the minimal polynomial in (lo, hi), rational end points that are
   * not roots: by the counter when there is one; else Descartes' bound when it is 0 or 1 (then
   * exact), else the Sturm sequence.
   */
  long rootCount(BigFraction lo, BigFraction hi) {
    if (counter != null) {
      return counter.count(lo, hi);
    }
    int bound = Polynomials.descartesBound(minimal, lo, hi);
    return bound <= 1 ? bound : Polynomials.sturmCount(sturm(), lo, hi);
  }

  private List<BigInteger[]> sturm() {
    List<BigInteger[]> s = sturm;
    if (s == null) {
      s = Polynomials.integerSturmSequence(minimal);
      sturm = s;
    }
    return s;
  }

  static BigInteger floor(BigFraction q) {
    BigInteger[] qr = q.getNumerator().divideAndRemainder(q.getDenominator());
    return q.signum() < 0 && qr[1].signum() != 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /**
   * A real algebraic number's certificate: the k-th real root in (lo, hi) of the integer
   * polynomial {@code minimalPolynomial} (lowest degree first); {@code symjaEvaluates} says
   * whether its exact string is a form Symja evaluates (every form is; the round-trip tests evaluate them in Symja).
   */
  public record Certificate(
      List<BigInteger> minimalPolynomial, BigFraction lo, BigFraction hi, boolean symjaEvaluates) {}

  /**
   * 1 + the number of real roots of the minimal polynomial below this number: known at
   * construction, or counted by the counter, or one Sturm count (integer sequence) on (-infinity,
   * lo) with lo the lower end of a short isolating interval (rational, so not a root of the
   * irreducible polynomial of degree >= 2; short, so cheap to evaluate at).
   */
  private int increasingIndex() {
    if (knownIndex > 0) {
      return knownIndex;
    }
    if (counter != null) {
      return 1 + (int) counter.count(null, isolatingInterval().lo());
    }
    // the roots below the isolating interval are those below the lower end of a short one
    return 1 + (int) Polynomials.sturmCount(sturm(), null, shortIsolatingInterval().lo());
  }

  /** Whether p(x) = q(x^2): only even powers. */
  private static boolean isEven(BigFraction[] p) {
    for (int i = 1; i < p.length; i += 2) {
      if (p[i].signum() != 0) {
        return false;
      }
    }
    return true;
  }

  /** x^2 for an x whose minimal polynomial is q(x^2): a root of q. */
  private RealAlgebraicNumber square() {
    BigFraction[] q = new BigFraction[(minimal.length + 1) / 2];
    for (int i = 0; i < q.length; i++) {
      q[i] = minimal[2 * i];
    }
    int sign = signum(); // refines the interval away from 0
    // q is irreducible, as the minimal polynomial q(x^2) is: a factor of q would give one of it
    return selectRoot(
        q,
        round -> {
          if (round > 0) {
            refine(REFINE_STEPS);
          }
          RationalInterval iv = isolatingInterval();
          return sign > 0
              ? new RationalInterval(iv.lo().multiply(iv.lo()), iv.hi().multiply(iv.hi()))
              : new RationalInterval(iv.hi().multiply(iv.hi()), iv.lo().multiply(iv.lo()));
        });
  }

  /**
   * For diagnostics, in plain text ({@link Printer#TEXT}): the rational, or the root of the
   * minimal polynomial in its isolating interval, with its decimals.
   */
  @Override
  public String toString() {
    if (rational != null) {
      return Printer.TEXT.print(Exprs.num(rational));
    }
    RationalInterval iv = isolatingInterval();
    return "root of " + Printer.TEXT.print(Exprs.polynomial(Arrays.asList(minimal), Exprs.symbol("x")))
        + " in (" + Printer.TEXT.print(Exprs.num(iv.lo())) + ", " + Printer.TEXT.print(Exprs.num(iv.hi()))
        + ") ~ " + toDecimalString(20);
  }
}
