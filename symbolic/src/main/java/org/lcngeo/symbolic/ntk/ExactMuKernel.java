package org.lcngeo.symbolic.ntk;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Ring;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuKernel;
import org.lcngeo.core.plan.MuKernelProvider;
import org.lcngeo.core.plan.MuPlan;

/**
 * The exact kernel of mu, J and K over the rationals: {@link ExactNtk}, which clears denominators
 * once and runs the long kernel when its overflow bound allows, the BigInteger kernel otherwise
 * ({@link NtkKernel}). Registered as the {@link RationalRing} kernel of {@link
 * org.lcngeo.core.plan.MuKernels}.
 */
public final class ExactMuKernel implements MuKernel<BigFraction> {
  private final MuPlan plan;

  private ExactMuKernel(MuPlan plan) {
    this.plan = plan;
  }

  public static ExactMuKernel of(MuPlan plan) {
    return new ExactMuKernel(plan);
  }

  /** The provider that {@code META-INF/services} registers. */
  public static final class Provider implements MuKernelProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> MuKernel<T> kernel(MuPlan plan, Ring<T> ring) {
      return ring == RationalRing.INSTANCE ? (MuKernel<T>) of(plan) : null;
    }
  }

  @Override
  public MuPlan plan() {
    return plan;
  }

  @Override
  public List<BigFraction> mu(FilterTuple<BigFraction> theta) {
    return ExactNtk.of(plan, theta).endToEnd();
  }

  @Override
  public List<List<BigFraction>> jacobian(FilterTuple<BigFraction> theta) {
    return ExactNtk.of(plan, theta).jacobian();
  }

  @Override
  public List<List<BigFraction>> ntkLayer(FilterTuple<BigFraction> theta, int l) {
    return ExactNtk.of(plan, theta).layerKernel(l).toFractions();
  }

  @Override
  public List<List<BigFraction>> ntk(FilterTuple<BigFraction> theta) {
    return ExactNtk.of(plan, theta).ntk().toFractions();
  }

  @Override
  public String toString() {
    return "exact long/BigInteger kernel";
  }
}
