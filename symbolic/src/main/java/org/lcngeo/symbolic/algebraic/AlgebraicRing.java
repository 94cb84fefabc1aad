package org.lcngeo.symbolic.algebraic;

import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Ring;

/**
 * The real algebraic numbers as a {@link Ring}: runs the generic executor of the plan of mu on
 * filters with entries from different number fields (e.g. the rescaled tuples lambda_l w_l of
 * Prop. 2 / 12). General algebraic arithmetic is slow; when all values share one field, use that
 * {@link NumberField} as the ring instead.
 */
public enum AlgebraicRing implements Ring<RealAlgebraicNumber> {
  INSTANCE;

  private static final RealAlgebraicNumber ZERO = RealAlgebraicNumber.of(BigFraction.ZERO);
  private static final RealAlgebraicNumber ONE = RealAlgebraicNumber.of(BigFraction.ONE);

  @Override
  public RealAlgebraicNumber zero() {
    return ZERO;
  }

  @Override
  public RealAlgebraicNumber one() {
    return ONE;
  }

  @Override
  public RealAlgebraicNumber add(RealAlgebraicNumber a, RealAlgebraicNumber b) {
    return a.add(b);
  }

  @Override
  public RealAlgebraicNumber multiply(RealAlgebraicNumber a, RealAlgebraicNumber b) {
    return a.multiply(b);
  }

  @Override
  public RealAlgebraicNumber negate(RealAlgebraicNumber a) {
    return a.negate();
  }

  @Override
  public boolean isZero(RealAlgebraicNumber a) {
    return a.isRational() && a.toRational().signum() == 0;
  }
}
