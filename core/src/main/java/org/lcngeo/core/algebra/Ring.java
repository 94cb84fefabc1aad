package org.lcngeo.core.algebra;

/**
 * The arithmetic an executor of the plan of mu needs: a commutative ring with exact or approximate
 * elements. Modelled on {@code edu.jas.structure.RingElem} and Hipparchus' {@code Field}, but
 * external to the element type, so that plain JDK and library types (Hipparchus {@code
 * BigFraction}, JAS polynomials, real algebraic numbers) can be used without wrappers.
 *
 * @param <T> the element type
 */
public interface Ring<T> {
  T zero();

  T one();

  T add(T a, T b);

  T multiply(T a, T b);

  T negate(T a);

  boolean isZero(T a);

  default T subtract(T a, T b) {
    return add(a, negate(b));
  }

  /** a + b*c. */
  default T addProduct(T a, T b, T c) {
    return add(a, multiply(b, c));
  }
}
