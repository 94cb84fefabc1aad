package org.lcngeo.numeric.data;

/**
 * The stacked matrix M (rows: the outputs of all samples, columns: the filter entries) of the
 * convolutions {@code v -> alpha_v(X_i)} (paper, eq. 10), applied from the data without forming M
 * or A = M^T M: memory O(N |X|) instead of O(n^2), and no O(N d n^2) set-up. {@code M^T r} runs
 * per sample (its input stays in the cache), four outputs and a run of consecutive input positions
 * at a time, on the inputs as given; {@code M v} on a copy of the inputs by input position (one
 * array of the N samples' values per position), so that its inner loop runs over the samples on
 * arrays read from index 0: a loop the JIT compiler vectorizes (Java 17's C2 does not vectorize a
 * loop that reads two arrays at different unknown offsets, as a loop along the filter does).
 * Immutable and thread-safe.
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
  /** byPixel[p][i] = x[i][p]. */
  private final double[][] byPixel;
  /**
   * The (output, filter entry) pairs that read input position p: coverOutput[k] and coverEntry[k]
   * for k in [coverStart[p], coverStart[p + 1]).
   */
  private final int[] coverStart;
  private final int[] coverOutput;
  private final int[] coverEntry;
  /** This thread's rows of M v by output (outputs x samples). */
  private final ThreadLocal<double[][]> scratch;

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
    int inputs = c.inputEntries();
    this.coverStart = new int[inputs + 1];
    for (int o = 0; o < outputs; o++) {
      for (int j = 0; j < n; j++) {
        coverStart[positions[o][j] + 1]++;
      }
    }
    for (int p = 0; p < inputs; p++) {
      coverStart[p + 1] += coverStart[p];
    }
    this.coverOutput = new int[outputs * n];
    this.coverEntry = new int[outputs * n];
    int[] next = java.util.Arrays.copyOf(coverStart, inputs);
    for (int o = 0; o < outputs; o++) {
      for (int j = 0; j < n; j++) {
        int k = next[positions[o][j]]++;
        coverOutput[k] = o;
        coverEntry[k] = j;
      }
    }
    this.byPixel = new double[inputs][samples];
    for (int i = 0; i < samples; i++) {
      for (int p = 0; p < inputs; p++) {
        byPixel[p][i] = x[i][p];
      }
    }
    int rows = outputs;
    int length = samples;
    this.scratch = ThreadLocal.withInitial(() -> new double[rows][length]);
  }

  /** Rows of M: samples times outputs; row (i, o) is at o * samples + i. */
  int rows() {
    return samples * outputs;
  }

  /**
   * out := M v (length rows()), input position by input position: the samples' values at p,
   * scaled by the filter entry that reads p in output o, are added to output o's row (one
   * vectorized pass over the samples per pair (p, o)).
   */
  void times(double[] v, double[] out) {
    double[][] xr = byPixel;
    double[][] rows = scratch.get();
    for (int o = 0; o < outputs; o++) {
      java.util.Arrays.fill(rows[o], 0.0);
    }
    for (int p = 0; p < xr.length; p++) {
      double[] xp = xr[p];
      for (int k = coverStart[p]; k < coverStart[p + 1]; k++) {
        axpy(rows[coverOutput[k]], v[coverEntry[k]], xp);
      }
    }
    for (int o = 0; o < outputs; o++) {
      System.arraycopy(rows[o], 0, out, o * samples, samples);
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

  /**
   * row += w x elementwise: small, on arrays read from index 0, so that C2 compiles it on its own
   * and vectorizes it.
   */
  private static void axpy(double[] row, double w, double[] x) {
    for (int i = 0; i < row.length; i++) {
      row[i] += w * x[i];
    }
  }
}
