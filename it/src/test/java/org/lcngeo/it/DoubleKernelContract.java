package org.lcngeo.it;

import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.plan.MuKernel;

/** The contract for double kernels: 1e-12 relative to the exact values. */
abstract class DoubleKernelContract extends MuKernelContract<Double> {
  @Override
  Double element(BigFraction q) {
    return q.doubleValue();
  }

  @Override
  double toDouble(Double x) {
    return x;
  }

  @Override
  double tolerance() {
    return 1e-12;
  }
}
