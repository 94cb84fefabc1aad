package org.lcngeo.symbolic.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

class InverseMapTest {
  @Test
  void example15IsEquation15() {
    InverseMap inv = InverseMap.derive(FormulaFixtures.EX15, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    assertThat(inv.variables()).containsExactly("v0", "v1", "v2", "v3", "v4");
    assertThat(inv.write(Notation.SYMJA))
        .containsExactly(List.of("v0/v1", "1", "v4/v3"), List.of("v1", "v3"));
  }

  @Test
  void example15ByGroebnerBasisIsEquation15() {
    InverseMap inv =
        InverseMap.derive(Elimination.compute(FormulaFixtures.EX15, new int[] {1}, Elimination.DEFAULT_TIMEOUT));
    assertThat(inv.write(Notation.SYMJA))
        .containsExactly(List.of("v0/v1", "1", "v4/v3"), List.of("v1", "v3"));
  }

  @ParameterizedTest
  @CsvSource({"3;2, 2;1", "2;2;2, 2;2;1", "3;3, 3;1", "2x2;2x2, 2x2;1x1"})
  void groebnerBasisPathInvertsMu(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    InverseMap inv = InverseMap.derive(Elimination.compute(a, Elimination.DEFAULT_TIMEOUT));
    MuPlan plan = MuPlan.compile(a);
    Random random = new Random(5 + sizes.hashCode());
    for (int trial = 0; trial < 5; trial++) {
      List<BigFraction> v = plan.mu(RationalRing.INSTANCE, FormulaFixtures.randomTuple(a, random));
      assertThat(plan.mu(RationalRing.INSTANCE, inv.apply(v))).isEqualTo(v);
    }
  }

  /** Where Cor. 10's sufficient condition fails but mu(a, b) = a b^T is still one-to-one. */
  @ParameterizedTest
  @CsvSource({"2x1;1x2, 1x1;1x1", "2x1;2x2, 1x1;1x1"})
  void inverseBeyondCorollary10(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    InverseMap inv = InverseMap.derive(a, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    MuPlan plan = MuPlan.compile(a);
    Random random = new Random(7);
    for (int trial = 0; trial < 5; trial++) {
      List<BigFraction> v = plan.mu(RationalRing.INSTANCE, FormulaFixtures.randomTuple(a, random));
      assertThat(plan.mu(RationalRing.INSTANCE, inv.apply(v))).isEqualTo(v);
    }
  }

  @ParameterizedTest
  @CsvSource({"3;2, 2;1", "2;2;2, 2;2;1", "3;3, 3;1", "2;3, 2;1", "2x2;2x2, 2x2;1x1", "4;3, 2;1",
      "3;3;2, 2;2;1", "4;4, 2;1", "2x3;2x2, 2x1;1x1"})
  void muOfInverseIsTheIdentityOnTheImage(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    InverseMap inv = InverseMap.derive(a, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    MuPlan plan = MuPlan.compile(a);
    Random random = new Random(42 + sizes.hashCode());
    for (int trial = 0; trial < 10; trial++) {
      FilterTuple<BigFraction> theta = FormulaFixtures.randomTuple(a, random);
      List<BigFraction> v = plan.mu(RationalRing.INSTANCE, theta);
      FilterTuple<BigFraction> back = inv.apply(v);
      assertThat(plan.mu(RationalRing.INSTANCE, back)).isEqualTo(v);
    }
  }

  /**
   * (5,5,5)/(2,2,1): the last layer's entries (times the pivots) need relations whose linear
   * systems exceed InverseInterpolation.MAX_UNKNOWNS in every normalization, after billions of
   * multiply-adds each. The interpolation ends by its work bound, not by a time limit (here a
   * day), so the outcome, and the form {@code formula} falls back to, does not depend on the load.
   */
  @Test
  void interpolationEndsByItsWorkBound() {
    Architecture a = Architecture.oneDimensional(new int[] {5, 5, 5}, new int[] {2, 2, 1});
    assertThatThrownBy(() -> InverseMap.derive(a, Duration.ofDays(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(InverseInterpolation.MAX_WORK + " multiply-adds mod p");
  }

  /** Within the work bound, the interpolation still finds the inverse maps of these architectures. */
  @ParameterizedTest
  @CsvSource({"4;4;4, 2;2;1", "5;4;3, 3;2;1", "5;3, 2;1", "5;4;3;2, 2;2;2;1"})
  void interpolationFindsTheseWithinItsWorkBound(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    InverseMap inv = InverseMap.derive(a, Duration.ofDays(1)).orElseThrow();
    MuPlan plan = MuPlan.compile(a);
    List<BigFraction> v =
        plan.mu(RationalRing.INSTANCE, FormulaFixtures.randomTuple(a, new Random(sizes.hashCode())));
    assertThat(plan.mu(RationalRing.INSTANCE, inv.apply(v))).isEqualTo(v);
  }
}
