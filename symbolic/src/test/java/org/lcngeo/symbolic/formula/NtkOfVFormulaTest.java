package org.lcngeo.symbolic.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.codehaus.janino.SimpleCompiler;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.core.plan.NtkOfV;
import org.lcngeo.symbolic.expr.JavaSource;
import org.lcngeo.symbolic.expr.Printer;

class NtkOfVFormulaTest {
  @Test
  void example15LambdaSquaredIsThePapers() {
    InverseMap inv = InverseMap.derive(FormulaFixtures.EX15, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    NtkOfVFormula f = NtkOfVFormula.of(inv, Invariants.symbolic(2));
    // ||a||^2 = v0^2/v1^2 + 1 + v4^2/v3^2, ||b||^2 = v1^2 + v3^2 (Ex. 15)
    assertThat(Notation.SYMJA.quotient(f.squaredNorm(0)))
        .isEqualTo("(v0^2*v3^2 + v1^2*v3^2 + v1^2*v4^2)/(v1^2*v3^2)");
    assertThat(Notation.SYMJA.quotient(f.squaredNorm(1))).isEqualTo("v1^2 + v3^2");
    assertThat(Printer.SYMJA.print(f.lambdaSquared()))
        .startsWith("(-delta + Sqrt(delta^2 + 4*(")
        .endsWith("))/2/((v0^2*v3^2 + v1^2*v3^2 + v1^2*v4^2)/(v1^2*v3^2))");
  }

  /** At v = mu(theta) with delta = theta's own invariants, K^(delta)(v) is K(theta) (Thm. 4). */
  @ParameterizedTest
  @CsvSource({"3;2, 2;1", "2;2;2, 2;2;1", "3;3, 3;1", "2;3;2, 3;2;1", "4;3, 2;1", "2x3;2x2, 2x1;1x1"})
  void exactValueAtImagePointsIsTheNtkOfThePreimage(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    InverseMap inv = InverseMap.derive(a, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    NtkOfVFormula f = NtkOfVFormula.of(inv, Invariants.symbolic(a.depth()));
    MuPlan plan = MuPlan.compile(a);
    Random random = new Random(7 + sizes.hashCode());
    for (int trial = 0; trial < 5; trial++) {
      FilterTuple<BigFraction> theta = FormulaFixtures.randomTuple(a, random);
      List<BigFraction> v = plan.mu(RationalRing.INSTANCE, theta);
      List<BigFraction> delta = theta.invariants(RationalRing.INSTANCE);
      BigFraction beta1 = theta.squaredNorm(RationalRing.INSTANCE, 0);
      assertThat(f.evaluate(v, delta, beta1)).isEqualTo(plan.ntk(RationalRing.INSTANCE, theta));
    }
  }

  /**
   * The Java output compiled with Janino, at v = mu(theta) and delta = theta's invariants, against
   * the exact NTK of theta (beta_1 in closed form for H = 2, by bisection for H >= 3). {@code
   * numeric}: the invariants are written into the formula as constants.
   */
  @ParameterizedTest
  @CsvSource({"3;2, 2;1, d", "3;2, 2;1, numeric", "2;2;2, 2;2;1, 'd1,d2'", "2;2;2, 2;2;1, numeric",
      "2;3;2, 3;2;1, 'd1,d2'", "3;3, 3;1, d", "2;2;2;2, 2;2;2;1, 'd1,d2,d3'", "2x3;2x2, 2x1;1x1, d"})
  void compiledJavaMatchesTheExactNtk(String sizes, String strides, String deltaText) throws Exception {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    InverseMap inv = InverseMap.derive(a, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    MuPlan plan = MuPlan.compile(a);
    Random random = new Random(11 + sizes.hashCode());
    for (int trial = 0; trial < 5; trial++) {
      FilterTuple<BigFraction> theta = FormulaFixtures.randomTuple(a, random);
      List<BigFraction> delta = theta.invariants(RationalRing.INSTANCE);
      String text =
          deltaText.equals("numeric")
              ? String.join(",", delta.stream().map(Rationals::format).toList())
              : deltaText;
      NtkOfVFormula f = NtkOfVFormula.of(inv, Invariants.parse(text, a.depth()));
      SimpleCompiler compiler = new SimpleCompiler();
      compiler.cook(JavaSource.ntkOfVClass(f.tree(), "Generated"));
      NtkOfV compiled =
          (NtkOfV)
              compiler.getClassLoader().loadClass("Generated").getDeclaredConstructor().newInstance();
      List<BigFraction> v = plan.mu(RationalRing.INSTANCE, theta);
      double[][] k =
          compiled.ntk(
              v.stream().mapToDouble(BigFraction::doubleValue).toArray(),
              delta.stream().mapToDouble(BigFraction::doubleValue).toArray());
      List<List<BigFraction>> exact = plan.ntk(RationalRing.INSTANCE, theta);
      double scale =
          exact.stream().flatMap(List::stream).mapToDouble(x -> Math.abs(x.doubleValue())).max().orElse(1);
      assertThat(k).hasNumberOfRows(exact.size());
      for (int i = 0; i < k.length; i++) {
        for (int j = 0; j < k.length; j++) {
          assertThat(k[i][j]).isCloseTo(exact.get(i).get(j).doubleValue(), within(1e-9 * scale));
        }
      }
    }
  }

  /**
   * The expansion counts its term products as it goes and stops beyond its bound: at exactly the
   * count it formed it gives the same matrix, one below it stops (a bound on work, not on time).
   */
  @ParameterizedTest
  @CsvSource({"3;2, 2;1", "2;3;2, 3;2;1"})
  void expansionStopsAtItsTermProductBound(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    InverseMap inv = InverseMap.derive(a, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    Invariants d = Invariants.symbolic(a.depth());
    NtkOfVFormula f = NtkOfVFormula.of(inv, d);
    assertThat(f.termProducts()).isPositive().isLessThanOrEqualTo(NtkOfVFormula.MAX_TERM_PRODUCTS);
    NtkOfVFormula atBound = NtkOfVFormula.of(inv, d, f.termProducts());
    assertThat(Printer.SYMJA.entries(atBound.ntkOfV())).isEqualTo(Printer.SYMJA.entries(f.ntkOfV()));
    assertThatThrownBy(() -> NtkOfVFormula.of(inv, d, f.termProducts() - 1))
        .isInstanceOf(NtkOfVFormula.ExpansionBoundReached.class)
        .hasMessageContaining((f.termProducts() - 1) + " term products");
  }
}
