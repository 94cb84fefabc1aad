package org.lcngeo.symbolic.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

class NtkFormulaTest {
  @Test
  void example15BlocksAreThePapers() {
    NtkFormula f = NtkFormula.of(FormulaFixtures.EX15);
    assertThat(f.parameters()).containsExactly("a0", "a1", "a2", "b0", "b1");
    // Paper, Sec. 7, Example 15, a = (a0, a1, a2), b = (b0, b1).
    String b00 = "b0^2", b01 = "b0*b1", b11 = "b1^2";
    List<List<String>> k1 =
        List.of(
            List.of(b00, "0", b01, "0", "0"),
            List.of("0", b00, "0", b01, "0"),
            List.of(b01, "0", "b0^2 + b1^2", "0", b01),
            List.of("0", b01, "0", b11, "0"),
            List.of("0", "0", b01, "0", b11));
    List<List<String>> k2 =
        List.of(
            List.of("a0^2", "a0*a1", "a0*a2", "0", "0"),
            List.of("a0*a1", "a1^2", "a1*a2", "0", "0"),
            List.of("a0*a2", "a1*a2", "a0^2 + a2^2", "a0*a1", "a0*a2"),
            List.of("0", "0", "a0*a1", "a1^2", "a1*a2"),
            List.of("0", "0", "a0*a2", "a1*a2", "a2^2"));
    assertThat(canonical(f.block(0), f)).isEqualTo(canonical(parse(k1, f), f));
    assertThat(canonical(f.block(1), f)).isEqualTo(canonical(parse(k2, f), f));
  }

  @Test
  void symjaSyntaxOfAnEntry() {
    NtkFormula f = NtkFormula.of(FormulaFixtures.EX15);
    GenPolynomial<BigRational> p = f.ring().jas().parse("a0^2 + b0*b1 - 3/4 a1");
    assertThat(Notation.SYMJA.polynomial(p)).isEqualTo("a0^2 + b0*b1 - 3/4*a1");
    assertThat(Notation.LATEX.polynomial(p))
        .isEqualTo("a_{0}^{2} + b_{0} b_{1} - \\frac{3}{4} a_{1}");
    assertThat(Notation.JAVA.polynomial(p))
        .isEqualTo("a0*a0 + b0*b1 - (3.0/4.0)*a1");
  }

  @ParameterizedTest
  @CsvSource({"3;2, 2;1", "2;3;2, 2;2;1", "2;2;2, 1;1;1", "2x2;2x3, 1x1;1x1", "3x2;2x2, 2x1;1x1"})
  void formulaAtRandomRationalPointsIsTheExactNtk(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    NtkFormula f = NtkFormula.of(a);
    MuPlan plan = MuPlan.compile(a);
    Random random = new Random(sizes.hashCode());
    for (int trial = 0; trial < 5; trial++) {
      FilterTuple<BigFraction> theta = FormulaFixtures.randomTuple(a, random);
      List<BigFraction> point = theta.flat();
      assertThat(evaluate(f.ntk(), point)).isEqualTo(plan.ntk(RationalRing.INSTANCE, theta));
      for (int l = 0; l < a.depth(); l++) {
        assertThat(evaluate(f.block(l), point))
            .isEqualTo(plan.ntkLayer(RationalRing.INSTANCE, theta, l));
      }
    }
  }

  @Test
  void tooLargeToPrint() {
    Architecture a = Architecture.oneDimensional(new int[] {40, 40}, null);
    assertThatThrownBy(() -> NtkFormula.of(a))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("too large to print");
  }

  static List<List<BigFraction>> evaluate(
      List<List<GenPolynomial<BigRational>>> m, List<BigFraction> point) {
    return m.stream()
        .map(r -> r.stream().map(p -> InverseMap.evaluate(p, point)).toList())
        .toList();
  }

  private static List<List<GenPolynomial<BigRational>>> parse(List<List<String>> m, NtkFormula f) {
    return m.stream().map(r -> r.stream().map(s -> f.ring().jas().parse(s)).toList()).toList();
  }

  private static List<List<String>> canonical(List<List<GenPolynomial<BigRational>>> m, NtkFormula f) {
    return NtkFormula.write(m, Notation.SYMJA);
  }
}
