package org.lcngeo.core.algebra;

/**
 * A {@link Ring} whose elements are real numbers, so that they can be compared: what a problem
 * needs that takes the positive one of several roots (the rescaling of Prop. 2 / 12). The sign is
 * decided exactly for exact elements, by the IEEE comparison for doubles.
 *
 * @param <T> the element type
 */
public interface OrderedRing<T> extends Ring<T> {
  /** -1, 0 or 1 as a is negative, zero or positive. */
  int signum(T a);

  /** The sign of a - b. */
  default int compare(T a, T b) {
    return signum(subtract(a, b));
  }

  /** The larger of a and b; a when they are equal. */
  default T max(T a, T b) {
    return compare(b, a) > 0 ? b : a;
  }
}
