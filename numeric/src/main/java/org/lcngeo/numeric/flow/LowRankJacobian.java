package org.lcngeo.numeric.flow;

/**
 * A Jacobian of an {@link OdeSystem} in the low-rank form {@code df/dy = U V^T} (U, V: n x r), for
 * systems whose dense Jacobian is too large to form or factor: a stiff method inverts its
 * iteration matrix by the Sherman-Morrison-Woodbury formula, {@code (I - c U V^T)^{-1} = I + c U
 * (I - c V^T U)^{-1} V^T}, with an r x r factorization. V is given by its rows, so that V^T x is a
 * sum of n axpys of length r (contiguous: C2 vectorizes them; r dot products of length n would be
 * reductions, which it does not); U only as an operator, so that a U with structure (the
 * function-space field's U = -J, shifted copies of a few blocks) is applied from that structure
 * instead of from an n x r array.
 */
public interface LowRankJacobian {
  /** V by rows: n arrays of length r, row a holding V[a][0..r). */
  double[][] vRows();

  /** The rank r. */
  default int rank() {
    return vRows()[0].length;
  }

  /** x += scale U y (y: length r, x: length n). */
  void addUTimes(double[] y, double scale, double[] x);

  /** out := V^T U (r x r). */
  void gram(double[][] out);
}
