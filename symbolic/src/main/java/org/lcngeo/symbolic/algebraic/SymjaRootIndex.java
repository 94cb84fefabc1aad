package org.lcngeo.symbolic.algebraic;

import java.math.BigDecimal;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Rationals;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The index k under which Symja 3.0.0 evaluates {@code Root(Function(f), k)} to a given real root
 * of f. Symja numbers the roots of cubics and quartics in the order of its closed-form solver (not
 * by size: for x^3 - 3x + 1, k = 1, 2, 3 are 1.53, -1.88, 0.35), so the index is found by
 * evaluating each Root numerically in Symja and picking the one inside the certified isolating
 * interval. Symja does not evaluate Root beyond degree four; there the real roots are counted in
 * increasing order (Mathematica's convention). Symja's evaluator is created once per thread, and
 * only when such a number is printed.
 */
final class SymjaRootIndex {
  private static final ThreadLocal<ExprEvaluator> EVALUATOR = ThreadLocal.withInitial(Symja::quietEvaluator);
  private static final int MACHINE = 15;
  /** Machine precision first (fast), then Symja's arbitrary precision (apfloat: slow). */
  private static final int[] PRECISIONS = {MACHINE, 25, 60};

  private SymjaRootIndex() {}

  /**
   * Symja's index of x among the roots of its minimal polynomial, written as {@code function}.
   */
  static int index(RealAlgebraicNumber x, String function) {
    int degree = x.degree();
    if (degree <= 4) {
      for (int digits : PRECISIONS) {
        int k = match(x, function, digits);
        if (k > 0) {
          return k;
        }
      }
    }
    return increasingIndex(x);
  }

  /**
   * k if exactly one of Symja's N(Root(f, k)) lies in x's isolating interval, widened by the
   * precision's slack, and that widened interval holds no other real root of f (a Sturm count:
   * a close other root cannot be matched by a rounding error); else 0.
   */
  private static int match(RealAlgebraicNumber x, String function, int digits) {
    x.refineTo((int) (digits * 3.32) - 20);
    RationalInterval iv = x.isolatingInterval();
    BigFraction slack = new BigFraction(java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(digits - 8))
        .multiply(iv.hi().abs().add(BigFraction.ONE));
    RationalInterval widened = new RationalInterval(iv.lo().subtract(slack), iv.hi().add(slack));
    ExprEvaluator ev = EVALUATOR.get();
    int found = 0;
    for (int k = 1; k <= x.degree(); k++) {
      IExpr v = ev.eval("N(Root(" + function + "," + k + ")"
          + (digits == MACHINE ? "" : "," + digits) + ")");
      if (!v.isNumber()) {
        return 0;
      }
      BigFraction re;
      BigFraction im;
      if (digits == MACHINE) {
        double r = v.re().evalDouble();
        double i = v.im().evalDouble();
        if (!Double.isFinite(r) || !Double.isFinite(i)) {
          return 0;
        }
        re = new BigFraction(r);
        im = new BigFraction(i);
      } else {
        re = parse(v.re().toString());
        im = parse(v.im().toString());
      }
      if (re == null || im == null || im.abs().compareTo(slack) > 0) {
        continue;
      }
      if (widened.contains(re)) {
        if (found > 0) {
          return 0;
        }
        found = k;
      }
    }
    if (found > 0 && Polynomials.rootCount(Polynomials.sturmSequence(x.minimalArray()),
        widened.lo(), widened.hi()) != 1) {
      return 0;
    }
    return found;
  }

  /** Symja's decimal output ("1.25", "-3.1*10^-5"), or null if it is something else. */
  private static BigFraction parse(String s) {
    try {
      String t = s.replace(" ", "");
      int e = t.indexOf("*10^");
      if (e >= 0) {
        return Rationals.fromDecimal(
            new BigDecimal(t.substring(0, e)).scaleByPowerOfTen(Integer.parseInt(t.substring(e + 4))));
      }
      return Rationals.fromDecimal(new BigDecimal(t));
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  /**
   * 1 + the number of real roots of x's minimal polynomial below x: one Sturm count on (-B, lo)
   * with B Cauchy's root bound and lo the lower end of x's isolating interval (rational, so not a
   * root of the irreducible polynomial of degree >= 2), instead of isolating every root.
   */
  private static int increasingIndex(RealAlgebraicNumber x) {
    BigFraction[] f = x.minimalArray();
    if (f.length <= 2) {
      return 1;
    }
    BigFraction lead = f[f.length - 1].abs();
    BigFraction bound = BigFraction.ZERO;
    for (int i = 0; i < f.length - 1; i++) {
      BigFraction r = f[i].abs().divide(lead);
      if (r.compareTo(bound) > 0) {
        bound = r;
      }
    }
    bound = bound.add(BigFraction.ONE);
    return 1 + (int) Polynomials.rootCount(
        Polynomials.sturmSequence(f), bound.negate(), x.isolatingInterval().lo());
  }
}
