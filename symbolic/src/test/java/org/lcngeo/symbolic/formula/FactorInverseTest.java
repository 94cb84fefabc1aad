package org.lcngeo.symbolic.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

/**
 * {@link FactorInverse}: theta(mu(theta)) = theta normalized wherever the layer polynomials are
 * irreducible over Q; outside the domain it says so; it covers the 2-D stride-1
 * architectures and nothing with a stride > 1, equal sizes, D = 1 or a 1x1 layer.
 */
class FactorInverseTest {
  private static final RationalRing Q = RationalRing.INSTANCE;
  private static final Architecture A3x3_2x2 = stride1(new int[][] {{3, 3}, {2, 2}});
  private static final Architecture A2x2_2x3 = stride1(new int[][] {{2, 2}, {2, 3}});

  private static Architecture stride1(int[][] sizes) {
    int[][] s = new int[sizes.length][];
    for (int i = 0; i < s.length; i++) {
      s[i] = new int[] {1, 1};
    }
    return Architecture.of(sizes, s);
  }

  @Provide
  Arbitrary<FilterTuple<BigFraction>> thetas() {
    Arbitrary<Architecture> a = Arbitraries.of(A3x3_2x2, A2x2_2x3,
        stride1(new int[][] {{2, 2}, {1, 2}, {2, 1}}), stride1(new int[][] {{3, 2}, {2, 2}, {1, 3}}));
    return a.flatMap(arch -> Combinators.combine(
            Arbitraries.integers().between(-20, 20).filter(x -> x != 0), Arbitraries.integers().between(1, 4))
        .as(BigFraction::new).list().ofSize(arch.parameterCount())
        .map(flat -> FilterTuple.fromFlat(arch, flat)));
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
  void invertsMuWhereTheLayersAreIrreducible(@ForAll("thetas") FilterTuple<BigFraction> theta) {
    Architecture a = theta.architecture();
    List<BigFraction> v = MuPlan.compile(a).mu(Q, theta);
    // random small filters are generic: most are inside the domain
    Statistics.coverage(check -> check.check("inverted").percentage(p -> p >= 50.0));
    FilterTuple<BigFraction> back;
    try {
      back = FactorInverse.of(a).orElseThrow().apply(v);
    } catch (InvalidInputException outside) {
      Statistics.collect("outside the domain");
      // only where theta(v) cannot be theta: a layer vanishes at (0, 0) or factors over Q
      return;
    }
    Statistics.collect("inverted");
    assertThat(back).isEqualTo(FactorInverse.normalized(theta));
    assertThat(MuPlan.compile(a).mu(Q, back)).isEqualTo(v);
  }

  @Test
  void aReducibleLayerIsOutsideTheDomain() {
    // layer 2 = 1 + 2y + 3x + 5xy is irreducible (1 * 5 != 2 * 3), (1 + x)(1 + y) below is not
    FilterTuple<BigFraction> theta = FilterTuple.fromFlat(A3x3_2x2, List.of(
        1, 2, 3, 4, 5, 6, 7, 8, 10, 1, 2, 3, 5).stream().map(BigFraction::new).toList());
    FilterTuple<BigFraction> reducible = FilterTuple.fromFlat(A2x2_2x3, List.of(
        1, 1, 1, 1, 2, 3, 5, 7, 11, 13).stream().map(BigFraction::new).toList());
    assertThat(FactorInverse.of(A3x3_2x2).orElseThrow().apply(MuPlan.compile(A3x3_2x2).mu(Q, theta)))
        .isEqualTo(FactorInverse.normalized(theta));
    assertThatThrownBy(() -> FactorInverse.of(A2x2_2x3).orElseThrow()
        .apply(MuPlan.compile(A2x2_2x3).mu(Q, reducible)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the domain");
  }

  @Test
  void appliesToDistinctSizesWithStrideOneInTwoDimensions() {
    assertThat(FactorInverse.of(A3x3_2x2)).isPresent();
    assertThat(FactorInverse.of(A2x2_2x3)).isPresent();
    assertThat(FactorInverse.applies(stride1(new int[][] {{2, 2}, {2, 2}}))).isFalse();
    assertThat(FactorInverse.applies(stride1(new int[][] {{2, 2}, {1, 1}}))).isFalse();
    assertThat(FactorInverse.applies(
        Architecture.of(new int[][] {{2, 2}, {2, 3}}, new int[][] {{2, 1}, {1, 1}}))).isFalse();
    assertThat(FactorInverse.applies(Architecture.oneDimensional(new int[] {3, 2}, new int[] {1, 1}))).isFalse();
    assertThat(FactorInverse.of(Architecture.oneDimensional(new int[] {8, 8}, new int[] {2, 1}))).isEmpty();
  }
}
