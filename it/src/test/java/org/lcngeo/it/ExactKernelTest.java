package org.lcngeo.it;

import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.plan.MuKernel;
import org.lcngeo.core.plan.MuKernels;
import org.lcngeo.core.plan.MuPlan;

/** The exact long/BigInteger kernel the factory picks for RationalRing (small entries: long). */
class ExactKernelTest extends MuKernelContract<BigFraction> {
  @Override
  MuKernel<BigFraction> kernel(MuPlan plan) {
    return MuKernels.of(plan, RationalRing.INSTANCE);
  }

  @Override
  BigFraction element(BigFraction q) {
    return q;
  }

  @Override
  double toDouble(BigFraction x) {
    return x.doubleValue();
  }

  @Override
  double tolerance() {
    return 0;
  }
}
