package org.lcngeo.numeric.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class NumericalRankTest {
  /** A (rows x cols) of rank r: the product of Gaussian rows x r and r x cols factors. */
  private static double[][] ofRank(Random rnd, int rows, int cols, int r) {
    RealMatrix left = gaussian(rnd, rows, r);
    RealMatrix right = gaussian(rnd, r, cols);
    return left.multiply(right).getData();
  }

  private static RealMatrix gaussian(Random rnd, int rows, int cols) {
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      for (int j = 0; j < cols; j++) {
        row[j] = rnd.nextGaussian();
      }
    }
    return MatrixUtils.createRealMatrix(a);
  }

  /** The count of the full SVD (with U and V), as ConvergenceDiagnostics took it before. */
  private static int bySvd(double[][] a, double relative) {
    double[] sv = new SingularValueDecomposition(MatrixUtils.createRealMatrix(a)).getSingularValues();
    int rank = 0;
    for (double x : sv) {
      if (x > relative * sv[0]) {
        rank++;
      }
    }
    return sv[0] == 0 ? 0 : rank;
  }

  @Property(tries = 60)
  void lowRankProductsAgreeWithTheFullSvd(
      @ForAll @IntRange(min = 1, max = 40) int rows,
      @ForAll @IntRange(min = 1, max = 40) int cols,
      @ForAll @IntRange(min = 1, max = 40) int r,
      @ForAll @IntRange(min = 0, max = 100000) int seed) {
    double[][] a = ofRank(new Random(seed), rows, cols, r);
    int expected = Math.min(r, Math.min(rows, cols));
    assertThat(NumericalRank.of(a, 1e-8)).isEqualTo(expected).isEqualTo(bySvd(a, 1e-8));
  }

  @Property(tries = 60)
  void countsTheSingularValuesAboveTheThreshold(
      @ForAll @IntRange(min = 1, max = 30) int k,
      @ForAll @IntRange(min = 0, max = 20) int extraRows,
      @ForAll @IntRange(min = 0, max = 100000) int seed) {
    // a = Q1 diag(s) Q2^T with s_i = 10^-(i/2) (well apart from the thresholds 10^-(t + 1/4))
    Random rnd = new Random(seed);
    int rows = k + extraRows;
    RealMatrix q1 = new QRDecomposition(gaussian(rnd, rows, k)).getQ().getSubMatrix(0, rows - 1, 0, k - 1);
    RealMatrix q2 = new QRDecomposition(gaussian(rnd, k, k)).getQ();
    double[] s = new double[k];
    for (int i = 0; i < k; i++) {
      s[i] = Math.pow(10, -0.5 * i);
    }
    double[][] a = q1.multiply(MatrixUtils.createRealDiagonalMatrix(s)).multiply(q2.transpose()).getData();
    double[][] wide = MatrixUtils.createRealMatrix(a).transpose().getData();
    for (int t = 0; t <= 8; t++) {
      double relative = Math.pow(10, -(t + 0.25));
      int expected = Math.min(k, 2 * t + 1);
      assertThat(NumericalRank.of(a, relative)).as("t=%d", t).isEqualTo(expected);
      assertThat(NumericalRank.of(wide, relative)).as("t=%d wide", t).isEqualTo(expected);
      assertThat(bySvd(a, relative)).isEqualTo(expected);
    }
  }

  @Test
  void theZeroMatrixHasRankZero() {
    assertThat(NumericalRank.of(new double[5][3], 1e-8)).isZero();
    assertThat(NumericalRank.of(new double[2][4], 1e-8)).isZero();
    assertThat(NumericalRank.of(new double[][] {{0, 0}, {0, 3}}, 1e-8)).isEqualTo(1);
  }
}
