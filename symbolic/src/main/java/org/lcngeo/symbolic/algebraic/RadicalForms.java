package org.lcngeo.symbolic.algebraic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.symbolic.expr.Enclosure;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.symbolic.expr.NumericValue;

/**
 * Candidate real radical forms of a real algebraic number of degree three or four: every real
 * root of the minimal polynomial written with real functions only, so that no branch of a
 * complex root is involved.
 *
 * <ul>
 *   <li>cubic, three real roots: Viete's 2 sqrt(-p/3) cos((arccos((3q/2p) sqrt(-3/p)) - 2 pi k)/3);
 *   <li>cubic, one real root: Cardano's cbrt(-q/2 + sqrt(D)) + cbrt(-q/2 - sqrt(D)) with real
 *       cube roots;
 *   <li>quartic: Ferrari's y = (+-s +- sqrt(-2m - 2p -+ 2q/s))/2, s = sqrt(2m), with m > 0 a real
 *       root of the resolvent cubic (itself written in radicals), or the biquadratic formula.
 * </ul>
 *
 * Each candidate is a root of the minimal polynomial by construction, whenever its radicands are
 * non-negative and its arccos arguments lie in [-1, 1]. The candidates come ordered by their
 * distance (in double precision) to the number; {@link #identifies} certifies the one kept.
 */
final class RadicalForms {
  private RadicalForms() {}

  /** The candidate forms of the real roots of x's minimal polynomial, nearest to x first. */
  static List<Expr> candidates(RealAlgebraicNumber x) {
    BigFraction[] m = x.minimalArray();
    List<Expr> forms = m.length == 4 ? cubic(m[2], m[1], m[0]) : m.length == 5 ? quartic(m) : List.of();
    double target = x.toBigDecimal(20).doubleValue();
    List<Expr> sorted = new ArrayList<>(forms);
    sorted.removeIf(e -> !Double.isFinite(NumericValue.of(e)));
    sorted.sort(Comparator.comparingDouble(e -> Math.abs(NumericValue.of(e) - target)));
    return sorted;
  }

  /** Digits of the enclosures {@link #identifies} tries, in turn. */
  private static final int[] DIGITS = {30, 60, Enclosure.MAX_DIGITS};

  /**
   * Whether the candidate form e denotes x, decided without Symja: a certified {@link Enclosure}
   * of e (which is real: every radicand certified positive) and x's isolating interval span an
   * interval where the minimal polynomial has exactly one root (Descartes' bound 1); e is a root of
   * it, so e = x. False when the enclosure is disjoint from x's interval or e is not real; false
   * also when still undecided at {@link Enclosure#MAX_DIGITS} digits (the caller then prints the
   * {@link Expr.RealRoot} form, which is certified without evaluation).
   */
  static boolean identifies(Expr e, RealAlgebraicNumber x) {
    BigFraction[] p = x.minimalArray();
    for (int digits : DIGITS) {
      Deadline.checkCurrent();
      Enclosure.Bounds b;
      try {
        b = Enclosure.of(e, digits);
      } catch (Enclosure.NotRealException notReal) {
        return false;
      }
      if (b == null) {
        continue;
      }
      x.refineTo((int) (digits * 3.33));
      RationalInterval iv = x.isolatingInterval();
      BigFraction lo = b.lower();
      BigFraction hi = b.upper();
      if (hi.compareTo(iv.lo()) < 0 || lo.compareTo(iv.hi()) > 0) {
        return false;
      }
      // rational end points are no roots of the irreducible minimal polynomial (degree > 1)
      if (Polynomials.descartesBound(p, RationalInterval.min(lo, iv.lo()), RationalInterval.max(hi, iv.hi())) == 1) {
        return true;
      }
    }
    return false;
  }

  /** The real roots of x^3 + a x^2 + b x + c (irreducible) in radicals. */
  static List<Expr> cubic(BigFraction a, BigFraction b, BigFraction c) {
    BigFraction shift = a.divide(-3); // x = t - a/3
    BigFraction p = b.subtract(a.multiply(a).divide(3));
    BigFraction q = a.pow(3).multiply(2).divide(27).subtract(a.multiply(b).divide(3)).add(c);
    BigFraction d = q.multiply(q).divide(4).add(p.pow(3).divide(27));
    List<Expr> out = new ArrayList<>();
    if (d.signum() < 0) {
      // three real roots, p < 0
      Expr amplitude = Exprs.product(Exprs.num(2), QuadraticSurd.sqrt(p.negate().divide(3)));
      Expr cosine = Exprs.product(Exprs.num(q.multiply(3).divide(p.multiply(2))),
          QuadraticSurd.sqrt(new BigFraction(-3).divide(p)));
      Expr angle = new Expr.ArcCos(cosine);
      for (int k = 0; k < 3; k++) {
        Expr shifted = k == 0 ? angle
            : Exprs.sum(angle, Exprs.product(Exprs.num(-2 * k), new Expr.Pi()));
        Expr t = Exprs.product(amplitude, new Expr.Cos(Exprs.quotient(shifted, Exprs.num(3))));
        out.add(Exprs.sum(t, Exprs.num(shift)));
      }
    } else if (p.signum() == 0) {
      // t^3 = -q: Cardano's second cube root would be CubeRoot(0)
      out.add(Exprs.sum(new Expr.CubeRoot(Exprs.num(q.negate())), Exprs.num(shift)));
    } else {
      Expr root = QuadraticSurd.sqrt(d);
      Expr half = Exprs.num(q.divide(-2));
      Expr t = Exprs.sum(new Expr.CubeRoot(Exprs.sum(half, root)),
          new Expr.CubeRoot(Exprs.sum(half, Exprs.negate(root))));
      out.add(Exprs.sum(t, Exprs.num(shift)));
    }
    return out;
  }

  /** The real roots of the monic quartic m[0] + m[1] x + ... + x^4 (irreducible) in radicals. */
  static List<Expr> quartic(BigFraction[] m) {
    BigFraction a = m[3];
    BigFraction b = m[2];
    BigFraction c = m[1];
    BigFraction d = m[0];
    BigFraction shift = a.divide(-4); // x = y - a/4
    BigFraction a2 = a.multiply(a);
    BigFraction p = b.subtract(a2.multiply(3).divide(8));
    BigFraction q = a2.multiply(a).divide(8).subtract(a.multiply(b).divide(2)).add(c);
    BigFraction r = a2.multiply(a2).multiply(-3).divide(256).add(a2.multiply(b).divide(16))
        .subtract(a.multiply(c).divide(4)).add(d);
    List<Expr> out = new ArrayList<>();
    if (q.signum() == 0) {
      // y^4 + p y^2 + r: y^2 = (-p +- sqrt(p^2 - 4r))/2
      Expr disc = QuadraticSurd.sqrt(p.multiply(p).subtract(r.multiply(4)));
      for (int inner : new int[] {1, -1}) {
        Expr y2 = Exprs.quotient(Exprs.sum(Exprs.num(p.negate()), Exprs.product(Exprs.num(inner), disc)), Exprs.num(2));
        for (int outer : new int[] {1, -1}) {
          out.add(Exprs.sum(Exprs.num(shift), Exprs.product(Exprs.num(outer), Exprs.sqrt(y2))));
        }
      }
      return out;
    }
    // resolvent m^3 + p m^2 + (p^2/4 - r) m - q^2/8 = 0 has a root m > 0
    List<RealAlgebraicNumber> roots = RealAlgebraicNumber.realRoots(List.of(
        q.multiply(q).divide(-8), p.multiply(p).divide(4).subtract(r), p, BigFraction.ONE));
    RealAlgebraicNumber resolvent = roots.get(roots.size() - 1);
    Expr mExpr = resolvent.isRational() ? Exprs.num(resolvent.toRational())
        : resolvent.degree() == 2 ? QuadraticSurd.of(resolvent).toExpr()
        : cubicRoot(resolvent);
    if (mExpr == null) {
      return out;
    }
    Expr s = resolvent.isRational() ? QuadraticSurd.sqrt(resolvent.toRational().multiply(2))
        : Exprs.sqrt(Exprs.product(Exprs.num(2), mExpr));
    Expr base = Exprs.sum(Exprs.product(Exprs.num(-2), mExpr), Exprs.num(p.multiply(-2)));
    for (int sigma : new int[] {1, -1}) {
      // sigma = +1: y^2 - s y + (p/2 + m + q/(2s)); sigma = -1: y^2 + s y + (p/2 + m - q/(2s))
      Expr radicand = Exprs.sum(base, Exprs.quotient(Exprs.num(q.multiply(-2 * sigma)), s));
      for (int tau : new int[] {1, -1}) {
        Expr y = Exprs.quotient(
            Exprs.sum(Exprs.product(Exprs.num(sigma), s), Exprs.product(Exprs.num(tau), Exprs.sqrt(radicand))),
            Exprs.num(2));
        out.add(Exprs.sum(Exprs.num(shift), y));
      }
    }
    return out;
  }

  /** The radical form of a cubic irrationality nearest it, or null. */
  private static Expr cubicRoot(RealAlgebraicNumber x) {
    BigFraction[] m = x.minimalArray();
    if (m.length != 4) {
      return null;
    }
    double target = x.toBigDecimal(20).doubleValue();
    return cubic(m[2], m[1], m[0]).stream()
        .min(Comparator.comparingDouble(e -> Math.abs(NumericValue.of(e) - target)))
        .orElse(null);
  }
}
