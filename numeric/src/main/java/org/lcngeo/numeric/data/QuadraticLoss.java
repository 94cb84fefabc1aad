package org.lcngeo.numeric.data;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The squared-error loss of an end-to-end convolution, {@code l(v) = sum_i ||alpha_v(X_i) - Y_i||^2}
 * (paper, Sec. 2.2), reduced once to a quadratic in the filter (Kohn et al. 2024, Cor. 7.2; Sec.
 * 7.1.5 of the paper): with M_i the matrix of {@code v -> alpha_v(X_i)}, A = sum M_i^T M_i, b = sum
 * M_i^T Y_i and y2 = sum ||Y_i||^2, {@code l(v) = v^T A v - 2 b^T v + y2 = (v - u)^T A (v - u) + c}
 * with u = A^{-1} b, c = y2 - b^T u. Immutable; evaluation is allocation-free.
 */
public final class QuadraticLoss {
  private final TrainingData data;
  private final int n;
  private final double[][] a;
  private final double[] aFlat;
  private final double[] b;
  private final double y2;

  public QuadraticLoss(TrainingData data) {
    this.data = data;
    NumericConvolution c = data.convolution();
    this.n = c.filterEntries();
    this.a = new double[n][n];
    this.b = new double[n];
    double yy = 0;
    double[] col = new double[n];
    for (int i = 0; i < data.samples(); i++) {
      double[] xi = data.x()[i];
      double[] yi = data.y()[i];
      for (int o = 0; o < c.outputEntries(); o++) {
        for (int j = 0; j < n; j++) {
          col[j] = c.matrixEntry(xi, o, j);
        }
        for (int j = 0; j < n; j++) {
          double cj = col[j];
          b[j] += cj * yi[o];
          for (int k = j; k < n; k++) {
            a[j][k] += cj * col[k];
          }
        }
        yy += yi[o] * yi[o];
      }
    }
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < j; k++) {
        a[j][k] = a[k][j];
      }
    }
    this.y2 = yy;
    this.aFlat = new double[n * n];
    for (int j = 0; j < n; j++) {
      System.arraycopy(a[j], 0, aFlat, j * n, n);
    }
  }

  public TrainingData data() {
    return data;
  }

  /** Number of filter entries n. */
  public int size() {
    return n;
  }

  /** A copy of A = sum_i M_i^T M_i. */
  public double[][] matrixA() {
    double[][] c = new double[n][];
    for (int i = 0; i < n; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** sum_i ||Y_i||^2. */
  public double outputSquaredNorm() {
    return y2;
  }

  /** l(v) from the reduction. */
  public double value(double[] v) {
    double s = y2;
    for (int j = 0; j < n; j++) {
      double av = 0;
      int row = j * n;
      for (int k = 0; k < n; k++) {
        av += aFlat[row + k] * v[k];
      }
      s += v[j] * (av - 2 * b[j]);
    }
    return s;
  }

  /**
   * out := grad l(v) = 2 (A v - b), as a sum of columns of A (A is symmetric), two at a time:
   * contiguous loops that vectorize. Allocation-free.
   */
  public void gradient(double[] v, double[] out) {
    for (int j = 0; j < n; j++) {
      out[j] = -2 * b[j];
    }
    int k = 0;
    for (; k + 1 < n; k += 2) {
      double c0 = 2 * v[k];
      double c1 = 2 * v[k + 1];
      double[] a0 = a[k];
      double[] a1 = a[k + 1];
      for (int j = 0; j < n; j++) {
        out[j] += a0[j] * c0 + a1[j] * c1;
      }
    }
    if (k < n) {
      double c = 2 * v[k];
      double[] ak = a[k];
      for (int j = 0; j < n; j++) {
        out[j] += ak[j] * c;
      }
    }
  }

  /** The Hessian 2A of l, as a new matrix. */
  public double[][] hessian() {
    double[][] h = matrixA();
    for (double[] r : h) {
      for (int k = 0; k < n; k++) {
        r[k] *= 2;
      }
    }
    return h;
  }

  /** l(v) straight from the data: sum_i ||alpha_v(X_i) - Y_i||^2 (eq. 10). */
  public double dataLoss(double[] v) {
    NumericConvolution c = data.convolution();
    double[] out = new double[c.outputEntries()];
    double s = 0;
    for (int i = 0; i < data.samples(); i++) {
      c.apply(v, data.x()[i], out);
      for (int o = 0; o < out.length; o++) {
        double r = out[o] - data.y()[i][o];
        s += r * r;
      }
    }
    return s;
  }

  /**
   * The minimizer u = A^{-1} b of l over all filters, or null when A is singular (fewer
   * equations than filter entries).
   */
  public double[] minimizer() {
    RealMatrix m = MatrixUtils.createRealMatrix(a);
    try {
      return new CholeskyDecomposition(m, 1e-14, 1e-14 * maxDiagonal())
          .getSolver()
          .solve(MatrixUtils.createRealVector(b))
          .toArray();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private double maxDiagonal() {
    double m = 0;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, a[i][i]);
    }
    return m;
  }

  /** c = l(u), the least value over all filters (NaN when A is singular). */
  public double minimum() {
    double[] u = minimizer();
    return u == null ? Double.NaN : value(u);
  }
}
