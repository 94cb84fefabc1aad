package org.lcngeo.numeric.data;

/**
 * {@link DataOperator} M by its entries: N d n multiply-adds a product. Both products are sums of
 * scaled arrays in loops that read all their arrays at the same index (the loops Java 17's C2 compiler vectorizes: it does not vectorize a dot product, whose additions
 * must keep their order, nor a loop that reads two arrays at different unknown offsets), four terms
 * per pass, so that a pass loads and stores its target once for four multiply-adds:
 *
 * <ul>
 *   <li>{@code M v} on a copy of the inputs by input position (one array of the N samples' values
 *       per position): output o's row over the samples gains v_j times the array of position(o,
 *       j), four consecutive entries of a run at a time; the runs of all outputs in the order of
 *       their input positions, so that the arrays of a stretch of the input serve every output
 *       that reads it while they are in the cache.
 *   <li>{@code M^T r} through an input-sized array T_o per output: T_o = sum_i r_(o,i) X_i on output
 *       o's window (four samples a pass; T_o and the inputs read at the same input position), then
 *       {@code (M^T r)_j = sum_o T_o[position(o, j)]}. The samples go eight at a time through the
 *       runs in input order: a run of T_o and the eight inputs' stretch stay in the first-level
 *       cache.
 * </ul>
 *
 * Immutable and thread-safe (scratch arrays are per thread).
 */
final class DirectDataOperator extends DataOperator {
  /** Samples that pass through the runs together in {@link #transposeTimes} (a multiple of 4). */
  private static final int SAMPLE_BLOCK = 8;
  /** Most doubles of the arrays T_o held at once; beyond it the outputs go in groups. */
  private static final int IMAGE_LIMIT = 1 << 21;
  /** runs[o]: triples (first filter entry, first input position, length) of contiguous runs. */
  private final int[][] runs;
  /**
   * The runs of all outputs as quadruples (output, first filter entry, first input position,
   * length), ordered by input position, then output.
   */
  private final int[] byPosition;
  /** Outputs whose arrays T_o are held at once in {@link #transposeTimes}. */
  private final int group;
  /** byPixel[p][i] = x[i][p]. */
  private final double[][] byPixel;
  /** This thread's rows of M v by output (outputs x samples). */
  private final ThreadLocal<double[][]> rowsScratch;
  /** This thread's arrays T_o of one group of outputs (group x inputs). */
  private final ThreadLocal<double[][]> imageScratch;

  DirectDataOperator(TrainingData data) {
    this(data, IMAGE_LIMIT);
  }

  /** Multiply-adds of one product: N d n. */
  static long multiplyAdds(NumericConvolution c, int samples) {
    return (long) samples * c.outputEntries() * c.filterEntries();
  }

  /** With at most imageLimit doubles of arrays T_o at once (at least one output's). */
  DirectDataOperator(TrainingData data, int imageLimit) {
    super(data);
    NumericConvolution c = data.convolution();
    // positions[o][j]: the input position of filter entry j in output o
    int[][] positions = new int[outputs][n];
    this.runs = new int[outputs][];
    java.util.List<int[]> all = new java.util.ArrayList<>();
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
        all.add(new int[] {o, j, positions[o][j], len});
        r[count++] = j;
        r[count++] = positions[o][j];
        r[count++] = len;
        j += len;
      }
      runs[o] = java.util.Arrays.copyOf(r, count);
    }
    all.sort(java.util.Comparator.<int[]>comparingInt(q -> q[2]).thenComparingInt(q -> q[0]));
    this.byPosition = new int[4 * all.size()];
    for (int k = 0; k < all.size(); k++) {
      System.arraycopy(all.get(k), 0, byPosition, 4 * k, 4);
    }
    int inputs = c.inputEntries();
    this.group = Math.max(1, Math.min(outputs, imageLimit / inputs));
    this.byPixel = transposedInputs();
    int rows = outputs;
    int length = samples;
    int g = group;
    this.rowsScratch = ThreadLocal.withInitial(() -> new double[rows][length]);
    this.imageScratch = ThreadLocal.withInitial(() -> new double[g][inputs]);
  }

  /**
   * out := M v (length rows()): output o's row over the samples gains v_j times the samples' values
   * at position(o, j), four filter entries of a run per pass, the runs in input order.
   */
  @Override
  double[][] inputsByPosition() {
    return byPixel;
  }

  @Override
  void times(double[] v, double[] out) {
    double[][] xr = byPixel;
    double[][] rows = rowsScratch.get();
    for (int o = 0; o < outputs; o++) {
      java.util.Arrays.fill(rows[o], 0.0);
    }
    for (int k = 0; k < byPosition.length; k += 4) {
      double[] row = rows[byPosition[k]];
      int j = byPosition[k + 1];
      int p = byPosition[k + 2];
      int end = p + byPosition[k + 3];
      for (; p + 3 < end; p += 4, j += 4) {
        axpy4(row, v[j], xr[p], v[j + 1], xr[p + 1], v[j + 2], xr[p + 2], v[j + 3], xr[p + 3]);
      }
      for (; p < end; p++, j++) {
        axpy(row, v[j], xr[p]);
      }
    }
    for (int o = 0; o < outputs; o++) {
      System.arraycopy(rows[o], 0, out, o * samples, samples);
    }
  }

  /**
   * out := M^T r (length n): T_o = sum_i r_(o,i) X_i on output o's window, then (M^T r)_j = sum_o
   * T_o[position(o, j)]; the outputs in groups whose arrays T_o fit the image limit.
   */
  @Override
  void transposeTimes(double[] r, double[] out) {
    java.util.Arrays.fill(out, 0, n, 0.0);
    double[][] t = imageScratch.get();
    int full = samples - samples % 4;
    for (int o0 = 0; o0 < outputs; o0 += group) {
      int o1 = Math.min(outputs, o0 + group);
      for (int o = o0; o < o1; o++) {
        // only the runs of T_o are written and read
        int[] ro = runs[o];
        for (int k = 0; k < ro.length; k += 3) {
          java.util.Arrays.fill(t[o - o0], ro[k + 1], ro[k + 1] + ro[k + 2], 0.0);
        }
      }
      for (int s0 = 0; s0 < full; s0 += SAMPLE_BLOCK) {
        int s1 = Math.min(full, s0 + SAMPLE_BLOCK);
        for (int k = 0; k < byPosition.length; k += 4) {
          int o = byPosition[k];
          if (o < o0 || o >= o1) {
            continue;
          }
          double[] to = t[o - o0];
          int from = byPosition[k + 2];
          int to1 = from + byPosition[k + 3];
          int b = o * samples;
          for (int i = s0; i < s1; i += 4) {
            add4(to, from, to1, r[b + i], x[i], r[b + i + 1], x[i + 1], r[b + i + 2], x[i + 2],
                r[b + i + 3], x[i + 3]);
          }
        }
      }
      for (int o = o0; o < o1; o++) {
        double[] to = t[o - o0];
        int[] ro = runs[o];
        for (int i = full; i < samples; i++) {
          for (int k = 0; k < ro.length; k += 3) {
            add1(to, ro[k + 1], ro[k + 1] + ro[k + 2], r[o * samples + i], x[i]);
          }
        }
        for (int k = 0; k < ro.length; k += 3) {
          int j0 = ro[k];
          int p0 = ro[k + 1] - j0;
          int end = j0 + ro[k + 2];
          for (int j = j0; j < end; j++) {
            out[j] += to[p0 + j];
          }
        }
      }
    }
  }

  /** t[q] += c0 x0[q] + c1 x1[q] + c2 x2[q] + c3 x3[q] for q in [from, to): vectorized by C2. */
  private static void add4(double[] t, int from, int to, double c0, double[] x0, double c1,
      double[] x1, double c2, double[] x2, double c3, double[] x3) {
    for (int q = from; q < to; q++) {
      t[q] += c0 * x0[q] + c1 * x1[q] + c2 * x2[q] + c3 * x3[q];
    }
  }

  /** t[q] += c x[q] for q in [from, to). */
  private static void add1(double[] t, int from, int to, double c, double[] x) {
    for (int q = from; q < to; q++) {
      t[q] += c * x[q];
    }
  }
}
