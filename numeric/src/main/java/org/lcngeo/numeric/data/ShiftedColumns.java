package org.lcngeo.numeric.data;

/**
 * A matrix with {@code rows} rows whose columns are shifted copies of a few blocks: column
 * {@code starts[l] + j} holds {@code blocks[l][q]} at row {@code q + offsets[l][j]} for q in
 * {@code supports[l]}, and zero elsewhere. The Jacobian of mu has this form (paper, Observation
 * 3: column (l, j) is P_{-l} placed at layer l's offset j), which lets {@link
 * QuadraticLoss#gaussNewton} read M J off one correlation of each input with each block instead
 * of one product M v per column. A view: the arrays are not copied.
 *
 * @param rows the number of rows n (entries of the end-to-end filter)
 * @param blocks the blocks, each of length at least the largest support index + 1
 * @param supports supports[l]: the rows q where blocks[l] may be non-zero, increasing
 * @param offsets offsets[l][j]: the shift of block l in column starts[l] + j, increasing
 * @param starts starts[l]: the first column of block l; starts[blocks.length] = columns
 */
public record ShiftedColumns(
    int rows, double[][] blocks, int[][] supports, int[][] offsets, int[] starts) {
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
}
