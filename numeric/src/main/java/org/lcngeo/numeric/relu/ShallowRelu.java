package org.lcngeo.numeric.relu;

import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.plan.Convolution;
import org.lcngeo.numeric.data.NumericConvolution;

/**
 * Empirical NTKs of shallow (two-layer) ReLU networks on a data set (paper, Sec. 5): the network
 * output on all samples stacked into one vector F(theta), its Jacobian J with respect to the
 * parameters, and K = J J^T.
 *
 * <p>The 1-D ReLU CNN is f(X) = alpha_{w2,s2}(ReLU(alpha_{w1,s1}(X))) (eq. 2 between the layers);
 * the ReLU MLP is f(X) = W_2 ReLU(W_1 X). Parameters are ordered layer 1 first, row-major, as in
 * the linear case.
 */
public final class ShallowRelu {
  private ShallowRelu() {}

  /** Outputs of the ReLU MLP on the samples (rows of {@code x}), stacked sample by sample. */
  public static double[] mlpOutputs(double[][] w1, double[][] w2, double[][] x) {
    int hidden = w1.length;
    int out = w2.length;
    double[] f = new double[x.length * out];
    for (int i = 0; i < x.length; i++) {
      double[] h = relu(multiply(w1, x[i]));
      for (int k = 0; k < out; k++) {
        double s = 0;
        for (int j = 0; j < hidden; j++) {
          s += w2[k][j] * h[j];
        }
        f[i * out + k] = s;
      }
    }
    return f;
  }

  /** The empirical NTK J J^T of the ReLU MLP on the samples (rows of {@code x}). */
  public static double[][] mlpNtk(double[][] w1, double[][] w2, double[][] x) {
    int hidden = w1.length;
    int in = w1[0].length;
    int out = w2.length;
    if (w2[0].length != hidden || x[0].length != in) {
      throw new InvalidInputException("the MLP's matrices and samples do not fit together");
    }
    int params = hidden * in + out * hidden;
    double[][] j = new double[x.length * out][params];
    for (int i = 0; i < x.length; i++) {
      double[] pre = multiply(w1, x[i]);
      for (int k = 0; k < out; k++) {
        double[] row = j[i * out + k];
        for (int a = 0; a < hidden; a++) {
          if (pre[a] > 0) {
            for (int b = 0; b < in; b++) {
              row[a * in + b] = w2[k][a] * x[i][b];
            }
            row[hidden * in + k * hidden + a] = pre[a];
          }
        }
      }
    }
    return gram(j);
  }

  /** Outputs of the 1-D ReLU CNN on the signals, stacked signal by signal. */
  public static double[] cnnOutputs(double[] w1, int s1, double[] w2, int s2, double[][] x) {
    int outLen = outputLength(w1.length, s1, w2.length, s2, x[0].length);
    NumericConvolution c1 = layer(w1.length, s1, x[0].length);
    NumericConvolution c2 = layer(w2.length, s2, c1.outputEntries());
    double[] f = new double[x.length * outLen];
    for (int i = 0; i < x.length; i++) {
      double[] h = relu(c1.apply(w1, x[i]));
      double[] y = c2.apply(w2, h);
      System.arraycopy(y, 0, f, i * outLen, outLen);
    }
    return f;
  }

  /** The empirical NTK J J^T of the 1-D ReLU CNN on the signals. */
  public static double[][] cnnNtk(double[] w1, int s1, double[] w2, int s2, double[][] x) {
    int k1 = w1.length;
    int k2 = w2.length;
    int outLen = outputLength(k1, s1, k2, s2, x[0].length);
    NumericConvolution c1 = layer(k1, s1, x[0].length);
    Convolution c2 = Convolution.compile(new int[] {k2}, new int[] {s2}, c1.outputShape());
    double[][] j = new double[x.length * outLen][k1 + k2];
    for (int i = 0; i < x.length; i++) {
      double[] pre = c1.apply(w1, x[i]);
      for (int o = 0; o < outLen; o++) {
        double[] row = j[i * outLen + o];
        for (int b = 0; b < k2; b++) {
          int hIndex = c2.position(o, b);
          if (pre[hIndex] > 0) {
            row[k1 + b] = pre[hIndex];
            for (int a = 0; a < k1; a++) {
              row[a] += w2[b] * c1.matrixEntry(x[i], hIndex, a);
            }
          }
        }
      }
    }
    return gram(j);
  }

  private static int outputLength(int k1, int s1, int k2, int s2, int inputLength) {
    int hidden = (inputLength - k1) / s1 + 1;
    int out = (hidden - k2) / s2 + 1;
    if (inputLength < k1 || hidden < k2) {
      throw new InvalidInputException("the signals are too short for the filters");
    }
    return out;
  }

  /** alpha_{w,s} in 1-D on signals of length n (eq. 2), the core's plan run in double. */
  private static NumericConvolution layer(int k, int s, int n) {
    return new NumericConvolution(Convolution.compile(new int[] {k}, new int[] {s}, new int[] {n}));
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] y = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < v.length; j++) {
        y[i] += m[i][j] * v[j];
      }
    }
    return y;
  }

  private static double[] relu(double[] a) {
    double[] h = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      h[i] = Math.max(0, a[i]);
    }
    return h;
  }

  private static double[][] gram(double[][] j) {
    int n = j.length;
    double[][] k = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = a; b < n; b++) {
        double s = 0;
        for (int c = 0; c < j[a].length; c++) {
          s += j[a][c] * j[b][c];
        }
        k[a][b] = s;
        k[b][a] = s;
      }
    }
    return k;
  }
}
