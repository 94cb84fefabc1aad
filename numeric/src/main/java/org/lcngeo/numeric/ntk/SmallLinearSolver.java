package org.lcngeo.numeric.ntk;

/**
 * Solves small symmetric positive semi-definite systems N x = b by Cholesky, adding a tiny
 * Levenberg-Marquardt shift when N is numerically singular. Allocation-free.
 *
 * <p>The factor is the upper triangle R with R^T R = N, computed right-looking (after row k is
 * scaled, every later row i is updated by {@code R[i][i..] -= R[k][i] R[k][i..]}), and kept twice:
 * by rows (R) and by columns (the rows of R^T). Then the factorization and both triangular solves
 * are axpys over contiguous rows, which the JIT vectorizes, instead of dot products, which it does
 * not.
 */
final class SmallLinearSolver {
  private final int n;
  /** The upper factor R by rows: r[i][j], j >= i. */
  private final double[][] r;
  /** R^T by rows (lower): rt[j][i] = r[i][j], i <= j. */
  private final double[][] rt;

  SmallLinearSolver(int n) {
    this.n = n;
    this.r = new double[n][n];
    this.rt = new double[n][n];
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
   * Factors N (untouched; only its upper triangle is read) for {@link #solve(double[], double[])};
   * false if no shift makes N positive definite.
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
        for (int i = 0; i < n; i++) {
          double[] ri = r[i];
          for (int j = i; j < n; j++) {
            rt[j][i] = ri[j];
          }
        }
        return true;
      }
    }
    return false;
  }

  /** x := N^{-1} b with the last {@link #factor}'s N (x may be b). */
  void solve(double[] b, double[] x) {
    if (x != b) {
      System.arraycopy(b, 0, x, 0, n);
    }
    // R^T y = b, y over x: y_k = x_k / R_kk, then x_i -= y_k R_ki for i > k (row k of R)
    for (int k = 0; k < n; k++) {
      double[] rk = r[k];
      double yk = x[k] / rk[k];
      x[k] = yk;
      for (int i = k + 1; i < n; i++) {
        x[i] -= yk * rk[i];
      }
    }
    // R x = y: x_k = y_k / R_kk, then y_i -= x_k R_ik for i < k (row k of R^T)
    for (int k = n - 1; k >= 0; k--) {
      double[] ck = rt[k];
      double xk = x[k] / ck[k];
      x[k] = xk;
      for (int i = 0; i < k; i++) {
        x[i] -= xk * ck[i];
      }
    }
  }

  private boolean cholesky(double[][] a, double shift, double maxDiag) {
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], i, r[i], i, n - i);
      r[i][i] += shift;
    }
    for (int k = 0; k < n; k++) {
      double[] rk = r[k];
      double s = rk[k];
      if (!(s > 1e-13 * maxDiag)) {
        return false;
      }
      double d = Math.sqrt(s);
      rk[k] = d;
      for (int j = k + 1; j < n; j++) {
        rk[j] /= d;
      }
      for (int i = k + 1; i < n; i++) {
        double[] ri = r[i];
        double f = rk[i];
        for (int j = i; j < n; j++) {
          ri[j] -= f * rk[j];
        }
      }
    }
    return true;
  }
}
