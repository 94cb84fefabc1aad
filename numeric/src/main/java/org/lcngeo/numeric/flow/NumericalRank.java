package org.lcngeo.numeric.flow;

/**
 * The numerical rank of a dense matrix: the number of its singular values above a relative
 * threshold times the largest, without the singular vectors. The matrix (in its tall orientation)
 * is reduced to the R of its QR decomposition, R to an upper bidiagonal B by Householder
 * reflections from both sides (both backward stable: the singular values move by at most a few
 * units in the last place of the largest), and the singular values of B are the non-negative
 * eigenvalues of the symmetric tridiagonal Golub-Kahan matrix with zero diagonal and off-diagonal
 * (d_1, e_1, d_2, ..., e_(k-1), d_k), counted by Sturm sequences (Golub and Van Loan, "Matrix
 * Computations", Sec. 8.4.1 and 8.6.1). W6b's 4225 x 283 Jacobian: one Sturm count of O(k) per
 * bisection step instead of a full SVD with U and V.
 */
final class NumericalRank {
  private NumericalRank() {}

  /**
   * The number of singular values of a (rows x columns, row-major) above {@code relative} times
   * the largest; 0 for the zero matrix.
   */
  static int of(double[][] a, double relative) {
    double[] b = golubKahanOffDiagonal(triangularFactor(a));
    double largest = largestEigenvalue(b);
    if (largest == 0) {
      return 0;
    }
    // the eigenvalues come in pairs +-sigma: those above the (positive) threshold are the sigmas
    return b.length + 1 - countBelow(b, relative * largest);
  }

  /**
   * R (k x k, k = the smaller dimension) of the QR decomposition of a or of its transpose, by
   * Householder reflections on the columns (stored as contiguous arrays), four columns per pass
   * over the reflector so that the four dot products run side by side.
   */
  private static double[][] triangularFactor(double[][] a) {
    int rows = a.length;
    int cols = a[0].length;
    int k = Math.min(rows, cols);
    int m = Math.max(rows, cols);
    double[][] c = new double[k][];
    if (rows < cols) {
      for (int j = 0; j < k; j++) {
        c[j] = a[j].clone();
      }
    } else {
      for (int j = 0; j < k; j++) {
        c[j] = new double[m];
      }
      for (int i = 0; i < m; i++) {
        double[] ai = a[i];
        for (int j = 0; j < k; j++) {
          c[j][i] = ai[j];
        }
      }
    }
    double[][] r = new double[k][k];
    for (int minor = 0; minor < k; minor++) {
      double[] x = c[minor];
      double alpha = reflector(x, minor, m - minor);
      r[minor][minor] = alpha;
      if (alpha == 0) {
        continue;
      }
      // H y = y - t (v . y) v with t = 2 / (v . v) = -1 / (alpha v_0)
      double t = -1 / (alpha * x[minor]);
      int col = minor + 1;
      for (; col + 3 < k; col += 4) {
        double[] y0 = c[col];
        double[] y1 = c[col + 1];
        double[] y2 = c[col + 2];
        double[] y3 = c[col + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = minor; i < m; i++) {
          double xi = x[i];
          s0 += xi * y0[i];
          s1 += xi * y1[i];
          s2 += xi * y2[i];
          s3 += xi * y3[i];
        }
        reflect(x, y0, t * s0, minor, m);
        reflect(x, y1, t * s1, minor, m);
        reflect(x, y2, t * s2, minor, m);
        reflect(x, y3, t * s3, minor, m);
      }
      for (; col < k; col++) {
        double[] y = c[col];
        double s = 0;
        for (int i = minor; i < m; i++) {
          s += x[i] * y[i];
        }
        reflect(x, y, t * s, minor, m);
      }
      for (int j = minor + 1; j < k; j++) {
        r[minor][j] = c[j][minor];
      }
    }
    return r;
  }

  /** y[from..to) -= f v[from..to). */
  private static void reflect(double[] v, double[] y, double f, int from, int to) {
    for (int i = from; i < to; i++) {
      y[i] -= f * v[i];
    }
  }

  /**
   * Reduces the square matrix r (overwritten) to upper bidiagonal form and returns the
   * off-diagonal (d_1, e_1, ..., e_(k-1), d_k) of its Golub-Kahan matrix (length 2k - 1).
   */
  private static double[] golubKahanOffDiagonal(double[][] r) {
    int k = r.length;
    double[] out = new double[2 * k - 1];
    double[] v = new double[k];
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      // from the left: zero column j below the diagonal
      int len = k - j;
      for (int i = j; i < k; i++) {
        v[i] = r[i][j];
      }
      double alpha = reflector(v, j, len);
      out[2 * j] = alpha;
      if (alpha != 0 && j + 1 < k) {
        double vtv = squaredNorm(v, j, len);
        if (vtv != 0) {
          java.util.Arrays.fill(w, j + 1, k, 0.0);
          for (int i = j; i < k; i++) {
            double vi = v[i];
            double[] ri = r[i];
            for (int c = j + 1; c < k; c++) {
              w[c] += vi * ri[c];
            }
          }
          double tau = 2 / vtv;
          for (int i = j; i < k; i++) {
            double s = tau * v[i];
            double[] ri = r[i];
            for (int c = j + 1; c < k; c++) {
              ri[c] -= s * w[c];
            }
          }
        }
      }
      if (j + 1 >= k) {
        continue;
      }
      // from the right: zero row j beyond the superdiagonal
      int len2 = k - j - 1;
      double[] rj = r[j];
      for (int c = j + 1; c < k; c++) {
        v[c] = rj[c];
      }
      double beta = reflector(v, j + 1, len2);
      out[2 * j + 1] = beta;
      double vtv = squaredNorm(v, j + 1, len2);
      if (beta != 0 && vtv != 0) {
        double tau = 2 / vtv;
        for (int i = j + 1; i < k; i++) {
          double[] ri = r[i];
          double s = 0;
          for (int c = j + 1; c < k; c++) {
            s += ri[c] * v[c];
          }
          s *= tau;
          for (int c = j + 1; c < k; c++) {
            ri[c] -= s * v[c];
          }
        }
      }
    }
    return out;
  }

  /**
   * Turns x = v[from..from+len) into the Householder vector of the reflection that maps x to
   * alpha e_1, and returns alpha (0 when x = 0, v then unchanged).
   */
  private static double reflector(double[] v, int from, int len) {
    double scale = 0;
    for (int i = from; i < from + len; i++) {
      scale = Math.max(scale, Math.abs(v[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < from + len; i++) {
      double x = v[i] / scale;
      s += x * x;
    }
    double norm = scale * Math.sqrt(s);
    double alpha = v[from] > 0 ? -norm : norm;
    v[from] -= alpha;
    return alpha;
  }

  private static double squaredNorm(double[] v, int from, int len) {
    double s = 0;
    for (int i = from; i < from + len; i++) {
      s += v[i] * v[i];
    }
    return s;
  }

  /** The largest eigenvalue of the zero-diagonal tridiagonal matrix with off-diagonal b. */
  private static double largestEigenvalue(double[] b) {
    int size = b.length + 1;
    double hi = 0;
    for (int i = 0; i < size; i++) {
      double left = i > 0 ? Math.abs(b[i - 1]) : 0;
      double right = i < b.length ? Math.abs(b[i]) : 0;
      hi = Math.max(hi, left + right);
    }
    if (hi == 0) {
      return 0;
    }
    double lo = 0;
    // bisection to adjacent doubles: the largest eigenvalue lies in (lo, hi]
    while (true) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        return hi;
      }
      if (countBelow(b, mid) == size) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
  }

  /**
   * The number of eigenvalues below x of the zero-diagonal tridiagonal matrix with off-diagonal
   * b: the negative pivots of the LDL^T factorization of T - x I (Sylvester's law of inertia),
   * with a zero pivot replaced by a tiny negative one as in LAPACK's dstebz.
   */
  private static int countBelow(double[] b, double x) {
    double maxSquare = 0;
    for (double e : b) {
      maxSquare = Math.max(maxSquare, e * e);
    }
    double pivotMin = Double.MIN_NORMAL * Math.max(1, maxSquare);
    int count = 0;
    double q = -x;
    if (Math.abs(q) < pivotMin) {
      q = -pivotMin;
    }
    if (q < 0) {
      count++;
    }
    for (int i = 0; i < b.length; i++) {
      q = -x - b[i] * b[i] / q;
      if (Math.abs(q) < pivotMin) {
        q = -pivotMin;
      }
      if (q < 0) {
        count++;
      }
    }
    return count;
  }
}
