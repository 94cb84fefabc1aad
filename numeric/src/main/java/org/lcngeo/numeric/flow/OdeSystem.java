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
   * The rank r of the low-rank form of the Jacobian ({@link #lowRankJacobian}) that a stiff method
   * may use instead of the dense one, for systems whose dense Jacobian is too large to form or
   * factor; 0, the default, when the Jacobian is only given densely.
   */
  default int jacobianRank() {
    return 0;
  }

  /**
   * df/dy at y in the low-rank form U V^T of rank {@link #jacobianRank()} (owned by the system:
   * valid until its next call).
   */
  default LowRankJacobian lowRankJacobian(double[] y) {
    throw new UnsupportedOperationException("no low-rank Jacobian");
  }

  /** Number of right-hand-side evaluations so far (including those inside {@link #jacobian}). */
  long evaluations();
}
