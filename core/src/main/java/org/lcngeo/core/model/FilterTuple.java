package org.lcngeo.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.Ring;

/**
 * A filter tuple theta = (w_1, ..., w_H) of an {@link Architecture}: layer l's D-dimensional filter
 * stored row-major (C order), as in the parameter vector of the paper's Jacobian. Immutable and
 * generic in the scalar type, so the same tuple type carries exact rationals, polynomials of filter
 * symbols or real algebraic numbers.
 *
 * @param <T> scalar type
 */
public final class FilterTuple<T> {
  private final Architecture architecture;
  private final List<List<T>> layers;

  private FilterTuple(Architecture architecture, List<List<T>> layers) {
    this.architecture = architecture;
    this.layers = layers;
  }

  /** Checks that layer l has exactly {@code architecture.layerParameters(l)} entries. */
  public static <T> FilterTuple<T> of(Architecture architecture, List<? extends List<T>> layers) {
    if (layers.size() != architecture.depth()) {
      throw new InvalidInputException(
          "got " + layers.size() + " filters for an architecture with " + architecture.depth()
              + " layers");
    }
    List<List<T>> copy = new ArrayList<>(layers.size());
    for (int l = 0; l < layers.size(); l++) {
      List<T> w = layers.get(l);
      if (w.size() != architecture.layerParameters(l)) {
        throw new InvalidInputException(
            "filter " + (l + 1) + " has " + w.size() + " entries but its size "
                + Architecture.vec(architecture.size(l)) + " needs "
                + architecture.layerParameters(l));
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(w)));
    }
    return new FilterTuple<>(architecture, Collections.unmodifiableList(copy));
  }

  /** Splits a flat parameter vector (w_1, ..., w_H) into layers. */
  public static <T> FilterTuple<T> fromFlat(Architecture architecture, List<T> theta) {
    if (theta.size() != architecture.parameterCount()) {
      throw new InvalidInputException(
          "got " + theta.size() + " parameters, the architecture has "
              + architecture.parameterCount());
    }
    List<List<T>> layers = new ArrayList<>();
    for (int l = 0; l < architecture.depth(); l++) {
      layers.add(theta.subList(architecture.parameterStart(l), architecture.parameterStart(l + 1)));
    }
    return of(architecture, layers);
  }

  public Architecture architecture() {
    return architecture;
  }

  public int depth() {
    return layers.size();
  }

  /** Layer l's filter (0-based), row-major. */
  public List<T> layer(int l) {
    return layers.get(l);
  }

  public List<List<T>> layers() {
    return layers;
  }

  /** The flat parameter vector (w_1, ..., w_H). */
  public List<T> flat() {
    List<T> all = new ArrayList<>(architecture.parameterCount());
    layers.forEach(all::addAll);
    return all;
  }

  /** Entry-wise image under f. */
  public <U> FilterTuple<U> map(Function<? super T, ? extends U> f) {
    List<List<U>> out = new ArrayList<>();
    for (List<T> w : layers) {
      List<U> m = new ArrayList<>(w.size());
      for (T x : w) {
        m.add(f.apply(x));
      }
      out.add(m);
    }
    return of(architecture, out);
  }

  /** Squared Euclidean norm ||w_l||^2 of layer l. */
  public T squaredNorm(Ring<T> ring, int l) {
    T s = ring.zero();
    for (T x : layers.get(l)) {
      s = ring.addProduct(s, x, x);
    }
    return s;
  }

  /** The invariants delta_l = ||w_{l+1}||^2 - ||w_l||^2, l = 1..H-1 (eq. 1). */
  public List<T> invariants(Ring<T> ring) {
    List<T> d = new ArrayList<>();
    for (int l = 0; l + 1 < depth(); l++) {
      d.add(ring.subtract(squaredNorm(ring, l + 1), squaredNorm(ring, l)));
    }
    return d;
  }

  /** Index of the first layer whose filter is zero, or -1. */
  public int firstZeroLayer(Ring<T> ring) {
    for (int l = 0; l < depth(); l++) {
      if (layers.get(l).stream().allMatch(ring::isZero)) {
        return l;
      }
    }
    return -1;
  }

  /**
   * Checks the hypotheses of the rescaling to prescribed invariants (Prop. 2 / 12): {@code
   * invariants} target values, which must be H - 1, and no zero filter. Shared by the exact and the
   * double-precision rescaling.
   *
   * @throws InvalidInputException if the count is wrong or a filter is zero
   */
  public void requireRescalable(Ring<T> ring, int invariants) {
    int h = depth();
    if (invariants != h - 1) {
      throw new InvalidInputException(
          "got " + invariants + " delta value" + (invariants == 1 ? "" : "s") + " but a network of "
              + h + " layer" + (h == 1 ? "" : "s") + " has " + (h - 1) + " invariant"
              + (h - 1 == 1 ? "" : "s"));
    }
    int zero = firstZeroLayer(ring);
    if (zero >= 0) {
      throw new InvalidInputException(
          "filter " + (zero + 1) + " is zero, but the rescaling to prescribed invariants"
              + " (Prop. 2 / 12) needs non-zero filters");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilterTuple<?> f
        && architecture.equals(f.architecture)
        && layers.equals(f.layers);
  }

  @Override
  public int hashCode() {
    return layers.hashCode();
  }

  @Override
  public String toString() {
    return layers.toString();
  }
}
