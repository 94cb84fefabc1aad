package org.lcngeo.symbolic.manifold;

import static org.assertj.core.api.Assertions.assertThat;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.formula.Elimination;
import org.lcngeo.symbolic.formula.FormulaFixtures;
import org.lcngeo.symbolic.formula.InverseMap;
import org.lcngeo.symbolic.formula.Notation;

class NeuromanifoldEquationsTest {
  @Test
  void example15IsTheCubic() {
    NeuromanifoldEquations m =
        NeuromanifoldEquations.compute(FormulaFixtures.EX15);
    assertThat(m.dimension()).isEqualTo(4);
    assertThat(m.dimensionCertain()).isTrue();
    assertThat(m.complete()).isTrue();
    assertThat(m.write(Notation.SYMJA)).containsExactly("v0*v3^2 + v1^2*v4 - v1*v2*v3");
    assertThat(m.degree()).isEqualTo(3);
    assertThat(m.parametrizationDegree()).isEqualTo(1);
  }

  @Test
  void denseNeuromanifoldHasTheZeroIdeal() {
    NeuromanifoldEquations m =
        NeuromanifoldEquations.compute(
            Architecture.oneDimensional(new int[] {3, 2}, null));
    assertThat(m.dimension()).isEqualTo(4);
    assertThat(m.equations()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"3;2, 2;1", "2;2;2, 2;2;1", "3;3, 3;1", "2;3;2, 3;2;1", "2x2;2x2, 2x2;1x1", "2;2;2, 1;2;1"})
  void everyGeneratorVanishesOnTheImage(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    NeuromanifoldEquations m = NeuromanifoldEquations.compute(a);
    assertThat(m.equations()).isNotEmpty();
    MuPlan plan = MuPlan.compile(a);
    Random random = new Random(3 + sizes.hashCode());
    for (int trial = 0; trial < 10; trial++) {
      FilterTuple<BigFraction> theta = FormulaFixtures.randomTuple(a, random);
      List<BigFraction> v = plan.mu(RationalRing.INSTANCE, theta);
      for (GenPolynomial<BigRational> g : m.equations()) {
        assertThat(InverseMap.evaluate(g, v)).isEqualTo(BigFraction.ZERO);
      }
    }
    // and not on a random point of the ambient space (the ideal is proper)
    List<BigFraction> w =
        random.ints(a.endToEndEntries(), -9, 10).mapToObj(BigFraction::new).toList();
    assertThat(m.equations()).anyMatch(g -> !InverseMap.evaluate(g, w).equals(BigFraction.ZERO));
  }

  /** The linear-algebra search finds the cubic of Ex. 15 and skips its multiples of degree 4. */
  @Test
  void linearAlgebraOnExample15GivesTheCubicOnly() {
    Architecture a = FormulaFixtures.EX15;
    org.lcngeo.symbolic.formula.NtkFormula symbols = org.lcngeo.symbolic.formula.NtkFormula.of(a);
    org.lcngeo.symbolic.formula.RationalFunctionRing ring =
        new org.lcngeo.symbolic.formula.RationalFunctionRing(
            org.lcngeo.symbolic.formula.PolynomialRing.withVariables(Elimination.endToEndNames(5)).jas());
    List<GenPolynomial<BigRational>> found =
        new org.lcngeo.symbolic.formula.GraphRelations(symbols, ring, System.nanoTime() + 60_000_000_000L)
            .vanishing(4);
    assertThat(found.stream().map(Notation.SYMJA::polynomial).toList())
        .containsExactly("v0*v3^2 + v1^2*v4 - v1*v2*v3");
  }

  /**
   * The rows of the table that the Groebner basis did not finish (Macaulay2 1.21's {@code
   * ker}: (3,3,2)/(2,2,1) has dimension 6 and degree 30; (5,3)/(2,1) six quintics; (3,3,2)/(1,2,1)
   * one quintic): now complete, proven.
   */
  @ParameterizedTest
  @CsvSource({"4;4, 2;1, 7, 0", "3;3;2, 2;2;1, 6, 30", "5;3, 2;1, 7, 0", "3;3;2, 1;2;1, 6, 5"})
  void completeWhereTheGroebnerBasisGaveUp(String sizes, String strides, int dim, int degree) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    NeuromanifoldEquations m = NeuromanifoldEquations.compute(a);
    assertThat(m.complete()).as(m.reason()).isTrue();
    assertThat(m.dimension()).isEqualTo(dim);
    if (degree > 0) {
      assertThat(m.degree()).isEqualTo(degree);
    }
    MuPlan plan = MuPlan.compile(a);
    Random random = new Random(13);
    for (int trial = 0; trial < 5; trial++) {
      List<BigFraction> v = plan.mu(RationalRing.INSTANCE, FormulaFixtures.randomTuple(a, random));
      for (GenPolynomial<BigRational> g : m.equations()) {
        assertThat(InverseMap.evaluate(g, v)).isEqualTo(BigFraction.ZERO);
      }
    }
  }
}
