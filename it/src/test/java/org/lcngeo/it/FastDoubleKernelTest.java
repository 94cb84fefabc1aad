package org.lcngeo.it;

import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.plan.MuKernel;
import org.lcngeo.core.plan.MuKernels;
import org.lcngeo.core.plan.MuPlan;

/** The primitive double kernel the factory picks for DoubleRing. */
class FastDoubleKernelTest extends DoubleKernelContract {
  @Override
  MuKernel<Double> kernel(MuPlan plan) {
    return MuKernels.of(plan, DoubleRing.INSTANCE);
  }
}
