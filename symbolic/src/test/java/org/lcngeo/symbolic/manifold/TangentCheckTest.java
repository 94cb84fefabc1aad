package org.lcngeo.symbolic.manifold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.symbolic.formula.FormulaFixtures;

class TangentCheckTest {
  private static FilterTuple<BigFraction> tuple(Architecture a, int[]... layers) {
    List<List<BigFraction>> l =
        java.util.Arrays.stream(layers)
            .map(w -> java.util.Arrays.stream(w).mapToObj(BigFraction::new).toList())
            .toList();
    return FilterTuple.of(a, l);
  }

  @Test
  void example15SmoothPoint() {
    FilterTuple<BigFraction> theta = tuple(FormulaFixtures.EX15, new int[] {1, 2, -1}, new int[] {3, 1});
    TangentCheck.Lemma5 r = TangentCheck.lemma5(theta);
    assertThat(r).isEqualTo(new TangentCheck.Lemma5(5, 4, 4, 4, true));
    Random random = new Random(5);
    for (int i = 0; i < 5; i++) {
      TangentCheck.Corollary6 c =
          TangentCheck.corollary6(theta, TangentCheck.randomTangentVector(theta, random));
      assertThat(c.pushforward()).isEqualTo(c.parameterNormSquared());
      assertThat(c.holds()).isTrue();
    }
  }

  /** Where J drops rank (a = (1,0,0), b = (1,0)) the restriction cannot be injective. */
  @Test
  void rankDropIsNotBijective() {
    FilterTuple<BigFraction> theta = tuple(FormulaFixtures.EX15, new int[] {1, 0, 0}, new int[] {1, 0});
    TangentCheck.Lemma5 r = TangentCheck.lemma5(theta);
    assertThat(r).isEqualTo(new TangentCheck.Lemma5(5, 4, 3, 3, false));
  }

  @Test
  void vectorsOutsideEquation9AreRejected() {
    FilterTuple<BigFraction> theta = tuple(FormulaFixtures.EX15, new int[] {1, 2, -1}, new int[] {3, 1});
    List<BigFraction> x = List.of(BigFraction.ONE, BigFraction.ZERO, BigFraction.ZERO, BigFraction.ZERO, BigFraction.ZERO);
    assertThatThrownBy(() -> TangentCheck.corollary6(theta, x)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @CsvSource({"3;2", "2;2;2", "3;3;2", "4;2", "2;2;2;2"})
  void randomStrideTwoTuples(String sizes) {
    int[] k = java.util.Arrays.stream(sizes.split(";")).mapToInt(Integer::parseInt).toArray();
    int[] s = new int[k.length];
    java.util.Arrays.fill(s, 2);
    Architecture a = Architecture.oneDimensional(k, s);
    Random random = new Random(sizes.hashCode());
    for (int trial = 0; trial < 5; trial++) {
      FilterTuple<BigFraction> theta = FormulaFixtures.randomTuple(a, random);
      TangentCheck.Lemma5 r = TangentCheck.lemma5(theta);
      assertThat(r.tangentDimension()).isEqualTo(a.parameterCount() - a.depth() + 1);
      assertThat(r.bijective()).isTrue();
      TangentCheck.Corollary6 c =
          TangentCheck.corollary6(theta, TangentCheck.randomTangentVector(theta, random));
      assertThat(c.pushforward()).isEqualTo(c.parameterNormSquared());
    }
  }
}
