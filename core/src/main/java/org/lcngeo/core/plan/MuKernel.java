package org.lcngeo.core.plan;

import java.util.List;
import org.lcngeo.core.algebra.Ring;
import org.lcngeo.core.model.FilterTuple;

/**
 * An executor of the plan of mu over one element type: the end-to-end filter (eq. 8, Lemma 9), the
 * Jacobian J and the kernels K_l = J_l J_l^T and K = J J^T (Observation 3) at a filter tuple. The
 * generic kernel runs {@link MuPlan}'s loops over any {@link Ring}; the executors add faster ones
 * (primitive doubles in numeric; long arithmetic with a BigInteger fallback in symbolic), which
 * {@link MuKernels#of} picks for their rings. Every kernel returns the same values as the generic
 * one over the same ring (exactly for exact rings, to rounding for doubles); the integration tests'
 * contract suite checks it.
 *
 * @param <T> the element type
 */
public interface MuKernel<T> {
  MuPlan plan();

  /** mu(theta), row-major. */
  List<T> mu(FilterTuple<T> theta);

  /** J: rows the end-to-end entries, columns the parameters (w_1, ..., w_H) row-major. */
  List<List<T>> jacobian(FilterTuple<T> theta);

  /** K_l = J_l J_l^T for layer l (0-based). */
  List<List<T>> ntkLayer(FilterTuple<T> theta, int l);

  /** K = J J^T. */
  List<List<T>> ntk(FilterTuple<T> theta);

  /** The plan's own loops over a ring: the reference every other kernel agrees with. */
  static <T> MuKernel<T> generic(MuPlan plan, Ring<T> ring) {
    return new MuKernel<>() {
      @Override
      public MuPlan plan() {
        return plan;
      }

      @Override
      public List<T> mu(FilterTuple<T> theta) {
        return plan.mu(ring, theta);
      }

      @Override
      public List<List<T>> jacobian(FilterTuple<T> theta) {
        return plan.jacobian(ring, theta);
      }

      @Override
      public List<List<T>> ntkLayer(FilterTuple<T> theta, int l) {
        return plan.ntkLayer(ring, theta, l);
      }

      @Override
      public List<List<T>> ntk(FilterTuple<T> theta) {
        return plan.ntk(ring, theta);
      }

      @Override
      public String toString() {
        return "generic kernel over " + ring;
      }
    };
  }
}
