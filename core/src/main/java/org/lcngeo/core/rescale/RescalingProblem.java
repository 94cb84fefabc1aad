package org.lcngeo.core.rescale;

import java.util.ArrayList;
import java.util.List;
import org.lcngeo.core.algebra.OrderedRing;
import org.lcngeo.core.model.FilterTuple;

/**
 * The rescaling to prescribed invariants of Prop. 2 (1-D) and Prop. 12 (D-D), stated once for
 * every executor: for non-zero filters (w_l) and target invariants delta_1..delta_{H-1}, the
 * positive (lambda_l) with prod lambda_l = 1 and ||lambda_{i+1} w_{i+1}||^2 - ||lambda_i w_i||^2 =
 * delta_i.
 *
 * <p>Following the proof (Sec. 7.1.1): the unknowns beta_l = ||lambda_l w_l||^2 satisfy eq. 12,
 * prod_l beta_l = C = prod_l ||w_l||^2 and beta_{i+1} - beta_i = delta_i, so beta_l = beta_1 + c_l
 * with the {@link #offsets() offsets} c_1 = 0, c_l = delta_1 + ... + delta_{l-1}, and beta_1 is a
 * root of P(x) = prod_l (x + c_l) - C (eq. 13). The root taken is the only one at which every
 * beta_l is positive: the unique root above m = max_l(-c_l) (m >= 0 as c_1 = 0). In the unknown y =
 * x - m and with n_l = c_l + m >= 0, min_l n_l = 0, this is eq. 14, prod_l (y + n_l) = C, whose left
 * side increases from 0 at y = 0; so P(m) = -C < 0 <= P(m + max(1, C)), and (m, m + max(1, C)]
 * brackets beta_1. Finally lambda_l^2 = beta_l / ||w_l||^2.
 *
 * <p>The executors supply only a {@link RootSolver}: exact real algebraic numbers (symbolic) or
 * double precision (numeric).
 *
 * @param <T> the element type of the filters, the invariants and the norms
 */
public final class RescalingProblem<T> {
  private final OrderedRing<T> ring;
  private final FilterTuple<T> theta;
  private final List<T> delta;
  private final List<T> squaredNorms;
  private final List<T> offsets;
  private final List<T> shiftedOffsets;
  private final T product;
  private final T lowerBound;

  private RescalingProblem(OrderedRing<T> ring, FilterTuple<T> theta, List<T> delta) {
    theta.requireRescalable(ring, delta.size());
    this.ring = ring;
    this.theta = theta;
    this.delta = List.copyOf(delta);
    int h = theta.depth();
    List<T> norms = new ArrayList<>(h);
    List<T> cs = new ArrayList<>(h);
    T c = ring.zero();
    T prod = ring.one();
    T m = ring.zero();
    for (int l = 0; l < h; l++) {
      if (l > 0) {
        c = ring.add(c, delta.get(l - 1));
      }
      cs.add(c);
      T n = theta.squaredNorm(ring, l);
      norms.add(n);
      prod = ring.multiply(prod, n);
      m = ring.max(m, ring.negate(c));
    }
    List<T> shifted = new ArrayList<>(h);
    for (T cl : cs) {
      shifted.add(ring.add(cl, m));
    }
    this.squaredNorms = List.copyOf(norms);
    this.offsets = List.copyOf(cs);
    this.shiftedOffsets = List.copyOf(shifted);
    this.product = prod;
    this.lowerBound = m;
  }

  /**
   * The problem for theta and the target invariants delta.
   *
   * @throws org.lcngeo.core.InvalidInputException if a filter is zero or delta does not have H - 1
   *     values ({@link FilterTuple#requireRescalable})
   */
  public static <T> RescalingProblem<T> of(OrderedRing<T> ring, FilterTuple<T> theta, List<T> delta) {
    return new RescalingProblem<>(ring, theta, delta);
  }

  /** Solves the problem with an executor's root solver. */
  public <R> R solve(RootSolver<T, R> solver) {
    return solver.solve(this);
  }

  public OrderedRing<T> ring() {
    return ring;
  }

  /** The tuple before rescaling. */
  public FilterTuple<T> theta() {
    return theta;
  }

  /** The target invariants delta_1..delta_{H-1}. */
  public List<T> delta() {
    return delta;
  }

  /** ||w_l||^2 of the original filters. */
  public List<T> squaredNorms() {
    return squaredNorms;
  }

  /** c_1 = 0, c_l = delta_1 + ... + delta_{l-1}: beta_l = beta_1 + c_l. */
  public List<T> offsets() {
    return offsets;
  }

  /** C = prod_l ||w_l||^2. */
  public T productOfSquaredNorms() {
    return product;
  }

  /** m = max_l(-c_l) >= 0: beta_1 is the only root of P above it. */
  public T lowerBound() {
    return lowerBound;
  }

  /** n_l = c_l + m >= 0, the constants of eq. 14: beta_l = y + n_l for the root y = beta_1 - m. */
  public List<T> shiftedOffsets() {
    return shiftedOffsets;
  }

  /**
   * max(1, b) for an upper bound b of C: (m, m + max(1, b)] brackets beta_1, and (0, max(1, b)]
   * brackets the root y of eq. 14. An executor that cannot use C itself as an end point (an
   * irrational C) passes a bound of its own; the others pass C ({@link #bracketWidth()}).
   */
  public T bracketWidth(T boundOfC) {
    return ring.max(ring.one(), boundOfC);
  }

  /** max(1, C). */
  public T bracketWidth() {
    return bracketWidth(product);
  }

  /** m + max(1, C), the upper end of the bracket of beta_1. */
  public T upperBound() {
    return ring.add(lowerBound, bracketWidth());
  }

  /** prod_l (x + c_l), the left side of eq. 13, coefficients lowest degree first. */
  public List<T> leftSide() {
    List<T> p = new ArrayList<>(List.of(ring.one()));
    for (T cl : offsets) {
      List<T> next = new ArrayList<>(p.size() + 1);
      for (int i = 0; i <= p.size(); i++) {
        T v = ring.zero();
        if (i < p.size()) {
          v = ring.addProduct(v, p.get(i), cl);
        }
        if (i > 0) {
          v = ring.add(v, p.get(i - 1));
        }
        next.add(v);
      }
      p = next;
    }
    return p;
  }

  /** P(x) = prod_l (x + c_l) - C (eq. 13), coefficients lowest degree first. */
  public List<T> polynomial() {
    List<T> p = leftSide();
    p.set(0, ring.subtract(p.get(0), product));
    return p;
  }

  /** prod_l (y + n_l) - C, the difference of the two sides of eq. 14 at y; increasing for y >= 0. */
  public T shiftedValue(T y) {
    T p = ring.one();
    for (T n : shiftedOffsets) {
      p = ring.multiply(p, ring.add(y, n));
    }
    return ring.subtract(p, product);
  }
}
