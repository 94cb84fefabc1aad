package org.lcngeo.numeric.relu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShallowReluTest {
  private static final double EPS = 1e-6;

  /** The empirical NTK is J J^T: compare with central finite differences of the outputs. */
  @Test
  void cnnNtkMatchesFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(3);
    double[] w1 = {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
    double[] w2 = {r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
    double[][] x = new double[4][9];
    for (double[] row : x) {
      for (int i = 0; i < row.length; i++) {
        row[i] = r.nextGaussian();
      }
    }
    double[] theta = concat(w1, w2);
    double[][] j = new double[ShallowRelu.cnnOutputs(w1, 2, w2, 1, x).length][theta.length];
    for (int p = 0; p < theta.length; p++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[p] += EPS;
      minus[p] -= EPS;
      double[] fp = ShallowRelu.cnnOutputs(slice(plus, 0, 3), 2, slice(plus, 3, 5), 1, x);
      double[] fm = ShallowRelu.cnnOutputs(slice(minus, 0, 3), 2, slice(minus, 3, 5), 1, x);
      for (int o = 0; o < fp.length; o++) {
        j[o][p] = (fp[o] - fm[o]) / (2 * EPS);
      }
    }
    double[][] k = ShallowRelu.cnnNtk(w1, 2, w2, 1, x);
    for (int a = 0; a < k.length; a++) {
      for (int b = 0; b < k.length; b++) {
        double s = 0;
        for (int p = 0; p < theta.length; p++) {
          s += j[a][p] * j[b][p];
        }
        assertThat(k[a][b]).isCloseTo(s, within(1e-6));
      }
    }
  }

  /** Sec. 5: Ex. 20's U and V on positive inputs: same function, same conserved diagonal, different NTKs. */
  @Test
  void mlpCounterexampleOfSection5() {
    double[][] v1 = {{1, 0}, {0, 0.5}};
    double[][] v2 = {{1, 0}, {0, 2}};
    double[][] u1 = {{0, 1}, {0.5, 0}};
    double[][] u2 = {{0, 2}, {1, 0}};
    double[][] x = {{0.3, 0.7}, {1.2, 0.4}, {0.5, 0.5}};
    assertThat(ShallowRelu.mlpOutputs(v1, v2, x)).containsExactly(ShallowRelu.mlpOutputs(u1, u2, x));
    double[][] kv = ShallowRelu.mlpNtk(v1, v2, x);
    double[][] ku = ShallowRelu.mlpNtk(u1, u2, x);
    assertThat(kv[0][0]).isNotCloseTo(ku[0][0], within(1e-3));
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = new double[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static double[] slice(double[] a, int from, int to) {
    return java.util.Arrays.copyOfRange(a, from, to);
  }
}
