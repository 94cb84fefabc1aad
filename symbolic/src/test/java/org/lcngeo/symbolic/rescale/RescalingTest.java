package org.lcngeo.symbolic.rescale;

import static org.assertj.core.api.Assertions.assertThat;
import org.lcngeo.symbolic.expr.Printer;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/** Prop. 2 / 12 on the paper's Examples 15 and 19. */
class RescalingTest {
  private static final Architecture EX15 =
      Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
  private static final Architecture EX19 =
      Architecture.oneDimensional(new int[] {3, 2}, new int[] {1, 1});

  static List<BigFraction> ints(long... v) {
    List<BigFraction> out = new ArrayList<>();
    for (long x : v) {
      out.add(new BigFraction(x));
    }
    return out;
  }

  static FilterTuple<BigFraction> tuple(Architecture arch, List<BigFraction> a, List<BigFraction> b) {
    return FilterTuple.of(arch, List.of(a, b));
  }

  static RealAlgebraicNumber alg(BigFraction q) {
    return RealAlgebraicNumber.of(q);
  }

  /**
   * Example 15: lambda^2 = (-delta + sqrt(delta^2 + 4 ||a||^2 ||b||^2)) / (2 ||a||^2) and
   * K^(delta) = K_1 / lambda^2 + lambda^2 K_2, exactly, for several delta.
   */
  @ParameterizedTest
  @ValueSource(strings = {"0", "3", "-2", "1/2", "-7/3", "10", "0.001"})
  void example15ClosedForm(String deltaText) {
    BigFraction delta = Rationals.parse(deltaText);
    FilterTuple<BigFraction> theta = tuple(EX15, ints(1, 0, 2), ints(2, 1));
    RescaledTuple r = Rescaling.rescale(theta, List.of(delta));
    BigFraction na = new BigFraction(5);
    BigFraction nb = new BigFraction(5);
    RealAlgebraicNumber lambda2 =
        alg(delta.multiply(delta).add(na.multiply(nb).multiply(4))).sqrt()
            .subtract(alg(delta))
            .multiply(na.multiply(2).reciprocal());
    assertThat(r.lambdaSquared().get(0).toRealAlgebraic()).isEqualTo(lambda2);
    assertThat(r.lambdaSquared().get(1).toRealAlgebraic()).isEqualTo(lambda2.inverse());
    assertThat(r.lambdas().get(0).multiply(r.lambdas().get(0))).isEqualTo(lambda2);
    assertThat(r.lambdas().get(0).multiply(r.lambdas().get(1))).isEqualTo(alg(BigFraction.ONE));

    MuPlan plan = MuPlan.compile(EX15);
    List<List<BigFraction>> k1 = plan.ntkLayer(RationalRing.INSTANCE, theta, 0);
    List<List<BigFraction>> k2 = plan.ntkLayer(RationalRing.INSTANCE, theta, 1);
    RescaledNtk k = r.ntk();
    RealAlgebraicNumber inv = lambda2.inverse();
    for (int i = 0; i < k.size(); i++) {
      for (int j = 0; j < k.size(); j++) {
        RealAlgebraicNumber expected =
            inv.multiply(k1.get(i).get(j)).add(lambda2.multiply(k2.get(i).get(j)));
        assertThat(k.entry(i, j).toRealAlgebraic()).isEqualTo(expected);
      }
    }
  }

  /**
   * Example 19 (strides one, delta = 0, v = (0,1,1,0)): the three factorizations have NTKs equal
   * to (1/sqrt 2) times the integer matrices printed in the paper, and they differ.
   */
  @Test
  void example19ThreeDistinctNtks() {
    List<List<BigFraction>> as = List.of(ints(0, 1, 0), ints(1, 1, 0), ints(0, 1, 1));
    List<List<BigFraction>> bs = List.of(ints(1, 1), ints(0, 1), ints(1, 0));
    long[][][] printed = {
      {{1, 1, 0, 0}, {1, 4, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 1}},
      {{1, 1, 0, 0}, {1, 4, 1, 0}, {0, 1, 3, 0}, {0, 0, 0, 2}},
      {{2, 0, 0, 0}, {0, 3, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 1}},
    };
    RealAlgebraicNumber invSqrt2 = alg(new BigFraction(2)).sqrt().inverse();
    RealAlgebraicNumber fourthRoot = alg(new BigFraction(2)).sqrt().sqrt();
    List<RescaledNtk> ntks = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      RescaledTuple r = Rescaling.rescale(tuple(EX19, as.get(c), bs.get(c)), ints(0));
      // the paper's scalings: 2^(1/4) on the layer with norm 1, 2^(-1/4) on the one with norm 2
      RealAlgebraicNumber la = c == 0 ? fourthRoot : fourthRoot.inverse();
      assertThat(r.lambdas().get(0)).isEqualTo(la);
      assertThat(r.lambdas().get(1)).isEqualTo(la.inverse());
      RescaledNtk k = r.ntk();
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          assertThat(k.entry(i, j).toRealAlgebraic())
              .isEqualTo(invSqrt2.multiply(new BigFraction(printed[c][i][j])));
        }
      }
      ntks.add(k);
    }
    assertThat(ntks.get(0).exactlyEquals(ntks.get(1))).isFalse();
    assertThat(ntks.get(0).exactlyEquals(ntks.get(2))).isFalse();
    assertThat(ntks.get(1).exactlyEquals(ntks.get(2))).isFalse();
    assertThat(ntks.get(0).exactlyEquals(ntks.get(0))).isTrue();
    // entries print as radicals Symja parses: 4/sqrt(2) = 2*Sqrt(2)
    assertThat(Printer.SYMJA.entries(ntks.get(0).ntkExpr()).get(1).get(1)).isEqualTo("2*Sqrt(2)");
    assertThat(Printer.SYMJA.entries(ntks.get(0).ntkExpr()).get(0).get(0)).isEqualTo("Sqrt(2)/2");
    assertThat(Printer.SYMJA.entries(ntks.get(0).ntkExpr()).get(0).get(3)).isEqualTo("0");
    assertThat(ntks.get(0).ntkDecimal(20).get(0).get(0)).isEqualTo("0.70710678118654752440");
  }

  @Test
  void ntkDependsOnTheProjectivePointAndDeltaOnly() {
    // Thm. 4: a rescaled copy (3a, b/3) of the same tuple has the same rescaled NTK, over the same
    // field; another delta gives another field and another NTK.
    RescaledTuple r1 = Rescaling.rescale(tuple(EX15, ints(1, 0, 2), ints(2, 1)), ints(1));
    RescaledTuple r2 = Rescaling.rescale(
        tuple(EX15, ints(3, 0, 6), List.of(new BigFraction(2, 3), new BigFraction(1, 3))), ints(1));
    assertThat(r1.field()).isEqualTo(r2.field());
    assertThat(r1.ntk().exactlyEquals(r2.ntk())).isTrue();
    assertThat(r1.filters()).isEqualTo(r2.filters());
    RescaledTuple r3 = Rescaling.rescale(tuple(EX15, ints(1, 0, 2), ints(2, 1)), ints(2));
    assertThat(r1.field()).isNotEqualTo(r3.field());
    assertThat(r1.ntk().exactlyEquals(r3.ntk())).isFalse();
  }

  @Test
  void ntkOverACubicField() {
    Architecture arch = Architecture.oneDimensional(new int[] {2, 2, 2}, new int[] {2, 2, 1});
    FilterTuple<BigFraction> theta =
        FilterTuple.of(arch, List.of(ints(1, 2), ints(1, -1), ints(3, 1)));
    RescaledTuple r = Rescaling.rescale(theta, List.of(new BigFraction(1), new BigFraction(-1, 2)));
    assertThat(r.beta1().degree()).isEqualTo(3);
    FieldElement sum = r.field().zero();
    for (FieldElement b : r.betas()) {
      sum = sum.add(b);
    }
    assertThat(r.betas().get(1).subtract(r.betas().get(0)).toRational()).isEqualTo(new BigFraction(1));
    FieldElement prod = r.lambdaSquared().get(0).multiply(r.lambdaSquared().get(1)).multiply(r.lambdaSquared().get(2));
    assertThat(prod.toRational()).isEqualTo(BigFraction.ONE);
    RescaledNtk k = r.ntk();
    assertThat(k.ntkCoefficients().get(0).get(0)).hasSize(3);
    assertThat(Printer.SYMJA.print(k.entry(0, 0).toExpr())).doesNotContain("Root(Function");
    assertThat(k.entry(0, 0).toRealAlgebraic().certificate().symjaEvaluates()).isTrue();
  }

  @Test
  void oneLayerIsItsOwnRescaling() {
    Architecture arch = Architecture.oneDimensional(new int[] {3}, new int[] {1});
    FilterTuple<BigFraction> theta = FilterTuple.of(arch, List.of(ints(1, -2, 2)));
    RescaledTuple r = Rescaling.rescale(theta, List.of());
    assertThat(r.beta1()).isEqualTo(alg(new BigFraction(9)));
    assertThat(r.lambdas()).containsExactly(alg(BigFraction.ONE));
    assertThat(Printer.SYMJA.entries(r.filtersExpr())).containsExactly(List.of("1", "-2", "2"));
    MuPlan plan = MuPlan.compile(arch);
    List<List<BigFraction>> k = plan.ntk(RationalRing.INSTANCE, theta);
    assertThat(r.ntk().ntkCoefficients().get(1).get(1)).containsExactly(k.get(1).get(1));
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> Rescaling.rescale(tuple(EX15, ints(0, 0, 0), ints(2, 1)), ints(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("filter 1 is zero, but the rescaling to prescribed invariants (Prop. 2 / 12)"
            + " needs non-zero filters");
    assertThatThrownBy(() -> Rescaling.rescale(tuple(EX15, ints(1, 0, 2), ints(0, 0)), ints(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("filter 2 is zero");
    assertThatThrownBy(() -> Rescaling.rescale(tuple(EX15, ints(1, 0, 2), ints(2, 1)), ints(1, 2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("got 2 delta values but a network of 2 layers has 1 invariant");
    assertThatThrownBy(() -> Rescaling.rescale(tuple(EX15, ints(1, 0, 2), ints(2, 1)), ints()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("got 0 delta values but a network of 2 layers has 1 invariant");
  }
}
