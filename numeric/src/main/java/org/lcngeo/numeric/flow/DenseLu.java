package org.lcngeo.numeric.flow;

/** LU decomposition with partial pivoting of a small dense matrix, in place, allocation-free. */
final class DenseLu {
  private final int n;
  private final double[][] lu;
  private final int[] pivot;

  DenseLu(int n) {
    this.n = n;
    this.lu = new double[n][n];
    this.pivot = new int[n];
  }

  /** The matrix to decompose (fill it, then call {@link #decompose()}). */
  double[][] matrix() {
    return lu;
  }

  /** Decomposes; false when the matrix is numerically singular. */
  boolean decompose() {
    for (int k = 0; k < n; k++) {
      int p = k;
      double max = Math.abs(lu[k][k]);
      for (int i = k + 1; i < n; i++) {
        double v = Math.abs(lu[i][k]);
        if (v > max) {
          max = v;
          p = i;
        }
      }
      if (max == 0.0 || !Double.isFinite(max)) {
        return false;
      }
      pivot[k] = p;
      if (p != k) {
        double[] t = lu[p];
        lu[p] = lu[k];
        lu[k] = t;
      }
      double inv = 1.0 / lu[k][k];
      for (int i = k + 1; i < n; i++) {
        double f = lu[i][k] * inv;
        lu[i][k] = f;
        if (f != 0.0) {
          double[] ri = lu[i];
          double[] rk = lu[k];
          for (int j = k + 1; j < n; j++) {
            ri[j] -= f * rk[j];
          }
        }
      }
    }
    return true;
  }

  /** Solves in place: b := A^{-1} b. */
  void solve(double[] b) {
    for (int k = 0; k < n; k++) {
      int p = pivot[k];
      if (p != k) {
        double t = b[p];
        b[p] = b[k];
        b[k] = t;
      }
    }
    for (int i = 1; i < n; i++) {
      double s = b[i];
      double[] r = lu[i];
      for (int j = 0; j < i; j++) {
        s -= r[j] * b[j];
      }
      b[i] = s;
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      double[] r = lu[i];
      for (int j = i + 1; j < n; j++) {
        s -= r[j] * b[j];
      }
      b[i] = s / r[i];
    }
  }
}
