package org.lcngeo.numeric.ntk;

/** The axpy of this package's products ({@link GramPlan}, {@link LatticeProduct}). */
final class Axpy {
  private Axpy() {}

  /**
   * y[k] += a x[k] for k in [from, to): one index for both arrays, the form C2 vectorizes (small,
   * so that it is compiled on its own as well as inlined).
   */
  static void add(double[] y, double a, double[] x, int from, int to) {
    for (int k = from; k < to; k++) {
      y[k] += a * x[k];
    }
  }
}
