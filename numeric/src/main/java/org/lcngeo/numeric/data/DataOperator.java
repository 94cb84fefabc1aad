package org.lcngeo.numeric.data;

/**
 * The stacked matrix M (rows: the outputs of all samples, columns: the filter entries) of the
 * convolutions {@code v -> alpha_v(X_i)} (paper, eq. 10), applied from the data without forming M
 * or A = M^T M: memory O(N |X|) instead of O(n^2), and no O(N d n^2) set-up. {@code M v} runs as one
 * contiguous axpy over the samples per (output, filter entry) on the inputs stored pixel-major;
 * {@code M^T r} as one contiguous axpy per (sample, output, run of consecutive input positions) on
 * the inputs as given. Immutable and thread-safe.
 */
final class DataOperator {
  private final int samples;
  private final int outputs;
  private final int n;
  /** xt[p * samples + i] = X_i[p]. */
  private final double[] xt;
  /** positions[o][j]: the input position of filter entry j in output o. */
  private final int[][] positions;
  /** runs[o]: triples (first filter entry, first input position, length) of contiguous runs. */
  private final int[][] runs;
  private final double[][] x;

  DataOperator(TrainingData data) {
    NumericConvolution c = data.convolution();
    this.samples = data.samples();
    this.outputs = c.outputEntries();
    this.n = c.filterEntries();
    this.x = data.x();
    int inputs = c.inputEntries();
    this.xt = new double[inputs * samples];
    for (int i = 0; i < samples; i++) {
      for (int p = 0; p < inputs; p++) {
        xt[p * samples + i] = x[i][p];
      }
    }
    this.positions = new int[outputs][n];
    this.runs = new int[outputs][];
    for (int o = 0; o < outputs; o++) {
      for (int j = 0; j < n; j++) {
        positions[o][j] = c.position(o, j);
      }
      int[] r = new int[3 * n];
      int count = 0;
      for (int j = 0; j < n; ) {
        int len = 1;
        while (j + len < n && positions[o][j + len] == positions[o][j] + len) {
          len++;
        }
        r[count++] = j;
        r[count++] = positions[o][j];
        r[count++] = len;
        j += len;
      }
      runs[o] = java.util.Arrays.copyOf(r, count);
    }
  }

  /** Rows of M: samples times outputs; row (i, o) is at o * samples + i. */
  int rows() {
    return samples * outputs;
  }

  /** out := M v (length rows()), skipping the zero entries of v. */
  void times(double[] v, double[] out) {
    java.util.Arrays.fill(out, 0, rows(), 0.0);
    for (int j = 0; j < n; j++) {
      double c = v[j];
      if (c == 0.0) {
        continue;
      }
      for (int o = 0; o < outputs; o++) {
        int base = positions[o][j] * samples;
        int at = o * samples;
        for (int i = 0; i < samples; i++) {
          out[at + i] += c * xt[base + i];
        }
      }
    }
  }

  /** out := M^T r (length n). */
  void transposeTimes(double[] r, double[] out) {
    java.util.Arrays.fill(out, 0, n, 0.0);
    for (int i = 0; i < samples; i++) {
      double[] xi = x[i];
      for (int o = 0; o < outputs; o++) {
        double c = r[o * samples + i];
        if (c == 0.0) {
          continue;
        }
        int[] ro = runs[o];
        for (int k = 0; k < ro.length; k += 3) {
          int j0 = ro[k];
          int p0 = ro[k + 1] - j0;
          int end = j0 + ro[k + 2];
          for (int j = j0; j < end; j++) {
            out[j] += c * xi[p0 + j];
          }
        }
      }
    }
  }
}
