package org.lcngeo.symbolic.expr;

import java.math.BigInteger;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * A neutral expression tree for every exact value lcngeo exports (closed-form NTKs, inverse maps,
 * algebraic numbers): built once, written by one {@link Printer} per format (Symja, LaTeX,
 * Macaulay2, Java), in the spirit of FLINT/Calcium's expression objects. The tree says what the
 * value is, never how a front end spells it.
 */
public sealed interface Expr {
  /** A rational constant. */
  record Num(BigFraction value) implements Expr {}

  /**
   * A symbol: {@code base} followed by an optional non-negative {@code index} ({@code -1}: none),
   * such as a0, v3, beta1, lambda2; {@code squared} marks a symbol that stands for the square of
   * base (lambda2 is lambda^2, Ex. 15).
   */
  record Symbol(String base, int index, boolean squared) implements Expr {
    public String name() {
      return squared ? base + "2" : index < 0 ? base : base + index;
    }
  }

  /** t_1 + ... + t_n (n >= 2). */
  record Sum(List<Expr> terms) implements Expr {}

  /** f_1 * ... * f_n (n >= 2); a rational coefficient, if any, comes first. */
  record Product(List<Expr> factors) implements Expr {}

  /** -x. */
  record Neg(Expr x) implements Expr {}

  /** base^exponent, exponent >= 2. */
  record Power(Expr base, int exponent) implements Expr {}

  /** num / den. */
  record Quotient(Expr num, Expr den) implements Expr {}

  /** The non-negative square root of a non-negative x. */
  record Sqrt(Expr x) implements Expr {}

  /** The real cube root of a real x (negative for negative x). */
  record CubeRoot(Expr x) implements Expr {}

  /** cos(x). */
  record Cos(Expr x) implements Expr {}

  /** arccos(x) in [0, pi], for x in [-1, 1]. */
  record ArcCos(Expr x) implements Expr {}

  /** The constant pi. */
  record Pi() implements Expr {}

  /**
   * The k-th real root (1-based, increasing order) of the polynomial P with the given integer
   * coefficients (lowest degree first): the form of an algebraic number without a radical form.
   * {@code start} is a rational from which Newton's iteration x -> x - P(x)/P'(x) converges
   * monotonically to that root: Fourier's condition holds between them (P' and P'' have no zero
   * there, and P(start) P''(start) > 0), so the root is the limit of the iteration, which is how
   * Symja evaluates this form (see the Symja printer).
   */
  record RealRoot(List<BigInteger> coefficients, int k, BigFraction start) implements Expr {
    /** Whether the iteration decreases from start (start lies above the root). */
    public boolean fromAbove() {
      BigFraction p = BigFraction.ZERO;
      BigFraction dp = BigFraction.ZERO;
      for (int i = coefficients.size() - 1; i >= 0; i--) {
        dp = dp.multiply(start).add(p);
        p = p.multiply(start).add(new BigFraction(coefficients.get(i)));
      }
      return p.signum() == dp.signum();
    }
  }

  /**
   * The determinant of a square matrix of expressions, written unexpanded ({@code Det} in Symja,
   * {@code det matrix} in Macaulay2, {@code \det} of a pmatrix in LaTeX): the form of an inverse
   * map whose entries are minors too large to expand.
   */
  record Det(List<List<Expr>> rows) implements Expr {
    public Det {
      rows = rows.stream().map(List::copyOf).toList();
      for (List<Expr> r : rows) {
        if (r.size() != rows.size()) {
          throw new IllegalArgumentException("a determinant of a non-square matrix");
        }
      }
    }
  }

  /** {@code negative} where {@code test < 0}, else {@code otherwise}. */
  record IfNegative(Expr test, Expr negative, Expr otherwise) implements Expr {}

  /**
   * The largest real root in x of a polynomial whose coefficients are expressions in other symbols
   * (beta_1 of Prop. 2 as a function of v): {@code polynomial} and its {@code derivative} in x are
   * written in {@code variable}; {@code start} is an expression (in the other symbols) at or above
   * the root from which Newton's iteration decreases monotonically to it (P is increasing and
   * convex from the root on), which is how Symja evaluates this form.
   */
  record LargestRoot(Expr polynomial, Expr derivative, Symbol variable, Expr start) implements Expr {}
}
