package org.lcngeo.it;

import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.plan.MuKernel;
import org.lcngeo.core.plan.MuPlan;

/** The plan's generic loops over DoubleRing. */
class GenericDoubleKernelTest extends DoubleKernelContract {
  @Override
  MuKernel<Double> kernel(MuPlan plan) {
    return MuKernel.generic(plan, DoubleRing.INSTANCE);
  }
}
