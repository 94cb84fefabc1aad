package org.lcngeo.numeric.flow;

/**
 * The Jacobian of a right-hand side by forward differences (n extra evaluations, steps sqrt(eps)
 * times max(1e-3, |y_j|)), for systems whose Jacobian is not available in closed form.
 */
public final class ForwardDifferences {
  private static final double SQRT_EPS = 1.4901161193847656e-8;

  private ForwardDifferences() {}

  /**
   * out := df/dy at y; f0 must hold f(y) on entry, and shifted and f1 are scratch arrays of the
   * system's dimension.
   */
  public static void jacobian(
      OdeSystem system, double[] y, double[] f0, double[] shifted, double[] f1, double[][] out) {
    int n = y.length;
    System.arraycopy(y, 0, shifted, 0, n);
    for (int j = 0; j < n; j++) {
      double e = SQRT_EPS * Math.max(1e-3, Math.abs(y[j]));
      shifted[j] = y[j] + e;
      system.derivative(shifted, f1);
      shifted[j] = y[j];
      for (int i = 0; i < n; i++) {
        out[i][j] = (f1[i] - f0[i]) / e;
      }
    }
  }
}
