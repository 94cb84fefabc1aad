package org.lcngeo.numeric.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The LU decomposition of the stiff integrators: A x = b solved to rounding, singular detected. */
class DenseLuTest {
  @Property(tries = 60)
  void solvesToTheRoundingOfTheMatrix(
      @ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
    Random r = new Random(seed);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // a diagonal shift keeps the draws well conditioned, as I - c J of a gradient flow is
        a[i][j] = r.nextGaussian() + (i == j ? 2 * Math.sqrt(n) : 0);
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
    }
    double[] b = new double[n];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i] += a[i][j] * x[j];
        scale = Math.max(scale, Math.abs(a[i][j] * x[j]));
      }
    }
    DenseLu lu = new DenseLu(n);
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, lu.matrix()[i], 0, n);
    }
    assertThat(lu.decompose()).isTrue();
    lu.solve(b);
    for (int i = 0; i < n; i++) {
      assertThat(Math.abs(b[i] - x[i])).as("x[%d]", i).isLessThan(1e-12 * n * (1 + scale));
    }
  }

  @Test
  void aSingularMatrixIsReported() {
    DenseLu lu = new DenseLu(3);
    double[][] m = lu.matrix();
    double[][] a = {{1, 2, 3}, {2, 4, 6}, {0, 1, 1}};
    for (int i = 0; i < 3; i++) {
      System.arraycopy(a[i], 0, m[i], 0, 3);
    }
    assertThat(lu.decompose()).isFalse();
  }
}
