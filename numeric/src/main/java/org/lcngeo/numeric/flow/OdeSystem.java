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

  /**
   * The rank r of a low-rank form df/dy ~ U V^T (U, V: dimension x r) of the Jacobian that a
   * stiff method may use instead of the dense one, for systems whose dense Jacobian is too large to
   * form or factor (the iteration matrix is then inverted by the Sherman-Morrison-Woodbury formula
   * with an r x r factorization); 0, the default, when the Jacobian is only given densely.
   */
  default int jacobianRank() {
    return 0;
  }

  /** u[k], v[k] (k < {@link #jacobianRank()}, each of length dimension) := the columns of U, V. */
  default void lowRankJacobian(double[] y, double[][] u, double[][] v) {
    throw new UnsupportedOperationException("no low-rank Jacobian");
  }

  /** Number of right-hand-side evaluations so far (including those inside {@link #jacobian}). */
  long evaluations();
}
