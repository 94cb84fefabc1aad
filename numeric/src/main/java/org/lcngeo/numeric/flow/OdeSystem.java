package org.lcngeo.numeric.flow;

/**
 * An autonomous ODE y' = f(y) as the integrators of this package see it: the right-hand side into a
 * caller's array (no allocation) and, for the stiff methods, its Jacobian df/dy.
 */
public interface OdeSystem {
  int dimension();

  /** out := f(y). */
  void derivative(double[] y, double[] out);

  /** out := df/dy at y (dimension x dimension). */
  void jacobian(double[] y, double[][] out);

  /** Number of right-hand-side evaluations so far (including those inside {@link #jacobian}). */
  long evaluations();
}
