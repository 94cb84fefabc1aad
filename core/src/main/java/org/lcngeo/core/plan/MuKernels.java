package org.lcngeo.core.plan;

import java.util.List;
import java.util.ServiceLoader;
import org.lcngeo.core.algebra.Ring;

/**
 * Picks the kernel of mu, J and K for a ring, as JAS's {@code FactorFactory} picks a factoring
 * algorithm for a coefficient ring: the first registered {@link MuKernelProvider} that serves the
 * ring (the numeric module serves {@code DoubleRing} with its primitive double kernel, the symbolic
 * module {@code RationalRing} with its long/BigInteger kernel), else {@link MuKernel#generic}.
 */
public final class MuKernels {
  private static final List<MuKernelProvider> PROVIDERS =
      ServiceLoader.load(MuKernelProvider.class, MuKernels.class.getClassLoader()).stream()
          .map(ServiceLoader.Provider::get)
          .toList();

  private MuKernels() {}

  /** The fastest kernel available for the ring. */
  public static <T> MuKernel<T> of(MuPlan plan, Ring<T> ring) {
    for (MuKernelProvider p : PROVIDERS) {
      MuKernel<T> k = p.kernel(plan, ring);
      if (k != null) {
        return k;
      }
    }
    return MuKernel.generic(plan, ring);
  }
}
