package org.lcngeo.core.plan;

import org.lcngeo.core.algebra.Ring;

/**
 * A source of specialized {@link MuKernel}s, registered by an executor module in {@code
 * META-INF/services/org.lcngeo.core.plan.MuKernelProvider} and found by {@link MuKernels#of}.
 */
public interface MuKernelProvider {
  /** A kernel for the plan over this ring, or null when this provider does not serve the ring. */
  <T> MuKernel<T> kernel(MuPlan plan, Ring<T> ring);
}
