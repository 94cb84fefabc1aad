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

  /** Solves in place: b := A^{-1} b (row-oriented substitutions, four partial sums each). */
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
      b[i] -= dot(lu[i], b, 0, i);
    }
    for (int i = n - 1; i >= 0; i--) {
      double[] r = lu[i];
      b[i] = (b[i] - dot(r, b, i + 1, n)) / r[i];
    }
  }

  /** sum_{j in [from, to)} r_j b_j with four independent partial sums (chains C2 can overlap). */
  static double dot(double[] r, double[] b, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = from;
    for (; j + 3 < to; j += 4) {
      s0 += r[j] * b[j];
      s1 += r[j + 1] * b[j + 1];
      s2 += r[j + 2] * b[j + 2];
      s3 += r[j + 3] * b[j + 3];
    }
    for (; j < to; j++) {
      s0 += r[j] * b[j];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
