package org.lcngeo.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.algebra.PrimeField;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.plan.MuKernels;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.numeric.ntk.DoubleMuKernel;
import org.lcngeo.symbolic.ntk.ExactMuKernel;

/** The factory's choices of kernels (the kernels themselves: the subclasses of MuKernelContract). */
class MuKernelsTest {
  @Test
  void theFactoryPicksTheExecutorsKernels() {
    MuPlan plan = Plans.plan(Plans.ARCHITECTURES.get(0));
    assertThat(MuKernels.of(plan, DoubleRing.INSTANCE)).isInstanceOf(DoubleMuKernel.class);
    assertThat(MuKernels.of(plan, RationalRing.INSTANCE)).isInstanceOf(ExactMuKernel.class);
    // no executor serves a prime field: the generic kernel
    assertThat(MuKernels.of(plan, PrimeField.M31).toString()).startsWith("generic kernel");
  }
}
