package org.lcngeo.core.plan;

/**
 * The NTK as a function of the end-to-end filter and the invariants, K^(delta)(v) (Thm. 4, Ex. 15):
 * what the exact layer derives in closed form and the numeric layer compiles and evaluates.
 */
public interface NtkOfV {
  /**
   * K^(delta)(v).
   *
   * @param v the end-to-end filter, row-major
   * @param delta the invariants delta_1, ..., delta_{H-1}
   * @return the n x n NTK
   */
  double[][] ntk(double[] v, double[] delta);
}
