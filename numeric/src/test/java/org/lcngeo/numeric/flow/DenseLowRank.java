package org.lcngeo.numeric.flow;

/** A low-rank Jacobian U V^T with U given by its columns too: the plain form, for tests. */
record DenseLowRank(double[][] u, double[][] v) implements LowRankJacobian {
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
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < u.length; j++) {
        double s = 0;
        for (int a = 0; a < v[i].length; a++) {
          s += v[i][a] * u[j][a];
        }
        out[i][j] = s;
      }
    }
  }
}
