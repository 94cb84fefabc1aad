package org.lcngeo.numeric.flow;

/**
 * A low-rank Jacobian U V^T with U given by its columns (u[k]) and V by its rows: the plain form,
 * for tests.
 */
record DenseLowRank(double[][] u, double[][] vRows) implements LowRankJacobian {
  /** From the columns of U and of V. */
  static DenseLowRank ofColumns(double[][] u, double[][] v) {
    double[][] rows = new double[v[0].length][v.length];
    for (int k = 0; k < v.length; k++) {
      for (int a = 0; a < v[k].length; a++) {
        rows[a][k] = v[k][a];
      }
    }
    return new DenseLowRank(u, rows);
  }

  @Override
  public void addUTimes(double[] y, double scale, double[] x) {
    for (int k = 0; k < u.length; k++) {
      for (int a = 0; a < x.length; a++) {
        x[a] += scale * y[k] * u[k][a];
      }
    }
  }

  @Override
  public void gram(double[][] out) {
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < u.length; j++) {
        double s = 0;
        for (int a = 0; a < vRows.length; a++) {
          s += vRows[a][i] * u[j][a];
        }
        out[i][j] = s;
      }
    }
  }
}
