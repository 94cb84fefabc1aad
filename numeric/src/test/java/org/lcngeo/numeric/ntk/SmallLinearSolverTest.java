package org.lcngeo.numeric.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import org.junit.jupiter.api.Test;

/**
 * The Cholesky solver against its defining property: for N = B^T B (B Gaussian with columns scaled
 * by powers of ten, so N's scale varies by 10^8 along its diagonal) the residual of N x = b is
 * within the backward error of Cholesky, |N x - b|_2 <= 2 gamma_{p+1} |N|_F |x|_2 (Higham, Thm.
 * 10.4 with the p-dependence made norm-wise), and the solve reads only N's upper triangle.
 */
class SmallLinearSolverTest {
  record Case(double[][] b, double[] scales, double[] rhs) {
    @Override
    public String toString() {
      return "p = " + rhs.length + ", B = " + java.util.Arrays.deepToString(b) + ", scales "
          + java.util.Arrays.toString(scales);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(1, 60).flatMap(p -> {
      int m = p + 5 + p / 2;
      Arbitrary<double[]> gauss = Arbitraries.doubles().between(-4, 4)
          .withDistribution(RandomDistribution.gaussian()).array(double[].class).ofSize(p)
          .withoutEdgeCases();
      Arbitrary<double[]> scales = Arbitraries.integers().between(-2, 2)
          .map(e -> Math.pow(10, e)).array(double[].class).ofSize(p);
      // no edge cases: constant or zero rows would make B^T B singular (tested below)
      return Combinators.combine(gauss.array(double[][].class).ofSize(m), scales, gauss)
          .as(Case::new).withoutEdgeCases();
    });
  }

  @Property(tries = 200)
  void solvesWithinCholeskysBackwardError(@ForAll("cases") Case c) {
    int p = c.rhs().length;
    double[][] n = new double[p][p];
    for (double[] row : c.b()) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          n[i][j] += row[i] * c.scales()[i] * row[j] * c.scales()[j];
        }
      }
    }
    double[][] upper = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        // the lower triangle is garbage: the solver must not read it
        upper[i][j] = j >= i ? n[i][j] : Double.NaN;
      }
    }
    SmallLinearSolver solver = new SmallLinearSolver(p);
    double[] x = new double[p];
    assertThat(solver.solve(upper, c.rhs(), x)).isTrue();
    double[] inPlace = c.rhs().clone();
    solver.solve(inPlace, inPlace);
    assertThat(inPlace).containsExactly(x);
    double frobenius = 0;
    double xx = 0;
    double rr = 0;
    for (int i = 0; i < p; i++) {
      double r = -c.rhs()[i];
      for (int j = 0; j < p; j++) {
        r += n[i][j] * x[j];
        frobenius += n[i][j] * n[i][j];
      }
      rr += r * r;
      xx += x[i] * x[i];
    }
    double u = Math.ulp(1.0) / 2;
    double gamma = (p + 1) * u / (1 - (p + 1) * u);
    assertThat(Math.sqrt(rr)).isLessThanOrEqualTo(2 * gamma * Math.sqrt(frobenius * xx));
  }

  @Test
  void aSingularMatrixIsSolvedWithATinyShiftAndAnIndefiniteOneNot() {
    // rank one: the shift makes it definite; the solution is the least-squares one up to 1e-12
    double[][] single = {{1, 2}, {2, 4}};
    double[] x = new double[2];
    assertThat(new SmallLinearSolver(2).solve(single, new double[] {1, 2}, x)).isTrue();
    assertThat(x[0] + 2 * x[1]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(new SmallLinearSolver(2).solve(new double[][] {{1, 3}, {3, 1}},
        new double[] {1, 1}, x)).isFalse();
    assertThat(new SmallLinearSolver(1).solve(new double[][] {{0}}, new double[] {1}, x))
        .isFalse();
  }
}
