package org.lcngeo.symbolic.rescale;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.rescale.RescalingProblem;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RationalInterval;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/**
 * The rescaling of Prop. 2 / 12 ({@link Rescaling}) for filters with entries in a real number
 * field K = Q(gamma), e.g. fiber points whose layer polynomials have irrational real coefficients:
 * the {@link RescalingProblem} over K.
 *
 * <p>Its root: beta_1 is the unique root of Q(x) = prod_l (x + c_l) = C in the problem's bracket,
 * now with C = prod ||w_l||^2 in K. Q is rational and increasing there, so
 * beta_1 is a root of m_C(Q(x)) (m_C the minimal polynomial of C over Q), singled out by exact
 * bisection (Q(x) compared with C as real algebraic numbers). Then L = K(beta_1) by a primitive
 * element ({@link FieldExtensions#adjoinRoot}, linear algebra over Q); its degree is at most
 * H [K : Q].
 */
public final class AlgebraicRescaling {
  private AlgebraicRescaling() {}

  /**
   * Rescales theta (entries in one field) to the invariants delta.
   *
   * @throws org.lcngeo.core.InvalidInputException if a filter is zero or delta does not have H - 1
   *     values
   * @throws FieldExtensions.DegreeBoundExceeded if L would exceed maxDegree
   */
  public static AlgebraicRescaledTuple rescale(
      FilterTuple<FieldElement> theta, NumberField k, List<BigFraction> delta, int maxDegree) {
    List<FieldElement> deltaK = new ArrayList<>(delta.size());
    for (BigFraction d : delta) {
      deltaK.add(k.element(d));
    }
    RescalingProblem<FieldElement> problem = RescalingProblem.of(k, theta, deltaK);
    FieldElement product = problem.productOfSquaredNorms();
    List<BigFraction> offsets = rationals(problem.offsets());
    BigFraction lowerBound = problem.lowerBound().toRational();
    // Q(x) = prod_l (x + c_l), lowest degree first
    List<BigFraction> q = rationals(problem.leftSide());
    RealAlgebraicNumber cValue = product.toRealAlgebraic();
    // m_C(Q(x)) by Horner
    List<BigFraction> mc = cValue.minimalPolynomial();
    List<BigFraction> candidate = List.of(BigFraction.ZERO);
    for (int i = mc.size() - 1; i >= 0; i--) {
      candidate = plus(times(candidate, q), List.of(mc.get(i)));
    }
    BigFraction upperC = cValue.upperBound();
    BigFraction[] box = {lowerBound,
        lowerBound.add(problem.bracketWidth(k.element(upperC)).toRational())};
    List<BigFraction> qq = q;
    RealAlgebraicNumber beta1 = RealAlgebraicNumber.identify(candidate, round -> {
      for (int step = 0; round > 0 && step < 4 && box[0].compareTo(box[1]) < 0; step++) {
        org.lcngeo.core.Deadline.checkCurrent();
        BigFraction mid = box[0].add(box[1]).divide(2);
        int cmp = RealAlgebraicNumber.of(value(qq, mid)).compareTo(cValue);
        if (cmp == 0) {
          box[0] = mid;
          box[1] = mid;
        } else if (cmp < 0) {
          box[0] = mid;
        } else {
          box[1] = mid;
        }
      }
      return new RationalInterval(box[0], box[1]);
    });
    FieldExtensions.Extension ext =
        FieldExtensions.adjoinRoot(k, problem.polynomial(), beta1, maxDegree);
    return new AlgebraicRescaledTuple(theta, delta, problem.squaredNorms(), offsets, beta1, ext);
  }

  /** The problem's offsets and left side of eq. 13 are rational (delta is). */
  private static List<BigFraction> rationals(List<FieldElement> xs) {
    return xs.stream().map(FieldElement::toRational).toList();
  }

  private static BigFraction value(List<BigFraction> p, BigFraction x) {
    BigFraction s = BigFraction.ZERO;
    for (int i = p.size() - 1; i >= 0; i--) {
      s = s.multiply(x).add(p.get(i));
    }
    return s;
  }

  private static List<BigFraction> times(List<BigFraction> a, List<BigFraction> b) {
    List<BigFraction> out = new ArrayList<>();
    for (int i = 0; i < a.size() + b.size() - 1; i++) {
      out.add(BigFraction.ZERO);
    }
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        out.set(i + j, out.get(i + j).add(a.get(i).multiply(b.get(j))));
      }
    }
    return out;
  }

  private static List<BigFraction> plus(List<BigFraction> a, List<BigFraction> b) {
    List<BigFraction> out = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      out.add((i < a.size() ? a.get(i) : BigFraction.ZERO).add(i < b.size() ? b.get(i) : BigFraction.ZERO));
    }
    return out;
  }
}
