package org.lcngeo.numeric.data;

/**
 * The stacked matrix M (rows: the outputs of all samples, columns: the filter entries) of the
 * convolutions {@code v -> alpha_v(X_i)} (paper, eq. 10), applied from the data without forming M
 * or A = M^T M: memory O(N |X|) instead of O(n^2), and no O(N d n^2) set-up. Both {@code M v}
 * and {@code M^T r} run per sample (its input stays in the cache), four outputs and a run of
 * consecutive input positions at a time, on the inputs as given. Immutable and thread-safe.
 */
final class DataOperator {
  private final int samples;
  private final int outputs;
  private final int n;
  /** positions[o][j]: the input position of filter entry j in output o. */
  private final int[][] positions;
  /** runs[o]: triples (first filter entry, first input position, length) of contiguous runs. */
  private final int[][] runs;
  private final double[][] x;
  /**
   * translate[o] (o a multiple of 4 up to the last full group, and only while every group so far
   * qualifies): the input shifts (d1, d2, d3) of outputs o+1..o+3 against output o when their
   * windows are translates of o's; null from the first group that is not.
   */
  private final int[][] translate;
  /** shift[j]: the input offset of filter entry j within every window (position(o, j) - position(o, 0)). */
  private final int[] shift;

  DataOperator(TrainingData data) {
    NumericConvolution c = data.convolution();
    this.samples = data.samples();
    this.outputs = c.outputEntries();
    this.n = c.filterEntries();
    this.x = data.x();
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
    this.shift = new int[n];
    for (int j = 0; j < n; j++) {
      shift[j] = positions[0][j] - positions[0][0];
      for (int o = 1; o < outputs; o++) {
        if (positions[o][j] - positions[o][0] != shift[j]) {
          throw new IllegalArgumentException("the windows of the convolution are not translates");
        }
      }
    }
    this.translate = new int[outputs][];
    for (int o = 0; o + 3 < outputs; o += 4) {
      int[] d = new int[3];
      for (int k = 1; k <= 3 && d != null; k++) {
        int shift = positions[o + k][0] - positions[o][0];
        for (int j = 0; j < n; j++) {
          if (positions[o + k][j] - positions[o][j] != shift) {
            d = null;
            break;
          }
        }
        if (d != null) {
          d[k - 1] = shift;
        }
      }
      if (d == null) {
        break;
      }
      translate[o] = d;
    }
  }

  /** Rows of M: samples times outputs; row (i, o) is at o * samples + i. */
  int rows() {
    return samples * outputs;
  }

  /**
   * out := M v (length rows()), per sample: the sample's input is read from the cache once per
   * four outputs, not from memory once per output (W6c: 14 ms instead of 50 ms). Outputs whose
   * windows are translates of each other go four at a time, as four dot products over the runs
   * of the filter.
   */
  void times(double[] v, double[] out) {
    for (int i = 0; i < samples; i++) {
      double[] xi = x[i];
      int o = 0;
      for (; o + 3 < outputs && translate[o] != null; o += 4) {
        int[] d = translate[o];
        int d1 = d[0];
        int d2 = d[1];
        int d3 = d[2];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int[] ro = runs[o];
        for (int k = 0; k < ro.length; k += 3) {
          int j0 = ro[k];
          int p0 = ro[k + 1] - j0;
          int end = j0 + ro[k + 2];
          for (int j = j0; j < end; j++) {
            int q = p0 + j;
            double vj = v[j];
            s0 += vj * xi[q];
            s1 += vj * xi[q + d1];
            s2 += vj * xi[q + d2];
            s3 += vj * xi[q + d3];
          }
        }
        out[o * samples + i] = s0;
        out[(o + 1) * samples + i] = s1;
        out[(o + 2) * samples + i] = s2;
        out[(o + 3) * samples + i] = s3;
      }
      for (; o < outputs; o++) {
        double s0 = 0;
        int[] ro = runs[o];
        for (int k = 0; k < ro.length; k += 3) {
          int j0 = ro[k];
          int p0 = ro[k + 1] - j0;
          int end = j0 + ro[k + 2];
          for (int j = j0; j < end; j++) {
            s0 += v[j] * xi[p0 + j];
          }
        }
        out[o * samples + i] = s0;
      }
    }
  }

  /**
   * out[c] := M J e_c (length rows()) for every column c of J. Row (i, o) of M J at column (l, j)
   * is {@code sum_q P_l[q] X_i[position(o, 0) + shift(q + offset_lj)]}, and with the windows
   * translates and the shifted blocks inside the filter's box, shift(q + offset_lj) = shift(q) +
   * shift(offset_lj): the correlation of X_i with block l at input position position(o, 0) +
   * shift(offset_lj). Those positions repeat across (o, j) (strided outputs, dilated offsets), so
   * each is computed once per sample: W6b's 283 columns cost about 1 M multiply-adds per sample
   * instead of 283 products M v of 68 K each.
   *
   * @throws IllegalArgumentException if a shifted block leaves the filter's box
   */
  void timesColumns(ShiftedColumns jac, double[][] out) {
    int inputs = x[0].length;
    int[] slot = new int[inputs];
    for (int l = 0; l < jac.blocks().length; l++) {
      double[] p = jac.blocks()[l];
      int[] sup = jac.supports()[l];
      int[] off = jac.offsets()[l];
      int start = jac.starts()[l];
      double[] val = new double[sup.length];
      int[] at = new int[sup.length];
      for (int k = 0; k < sup.length; k++) {
        int q = sup[k];
        val[k] = p[q];
        at[k] = shift[q];
        for (int o : off) {
          if (q + o >= n || shift[q + o] != shift[q] + shift[o]) {
            throw new IllegalArgumentException("a shifted column leaves the filter's box");
          }
        }
      }
      // the distinct input positions of the correlations, and where each (o, j) reads
      java.util.Arrays.fill(slot, -1);
      int[] where = new int[outputs * off.length];
      int[] z = new int[outputs * off.length];
      int count = 0;
      for (int o = 0; o < outputs; o++) {
        for (int j = 0; j < off.length; j++) {
          int pos = positions[o][0] + shift[off[j]];
          if (slot[pos] < 0) {
            slot[pos] = count;
            z[count++] = pos;
          }
          where[o * off.length + j] = slot[pos];
        }
      }
      double[] c = new double[count];
      for (int i = 0; i < samples; i++) {
        double[] xi = x[i];
        int d = 0;
        for (; d + 3 < count; d += 4) {
          int z0 = z[d];
          int z1 = z[d + 1];
          int z2 = z[d + 2];
          int z3 = z[d + 3];
          double s0 = 0;
          double s1 = 0;
          double s2 = 0;
          double s3 = 0;
          for (int k = 0; k < val.length; k++) {
            double vk = val[k];
            int a = at[k];
            s0 += vk * xi[z0 + a];
            s1 += vk * xi[z1 + a];
            s2 += vk * xi[z2 + a];
            s3 += vk * xi[z3 + a];
          }
          c[d] = s0;
          c[d + 1] = s1;
          c[d + 2] = s2;
          c[d + 3] = s3;
        }
        for (; d < count; d++) {
          int z0 = z[d];
          double s0 = 0;
          for (int k = 0; k < val.length; k++) {
            s0 += val[k] * xi[z0 + at[k]];
          }
          c[d] = s0;
        }
        for (int o = 0; o < outputs; o++) {
          int row = o * samples + i;
          for (int j = 0; j < off.length; j++) {
            out[start + j][row] = c[where[o * off.length + j]];
          }
        }
      }
    }
  }

  /**
   * out := M^T r (length n). Outputs whose windows are translates of each other (the usual case:
   * every output of a convolution) go four at a time: one pass over each run of the filter adds
   * four scaled runs of the input.
   */
  void transposeTimes(double[] r, double[] out) {
    java.util.Arrays.fill(out, 0, n, 0.0);
    for (int i = 0; i < samples; i++) {
      double[] xi = x[i];
      int o = 0;
      for (; o + 3 < outputs && translate[o] != null; o += 4) {
        double c0 = r[o * samples + i];
        double c1 = r[(o + 1) * samples + i];
        double c2 = r[(o + 2) * samples + i];
        double c3 = r[(o + 3) * samples + i];
        int[] d = translate[o];
        int d1 = d[0];
        int d2 = d[1];
        int d3 = d[2];
        int[] ro = runs[o];
        for (int k = 0; k < ro.length; k += 3) {
          int j0 = ro[k];
          int p0 = ro[k + 1] - j0;
          int end = j0 + ro[k + 2];
          for (int j = j0; j < end; j++) {
            int q = p0 + j;
            out[j] += c0 * xi[q] + c1 * xi[q + d1] + c2 * xi[q + d2] + c3 * xi[q + d3];
          }
        }
      }
      for (; o < outputs; o++) {
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
