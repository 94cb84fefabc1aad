package org.lcngeo.numeric.data;

/**
 * The stacked matrix M (rows: the outputs of all samples, columns: the filter entries) of the
 * convolutions {@code v -> alpha_v(X_i)} (paper, eq. 10), applied from the data without forming M
 * or A = M^T M: memory O(N |X|) instead of O(n^2), and no O(N d n^2) set-up. Row (i, o) of M is
 * at {@code o * samples + i}; its entry at filter entry j is X_i[position(o, j)].
 *
 * <p>Two routes compute M v and M^T r: {@link DirectDataOperator} (the entries of M as they are,
 * N d n multiply-adds a product) and {@link PolyphaseDataOperator} (the correlations in the
 * frequency domain, phase by phase of the stride). {@link #of} takes the one with fewer
 * multiply-adds ({@link #multiplyAdds}). Both share {@link #timesColumns}. Immutable and
 * thread-safe (scratch arrays are per thread).
 */
abstract sealed class DataOperator permits DirectDataOperator, PolyphaseDataOperator {
  final int samples;
  final int outputs;
  final int n;
  final double[][] x;
  /** corner[o]: the input position of filter entry 0 in output o (the window's corner). */
  final int[] corner;
  /** shift[j]: the input offset of filter entry j within every window (position(o, j) - corner[o]). */
  final int[] shift;

  DataOperator(TrainingData data) {
    NumericConvolution c = data.convolution();
    this.samples = data.samples();
    this.outputs = c.outputEntries();
    this.n = c.filterEntries();
    this.x = data.x();
    this.corner = new int[outputs];
    this.shift = new int[n];
    for (int o = 0; o < outputs; o++) {
      corner[o] = c.position(o, 0);
    }
    for (int j = 0; j < n; j++) {
      shift[j] = c.position(0, j) - corner[0];
      for (int o = 1; o < outputs; o++) {
        if (c.position(o, j) - corner[o] != shift[j]) {
          throw new IllegalArgumentException("the windows of the convolution are not translates");
        }
      }
    }
  }

  /** M of the data by the route with fewer multiply-adds a product. */
  static DataOperator of(TrainingData data) {
    NumericConvolution c = data.convolution();
    return PolyphaseDataOperator.multiplyAdds(c, data.samples())
            < DirectDataOperator.multiplyAdds(c, data.samples())
        ? new PolyphaseDataOperator(data)
        : new DirectDataOperator(data);
  }

  /** Multiply-adds of one product M v (or M^T r) by the cheaper route, for N samples. */
  static long multiplyAdds(NumericConvolution c, int samples) {
    return Math.min(
        PolyphaseDataOperator.multiplyAdds(c, samples), DirectDataOperator.multiplyAdds(c, samples));
  }

  /** Rows of M: samples times outputs; row (i, o) is at o * samples + i. */
  final int rows() {
    return samples * outputs;
  }

  /** out := M v (length rows()). */
  abstract void times(double[] v, double[] out);

  /** out := M^T r (length n). */
  abstract void transposeTimes(double[] r, double[] out);

  /**
   * out[c] := M^T r[c] (length n) for every column r[c] (length rows()): here one product a
   * column; {@link PolyphaseDataOperator} reads its spectra once per block of columns.
   */
  void transposeTimesColumns(double[][] r, double[][] out) {
    for (int c = 0; c < r.length; c++) {
      transposeTimes(r[c], out[c]);
    }
  }

  /**
   * out[c] := M J e_c (length rows()) for every column c of J. Row (i, o) of M J at column (l, j)
   * is {@code sum_q P_l[q] X_i[corner(o) + shift(q + offset_lj)]}, and with the windows
   * translates and the shifted blocks inside the filter's box, shift(q + offset_lj) = shift(q) +
   * shift(offset_lj): the correlation of X_i with block l at input position corner(o) +
   * shift(offset_lj). Those positions repeat across (o, j) (strided outputs, dilated offsets), so
   * each is computed once per sample: W6b's 283 columns cost about 1 M multiply-adds per sample
   * instead of 283 products M v of 68 K each. The correlations run over the samples (the inputs by
   * position), four terms a pass: sums of scaled arrays, which C2 vectorizes.
   *
   * @throws IllegalArgumentException if a shifted block leaves the filter's box
   */
  final void timesColumns(ShiftedColumns jac, double[][] out) {
    double[][] byPosition = inputsByPosition();
    int inputs = byPosition.length;
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
          int pos = corner[o] + shift[off[j]];
          if (slot[pos] < 0) {
            slot[pos] = count;
            z[count++] = pos;
          }
          where[o * off.length + j] = slot[pos];
        }
      }
      // c[d] (over the samples) = sum_k val[k] X[z[d] + at[k]], four terms a pass
      double[][] c = new double[count][samples];
      for (int d = 0; d < count; d++) {
        double[] cd = c[d];
        int k = 0;
        for (; k + 3 < val.length; k += 4) {
          int b = z[d];
          axpy4(cd, val[k], byPosition[b + at[k]], val[k + 1], byPosition[b + at[k + 1]],
              val[k + 2], byPosition[b + at[k + 2]], val[k + 3], byPosition[b + at[k + 3]]);
        }
        for (; k < val.length; k++) {
          axpy(cd, val[k], byPosition[z[d] + at[k]]);
        }
      }
      for (int o = 0; o < outputs; o++) {
        for (int j = 0; j < off.length; j++) {
          System.arraycopy(c[where[o * off.length + j]], 0, out[start + j], o * samples, samples);
        }
      }
    }
  }

  /** The inputs by position: [p][i] = X_i[p] (a copy for this call unless the route keeps one). */
  double[][] inputsByPosition() {
    return transposedInputs();
  }

  /** A new array [p][i] = X_i[p]. */
  final double[][] transposedInputs() {
    double[][] t = new double[x[0].length][samples];
    for (int i = 0; i < samples; i++) {
      double[] xi = x[i];
      for (int p = 0; p < xi.length; p++) {
        t[p][i] = xi[p];
      }
    }
    return t;
  }

  /** row += w0 x0 + w1 x1 + w2 x2 + w3 x3 elementwise (arrays read from index 0: vectorized by C2). */
  static void axpy4(double[] row, double w0, double[] x0, double w1, double[] x1, double w2,
      double[] x2, double w3, double[] x3) {
    for (int i = 0; i < row.length; i++) {
      row[i] += w0 * x0[i] + w1 * x1[i] + w2 * x2[i] + w3 * x3[i];
    }
  }

  /**
   * row += w x elementwise: small, on arrays read from index 0, so that C2 compiles it on its own
   * and vectorizes it.
   */
  static void axpy(double[] row, double w, double[] x) {
    for (int i = 0; i < row.length; i++) {
      row[i] += w * x[i];
    }
  }
}
