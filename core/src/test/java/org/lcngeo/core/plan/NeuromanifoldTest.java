package org.lcngeo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.model.Architecture;

/**
 * Issue 2, item 10: the neuromanifold dimension is certified (rank mod p at a random point meets
 * the proven upper bound) and equals the dimension the theory predicts.
 */
class NeuromanifoldTest {
  @Provide
  Arbitrary<Architecture> architectures() {
    return Arbitraries.integers().between(1, 3).flatMap(dims -> {
      Arbitrary<int[]> axis = Arbitraries.integers().between(1, 3).array(int[].class).ofSize(dims);
      return Combinators.combine(axis, axis).as((k, s) -> new int[][] {k, s})
          .list().ofMinSize(1).ofMaxSize(dims == 3 ? 2 : 4)
          .map(layers -> Architecture.of(
              layers.stream().map(l -> l[0]).toArray(int[][]::new),
              layers.stream().map(l -> l[1]).toArray(int[][]::new)));
    });
  }

  @Property(tries = 80)
  void dimensionIsCertifiedForRandomArchitectures(@ForAll("architectures") Architecture a) {
    Neuromanifold.Result d = Neuromanifold.compute(MuPlan.compile(a));
    assertThat(d.certain()).as("%s", a).isTrue();
    assertThat(d.dimension()).isEqualTo(a.dimensionUpperBound());
  }

  @Test
  void paperArchitectures() {
    // Examples 15/16: k = (3, 2), s = (2, 1): 3 + 2 - 1 = 4 (a hypersurface in R^5)
    assertThat(Neuromanifold.dimension(
        Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1}))).isEqualTo(4);
    // Example 19: k = (3, 2), s = (1, 1): end-to-end size 4, dimension 4 (filling)
    assertThat(Neuromanifold.dimension(
        Architecture.oneDimensional(new int[] {3, 2}, new int[] {1, 1}))).isEqualTo(4);
    // W1: three 3x3 layers, strides 2x2, 2x2: 27 - 2 = 25
    Architecture w1 = Architecture.of(
        new int[][] {{3, 3}, {3, 3}, {3, 3}}, new int[][] {{2, 2}, {2, 2}, {1, 1}});
    assertThat(Neuromanifold.compute(MuPlan.compile(w1))).isEqualTo(new Neuromanifold.Result(25, true, true));
  }
}
