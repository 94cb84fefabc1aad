package org.lcngeo.symbolic.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class ExactLinearAlgebraTest {

  private static List<List<BigFraction>> matrix(int[][] a) {
    List<List<BigFraction>> m = new ArrayList<>();
    for (int[] row : a) {
      List<BigFraction> r = new ArrayList<>();
      for (int x : row) {
        r.add(new BigFraction(x));
      }
      m.add(r);
    }
    return m;
  }

  @Test
  void reducedRowEchelonIsCanonical() {
    List<List<BigFraction>> a = matrix(new int[][] {{2, 4, 6}, {1, 2, 4}, {3, 6, 10}});
    assertThat(ExactLinearAlgebra.reducedRowEchelon(a))
        .isEqualTo(matrix(new int[][] {{1, 2, 0}, {0, 0, 1}}));
    assertThat(ExactLinearAlgebra.rank(a)).isEqualTo(2);
    assertThat(ExactLinearAlgebra.kernel(a, 3)).isEqualTo(matrix(new int[][] {{-2, 1, 0}}));
  }

  /** Small rank-deficient integer matrices: rank, kernel and solve agree with each other. */
  @Property(tries = 60)
  void rankKernelAndSolveAgree(
      @ForAll @IntRange(min = 1, max = 4) int rows,
      @ForAll @IntRange(min = 1, max = 5) int cols,
      @ForAll("entries") List<Integer> entries, @ForAll("points") List<BigFraction> point) {
    int[][] a = new int[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        a[i][j] = entries.get(i * cols + j);
      }
    }
    if (rows > 1) { // a dependent row
      for (int j = 0; j < cols; j++) {
        a[rows - 1][j] = 2 * a[0][j] - a[rows - 2][j];
      }
    }
    List<List<BigFraction>> m = matrix(a);
    int rank = ExactLinearAlgebra.rank(m);
    List<List<BigFraction>> rref = ExactLinearAlgebra.reducedRowEchelon(m);
    List<List<BigFraction>> kernel = ExactLinearAlgebra.kernel(m, cols);
    assertThat(rref).hasSize(rank);
    assertThat(kernel).hasSize(cols - rank);
    for (List<BigFraction> x : kernel) {
      assertThat(ExactLinearAlgebra.times(m, x)).allMatch(c -> c.getNumerator().signum() == 0);
    }
    // b in the column space is solved exactly; rows of the rref span the same space as m's rows
    List<BigFraction> x0 = point.subList(0, cols);
    List<BigFraction> b = ExactLinearAlgebra.times(m, x0);
    List<BigFraction> x = ExactLinearAlgebra.solve(m, b);
    assertThat(x).isNotNull();
    assertThat(ExactLinearAlgebra.times(m, x)).isEqualTo(b);
    List<List<BigFraction>> stacked = new ArrayList<>(m);
    stacked.addAll(rref);
    assertThat(ExactLinearAlgebra.rank(stacked)).isEqualTo(rank);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<Integer>> entries() {
    return net.jqwik.api.Arbitraries.integers().between(-2, 2).list().ofSize(4 * 5);
  }

  /** A point x0 with entries a/b, a in -3..3, b in 1..3 (its first cols entries are used). */
  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<BigFraction>> points() {
    return net.jqwik.api.Combinators.combine(net.jqwik.api.Arbitraries.integers().between(-3, 3),
            net.jqwik.api.Arbitraries.integers().between(1, 3))
        .as(BigFraction::new).list().ofSize(5);
  }
}
