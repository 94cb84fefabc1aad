package org.lcngeo.numeric.ntk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.algebra.Ring;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuKernel;
import org.lcngeo.core.plan.MuKernelProvider;
import org.lcngeo.core.plan.MuPlan;

/**
 * The double kernel of mu, J and K: {@link NumericMu}'s primitive loops behind the {@link MuKernel}
 * interface (a fresh {@link MuState} per call, so an instance is thread-safe), with primitive
 * entry points for the numeric layer's own callers. Registered as the {@link DoubleRing} kernel of
 * {@link org.lcngeo.core.plan.MuKernels}.
 */
public final class DoubleMuKernel implements MuKernel<Double> {
  private final NumericMu mu;

  private DoubleMuKernel(NumericMu mu) {
    this.mu = mu;
  }

  public static DoubleMuKernel of(MuPlan plan) {
    return new DoubleMuKernel(NumericMu.of(plan));
  }

  /** The provider that {@code META-INF/services} registers. */
  public static final class Provider implements MuKernelProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> MuKernel<T> kernel(MuPlan plan, Ring<T> ring) {
      return ring == DoubleRing.INSTANCE ? (MuKernel<T>) of(plan) : null;
    }
  }

  @Override
  public MuPlan plan() {
    return mu.plan();
  }

  /** mu(theta) of a flat theta. */
  public double[] mu(double[] theta) {
    return mu.newState().at(theta).mu().clone();
  }

  /** J at a flat theta (end-to-end entries x parameters). */
  public double[][] jacobian(double[] theta) {
    return mu.newState().at(theta).jacobian();
  }

  @Override
  public List<Double> mu(FilterTuple<Double> theta) {
    return boxed(mu(flat(theta)));
  }

  @Override
  public List<List<Double>> jacobian(FilterTuple<Double> theta) {
    return rows(jacobian(flat(theta)));
  }

  @Override
  public List<List<Double>> ntkLayer(FilterTuple<Double> theta, int l) {
    return rows(mu.newState().at(flat(theta)).ntkLayer(l));
  }

  @Override
  public List<List<Double>> ntk(FilterTuple<Double> theta) {
    return rows(mu.newState().at(flat(theta)).ntk());
  }

  private double[] flat(FilterTuple<Double> theta) {
    if (!theta.architecture().equals(mu.architecture())) {
      throw new IllegalArgumentException("the tuple belongs to another architecture");
    }
    return theta.flat().stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<Double> boxed(double[] x) {
    return Arrays.stream(x).boxed().toList();
  }

  private static List<List<Double>> rows(double[][] m) {
    List<List<Double>> out = new ArrayList<>(m.length);
    for (double[] row : m) {
      out.add(boxed(row));
    }
    return out;
  }

  @Override
  public String toString() {
    return "double kernel";
  }
}
