package org.lcngeo.numeric.ntk;

/**
 * Solves small symmetric positive semi-definite systems N x = b by Cholesky, adding a tiny
 * Levenberg-Marquardt shift when N is numerically singular. Allocation-free.
 */
final class SmallLinearSolver {
  private final int n;
  private final double[][] l;

  SmallLinearSolver(int n) {
    this.n = n;
    this.l = new double[n][n];
  }

  /** x := N^{-1} b (N and b untouched); false if no shift makes N positive definite. */
  boolean solve(double[][] a, double[] b, double[] x) {
    if (!factor(a)) {
      return false;
    }
    solve(b, x);
    return true;
  }

  /**
   * Factors N (untouched) for {@link #solve(double[], double[])}; false if no shift makes N
   * positive definite.
   */
  boolean factor(double[][] a) {
    double maxDiag = 0;
    for (int i = 0; i < n; i++) {
      maxDiag = Math.max(maxDiag, a[i][i]);
    }
    if (!(maxDiag > 0)) {
      return false;
    }
    for (double shift = 0; shift <= maxDiag; shift = shift == 0 ? 1e-14 * maxDiag : shift * 100) {
      if (cholesky(a, shift, maxDiag)) {
        return true;
      }
    }
    return false;
  }

  /** x := N^{-1} b with the last {@link #factor}'s N (x may be b). */
  void solve(double[] b, double[] x) {
    for (int i = 0; i < n; i++) {
      double s = b[i];
      double[] li = l[i];
      for (int k = 0; k < i; k++) {
        s -= li[k] * x[k];
      }
      x[i] = s / li[i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = x[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
  }

  private boolean cholesky(double[][] a, double shift, double maxDiag) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j] + (i == j ? shift : 0);
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 1e-13 * maxDiag)) {
            return false;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return true;
  }
}
