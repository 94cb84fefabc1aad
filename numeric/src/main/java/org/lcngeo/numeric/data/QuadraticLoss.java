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
  /**
   * Filter entries from which the loss runs on the data ({@link DataOperator}: M v and M^T r, at
   * most 2 N d n multiply-adds per gradient, memory O(N |X|)) instead of on A (n^2 per gradient,
   * memory and set-up O(n^2) and O(N d n^2)): beyond it A leaves the caches (n = 1449: 16 MB), and
   * the data path also wins whenever its two products take fewer multiply-adds than n^2.
   */
  private static final int DIRECT_FROM = 1449;
  /** Rows of the stacked M (samples x outputs) added to A together: A's rows stay in cache. */
  private static final int BLOCK = 32;
  private final TrainingData data;
  private final int n;
  /** A, or null when the loss runs on the data. */
  private final double[][] a;
  /** M from the data, or null when the loss runs on A. */
  private final DataOperator m;
  /** The outputs in M's row order (o * samples + i), with m. */
  private final double[] yRows;
  private final ThreadLocal<double[]> residual;
  /** This thread's gradient, for the value on A. */
  private final ThreadLocal<double[]> scratch;
  private final double[] b;
  private final double y2;

  public QuadraticLoss(TrainingData data) {
    this(data, runsOnData(data));
  }

  private static boolean runsOnData(TrainingData data) {
    NumericConvolution c = data.convolution();
    long n = c.filterEntries();
    return n >= DIRECT_FROM || 2 * DataOperator.multiplyAdds(c, data.samples()) < n * n;
  }

  /** The loss on A, or (onData) on the data; the public constructor picks the cheaper. */
  QuadraticLoss(TrainingData data, boolean onData) {
    this.data = data;
    NumericConvolution c = data.convolution();
    this.n = c.filterEntries();
    int outputs = c.outputEntries();
    int samples = data.samples();
    double yy = 0;
    for (int i = 0; i < samples; i++) {
      for (int o = 0; o < outputs; o++) {
        yy += data.y()[i][o] * data.y()[i][o];
      }
    }
    this.y2 = yy;
    this.b = new double[n];
    int size = n;
    this.scratch = ThreadLocal.withInitial(() -> new double[size]);
    if (onData) {
      this.a = null;
      this.m = DataOperator.of(data);
      this.yRows = new double[m.rows()];
      for (int i = 0; i < samples; i++) {
        for (int o = 0; o < outputs; o++) {
          yRows[o * samples + i] = data.y()[i][o];
        }
      }
      m.transposeTimes(yRows, b);
      this.residual = ThreadLocal.withInitial(() -> new double[yRows.length]);
    } else {
      this.a = gram(data, b);
      this.m = null;
      this.yRows = null;
      this.residual = null;
    }
  }

  /**
   * A = sum_i M_i^T M_i (and b := sum_i M_i^T Y_i), blocked: the rows of M are added BLOCK at a
   * time, one row of A at a time.
   */
  private static double[][] gram(TrainingData data, double[] b) {
    NumericConvolution c = data.convolution();
    int n = c.filterEntries();
    double[][] a = new double[n][n];
    int outputs = c.outputEntries();
    int rows = data.samples() * outputs;
    double[][] cols = new double[Math.min(BLOCK, rows)][n];
    for (int r0 = 0; r0 < rows; r0 += BLOCK) {
      int r1 = Math.min(rows, r0 + BLOCK);
      for (int r = r0; r < r1; r++) {
        int i = r / outputs;
        int o = r % outputs;
        double[] xi = data.x()[i];
        double yo = data.y()[i][o];
        double[] col = cols[r - r0];
        for (int j = 0; j < n; j++) {
          col[j] = c.matrixEntry(xi, o, j);
          b[j] += col[j] * yo;
        }
      }
      for (int j = 0; j < n; j++) {
        double[] aj = a[j];
        for (int r = 0; r < r1 - r0; r++) {
          double[] col = cols[r];
          double cj = col[j];
          if (cj == 0.0) {
            continue;
          }
          for (int k = j; k < n; k++) {
            aj[k] += cj * col[k];
          }
        }
      }
    }
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < j; k++) {
        a[j][k] = a[k][j];
      }
    }
    return a;
  }

  public TrainingData data() {
    return data;
  }

  /** Number of filter entries n. */
  public int size() {
    return n;
  }

  /** A copy of A = sum_i M_i^T M_i (formed here when the loss runs on the data: O(N d n^2)). */
  public double[][] matrixA() {
    if (a == null) {
      return gram(data, new double[n]);
    }
    double[][] c = new double[n][];
    for (int i = 0; i < n; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** A copy of b = sum_i M_i^T Y_i (the function-space flow's constant term). */
  public double[] vectorB() {
    return b.clone();
  }

  /** sum_i ||Y_i||^2. */
  public double outputSquaredNorm() {
    return y2;
  }

  /** l(v) from the reduction (or from the residual M v - y when the loss runs on the data). */
  public double value(double[] v) {
    if (m != null) {
      double[] r = residual(v);
      double s = 0;
      for (double x : r) {
        s += x * x;
      }
      return s;
    }
    // v^T A v - 2 b^T v + y2 = (g . v) / 2 - b . v + y2 with g = 2 (A v - b): the n^2 part is the
    // gradient's vectorized sweep over the columns of A
    double[] g = scratch.get();
    gradient(v, g);
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += v[j] * (0.5 * g[j] - b[j]);
    }
    return s + y2;
  }

  /**
   * An estimate of the absolute rounding error of {@link #value}: the reduced form v^T A v - 2 b^T
   * v + y2 cancels terms of the size of y2 where l(v) is small (a good fit), so its error is a few
   * n ulp(y2), whatever l(v) is; the sum of squared residuals (the loss on the data) cancels
   * nothing and has only a relative error (0 here).
   */
  public double valueRoundingError() {
    return m != null ? 0 : 4.0 * (n + 1) * Math.ulp(y2);
  }

  /** This thread's M v - y. */
  private double[] residual(double[] v) {
    double[] r = residual.get();
    m.times(v, r);
    for (int k = 0; k < r.length; k++) {
      r[k] -= yRows[k];
    }
    return r;
  }

  /**
   * out := grad l(v) = 2 (A v - b), as a sum of columns of A (A is symmetric), two at a time:
   * contiguous loops that vectorize; or 2 M^T (M v - y) from the data. Allocation-free.
   */
  public void gradient(double[] v, double[] out) {
    if (m != null) {
      m.transposeTimes(residual(v), out);
      for (int j = 0; j < n; j++) {
        out[j] *= 2;
      }
      return;
    }
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

  /**
   * out := J^T (2A) J (p x p) for a J of n rows and p columns: the Gauss-Newton part of the
   * Hessian of l o mu. On A: (2A J) first, from the non-zero entries of J; on the data: 2 (M J)^T (M
   * J), with M J from one correlation of each input with each of J's blocks ({@link
   * DataOperator#timesColumns}: no n x n matrix, and not one product M v per column).
   */
  public void gaussNewton(ShiftedColumns columns, double[][] out) {
    int p = columns.columns();
    if (m != null) {
      double[][] mj = new double[p][m.rows()];
      m.timesColumns(columns, mj);
      twiceGramOfRows(mj, out);
      return;
    }
    double[][] jac = columns.dense();
    // (2A J)^T and J^T by rows: column k of 2A J is the sum of the rows of 2A (A symmetric) at
    // the non-zero entries of column k of J, so the work is O(nnz(J) n), not O(n^2 p)
    double[][] twoAJt = new double[p][n];
    double[][] jt = new double[p][n];
    for (int c = 0; c < n; c++) {
      double[] jc = jac[c];
      double[] ac = a[c];
      for (int k = 0; k < p; k++) {
        double w = jc[k];
        if (w == 0.0) {
          continue;
        }
        jt[k][c] = w;
        double[] row = twoAJt[k];
        double w2 = 2 * w;
        for (int r = 0; r < n; r++) {
          row[r] += w2 * ac[r];
        }
      }
    }
    for (int i = 0; i < p; i++) {
      double[] ji = jt[i];
      for (int j = i; j < p; j++) {
        double[] aj = twoAJt[j];
        double sum = 0;
        for (int r = 0; r < n; r++) {
          sum += ji[r] * aj[r];
        }
        out[i][j] = sum;
        out[j][i] = sum;
      }
    }
  }

  /**
   * out[k] += 2A J e_k (length n) for every column k of J: the Hessian of l applied to J. On the
   * data: 2 M^T (M J e_k), with M J from {@link DataOperator#timesColumns} and M^T on all its
   * columns by {@link DataOperator#transposeTimesColumns}; on A: the rows of 2A at
   * the column's non-zero entries (O(nnz(J) n), not O(n^2 p)).
   */
  public void addHessianTimes(ShiftedColumns columns, double[][] out) {
    int p = columns.columns();
    if (m != null) {
      double[][] mj = new double[p][m.rows()];
      m.timesColumns(columns, mj);
      double[][] t = new double[p][n];
      m.transposeTimesColumns(mj, t);
      for (int k = 0; k < p; k++) {
        double[] ok = out[k];
        double[] tk = t[k];
        for (int r = 0; r < n; r++) {
          ok[r] += 2 * tk[r];
        }
      }
      return;
    }
    for (int l = 0; l < columns.blocks().length; l++) {
      double[] block = columns.blocks()[l];
      int[] sup = columns.supports()[l];
      int[] off = columns.offsets()[l];
      for (int j = 0; j < off.length; j++) {
        double[] ok = out[columns.starts()[l] + j];
        for (int q : sup) {
          double w = 2 * block[q];
          if (w == 0.0) {
            continue;
          }
          double[] ar = a[q + off[j]];
          for (int r = 0; r < n; r++) {
            ok[r] += w * ar[r];
          }
        }
      }
    }
  }

  /**
   * out := 2 Y Y^T for the rows y_i of Y, four entries of a row at a time (one pass over y_i for
   * four dot products).
   */
  private static void twiceGramOfRows(double[][] y, double[][] out) {
    int p = y.length;
    int len = y[0].length;
    for (int i = 0; i < p; i++) {
      double[] x = y[i];
      int j = i;
      for (; j + 3 < p; j += 4) {
        double[] y0 = y[j];
        double[] y1 = y[j + 1];
        double[] y2 = y[j + 2];
        double[] y3 = y[j + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < len; k++) {
          double xk = x[k];
          s0 += xk * y0[k];
          s1 += xk * y1[k];
          s2 += xk * y2[k];
          s3 += xk * y3[k];
        }
        out[i][j] = out[j][i] = 2 * s0;
        out[i][j + 1] = out[j + 1][i] = 2 * s1;
        out[i][j + 2] = out[j + 2][i] = 2 * s2;
        out[i][j + 3] = out[j + 3][i] = 2 * s3;
      }
      for (; j < p; j++) {
        double[] yj = y[j];
        double s = 0;
        for (int k = 0; k < len; k++) {
          s += x[k] * yj[k];
        }
        out[i][j] = out[j][i] = 2 * s;
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
   * equations than filter entries) or when the loss runs on the data (A too large to factor).
   */
  public double[] minimizer() {
    if (a == null) {
      return null;
    }
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
