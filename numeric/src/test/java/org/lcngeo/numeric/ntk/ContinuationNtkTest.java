package org.lcngeo.numeric.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcngeo.core.model.Architecture;

/**
 * The simplified fiber recovery (G kept between calls, Anderson mixing, the secant predictor)
 * finds the point Gauss-Newton proper finds, along an integrator-like sequence of calls: runs of
 * nearby v (Newton iterations) separated by steps along a path on the neuromanifold. (The
 * function-space flow simplifies the recovery from 64 end-to-end entries on: 2-D networks here.)
 */
class ContinuationNtkTest {
  @ParameterizedTest
  @CsvSource({"3x3;3x3;3x3, 2x2;2x2;1x1, 1", "5x5;5x5;5x5, 2x2;2x2;1x1, 2",
      "3x3;2x2, 1x1;1x1, 3"})
  void theSimplifiedIterationFindsTheFiberPointGaussNewtonFinds(String sizes, String strides,
      long seed) {
    Architecture a = Architecture.of(parse(sizes), parse(strides));
    NumericMu mu = NumericMu.of(a);
    int p = mu.parameterCount();
    Random r = new Random(seed);
    double[] theta0 = new double[p];
    double[] u = new double[p];
    for (int i = 0; i < p; i++) {
      theta0[i] = 0.5 * r.nextGaussian();
      u[i] = r.nextGaussian();
    }
    double[] delta = mu.invariants(theta0);
    ContinuationNtk simplified = new ContinuationNtk(mu, theta0);
    simplified.simplify();
    ContinuationNtk proper = new ContinuationNtk(mu, theta0);
    MuState at = mu.newState();
    double h = 2e-3;
    for (int k = 0; k < 60; k++) {
      // a step along the path, then two nearby calls (a jump much larger than a step may leave
      // the simplified iteration's reach: it then answers NaN, which these steps never do)
      double s = k * h;
      for (double ds : new double[] {0, 1e-7 * h, 2e-8 * h}) {
        double[] theta = theta0.clone();
        for (int i = 0; i < p; i++) {
          theta[i] += (s + ds) * u[i];
        }
        double[] v = at.at(theta).mu().clone();
        double[] t1 = simplified.solve(v, delta).clone();
        double[] t2 = proper.solve(v, delta).clone();
        assertThat(distance(t1, t2)).as("step %d", k).isLessThan(1e-10 * (1 + norm(t2)));
        double[] m = at.at(t1).mu();
        assertThat(distance(m, v)).isLessThan(1e-11 * (1 + norm(v)));
        double[] d = mu.invariants(t1);
        assertThat(distance(d, delta)).isLessThan(1e-11 * (1 + norm(delta)));
      }
    }
  }

  private static int[][] parse(String s) {
    return java.util.Arrays.stream(s.split(";"))
        .map(l -> java.util.Arrays.stream(l.split("x")).mapToInt(Integer::parseInt).toArray())
        .toArray(int[][]::new);
  }

  private static double distance(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (x[i] - y[i]) * (x[i] - y[i]);
    }
    return Math.sqrt(s);
  }

  private static double norm(double[] x) {
    return distance(x, new double[x.length]);
  }
}
