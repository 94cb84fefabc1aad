package org.lcngeo.numeric.data;

/**
 * A matrix with {@code rows} rows whose columns are shifted copies of a few blocks: column
 * {@code starts[l] + j} holds {@code blocks[l][q]} at row {@code q + offsets[l][j]} for q in
 * {@code supports[l]}, and zero elsewhere. The Jacobian of mu has this form (paper, Observation
 * 3: column (l, j) is P_{-l} placed at layer l's offset j), which lets {@link
 * QuadraticLoss#gaussNewton} read M J off one correlation of each input with each block instead
 * of one product M v per column. A view: the arrays are not copied.
 *
 * <p>The product {@link #addTimes} runs over the support in runs of entries at most {@link
 * #MAX_STEP} apart, each as one loop over contiguous positions that reads the block between the
 * run's entries too: so {@code blocks[l]} must be zero at the positions between the entries of
 * {@code supports[l]} (mu's partial products are: they vanish off their structural support;
 * {@link #copy} keeps only the supported entries). The products with matrices by rows ({@link
 * #addTimesRows}, {@link #transposeTimesRows}) read the supported entries only.
 *
 * @param rows the number of rows n (entries of the end-to-end filter)
 * @param blocks the blocks, each of length at least the largest support index + 1
 * @param supports supports[l]: the rows q where blocks[l] may be non-zero, increasing
 * @param offsets offsets[l][j]: the shift of block l in column starts[l] + j, increasing
 * @param starts starts[l]: the first column of block l; starts[blocks.length] = columns
 */
public record ShiftedColumns(
    int rows, double[][] blocks, int[][] supports, int[][] offsets, int[] starts) {
  /**
   * The largest step between consecutive support entries inside one run of {@link #addTimes}: a
   * run is one counted loop over contiguous positions (no index gathers {@code p[sup[q]]}, a few
   * zeros read between the entries). mu's partial products in 2-D are rows of entries one apart,
   * or two apart behind a stride-2 layer, the rows an end-to-end row apart; on W6b's J x, runs
   * bridging steps up to 4 were faster than no bridging, than bridging up to 20 or the end-to-end
   * row, and than the gathers (bench/README.md). C2 of Java 17 does not vectorize these loops:
   * the load and the store are at different offsets of arrays it cannot prove distinct.
   */
  static final int MAX_STEP = 4;

  /** The number of columns p. */
  public int columns() {
    return starts[blocks.length];
  }

  /** The matrix as a new dense array (rows x columns). */
  public double[][] dense() {
    double[][] out = new double[rows][columns()];
    fill(out);
    return out;
  }

  /** out := the matrix, densely (rows x columns, overwritten). */
  public void fill(double[][] out) {
    for (double[] row : out) {
      java.util.Arrays.fill(row, 0.0);
    }
    for (int l = 0; l < blocks.length; l++) {
      double[] p = blocks[l];
      int[] off = offsets[l];
      for (int j = 0; j < off.length; j++) {
        for (int q : supports[l]) {
          out[q + off[j]][starts[l] + j] = p[q];
        }
      }
    }
  }

  /**
   * A copy that owns its blocks (the supported entries copied, zeros elsewhere): a snapshot of a
   * view whose arrays change later. Supports, offsets and starts are shared (never modified).
   */
  public ShiftedColumns copy() {
    double[][] own = new double[blocks.length][];
    for (int l = 0; l < blocks.length; l++) {
      int[] sup = supports[l];
      double[] p = blocks[l];
      double[] c = new double[sup.length == 0 ? 0 : sup[sup.length - 1] + 1];
      for (int q : sup) {
        c[q] = p[q];
      }
      own[l] = c;
    }
    return new ShiftedColumns(rows, own, supports, offsets, starts);
  }

  /**
   * out += scale A x (x: length columns, out: length rows): column (l, j) is block l shifted by
   * offsets[l][j], so A x is a sum of dilated convolutions of the blocks with the blocks of x, here
   * one axpy over contiguous positions per run of the support and column. Allocation-free.
   */
  public void addTimes(double[] x, double scale, double[] out) {
    for (int l = 0; l < blocks.length; l++) {
      double[] p = blocks[l];
      int[] sup = supports[l];
      int[] off = offsets[l];
      int s = starts[l];
      for (int i = 0; i < sup.length; ) {
        int e = runEnd(sup, i);
        int from = sup[i];
        int to = sup[e - 1] + 1;
        for (int j = 0; j < off.length; j++) {
          double c = scale * x[s + j];
          int o = off[j];
          for (int q = from; q < to; q++) {
            out[q + o] += c * p[q];
          }
        }
        i = e;
      }
    }
  }

  /**
   * out += A b for a matrix b given by rows (b: columns x m, out: rows x m, both row arrays of
   * length m): row q + offsets[l][j] of out gains blocks[l][q] times row starts[l] + j of b, one
   * axpy of length m per supported entry and column (contiguous from index 0: C2 vectorizes it).
   */
  public void addTimesRows(double[][] b, double[][] out) {
    for (int l = 0; l < blocks.length; l++) {
      double[] p = blocks[l];
      int[] off = offsets[l];
      int s = starts[l];
      for (int q : supports[l]) {
        double pq = p[q];
        for (int j = 0; j < off.length; j++) {
          DataOperator.axpy(out[q + off[j]], pq, b[s + j]);
        }
      }
    }
  }

  /**
   * out := A^T b for a matrix b given by rows (b: rows x m, out: columns x m): row starts[l] + j
   * of out is the sum over q in supports[l] of blocks[l][q] times row q + offsets[l][j] of b, one
   * axpy of length m per term (vectorized, as in {@link #addTimesRows}).
   */
  public void transposeTimesRows(double[][] b, double[][] out) {
    for (int l = 0; l < blocks.length; l++) {
      double[] p = blocks[l];
      int[] off = offsets[l];
      int s = starts[l];
      for (int j = 0; j < off.length; j++) {
        double[] o = out[s + j];
        java.util.Arrays.fill(o, 0.0);
        int shift = off[j];
        for (int q : supports[l]) {
          DataOperator.axpy(o, p[q], b[q + shift]);
        }
      }
    }
  }

  /** The end (exclusive index into sup) of the run that starts at sup[i]. */
  private static int runEnd(int[] sup, int i) {
    int e = i + 1;
    while (e < sup.length && sup[e] - sup[e - 1] <= MAX_STEP) {
      e++;
    }
    return e;
  }
}
