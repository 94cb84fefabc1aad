package org.lcngeo.numeric.rescale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

class NumericRescalingTest {
  private static final Architecture EX15 =
      Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});

  static FilterTuple<Double> ex15(double... b) {
    return FilterTuple.of(EX15, List.of(List.of(1.0, 0.0, 2.0), List.of(b[0], b[1])));
  }

  /** Example 15's closed form lambda^2 = (-delta + sqrt(delta^2 + 4||a||^2||b||^2)) / (2||a||^2). */
  @ParameterizedTest
  @ValueSource(doubles = {0, 3, -2, 0.5, -7.0 / 3, 10, 1e-3, -1e3, 1e6})
  void example15ClosedForm(double delta) {
    NumericRescaledTuple r = NumericRescaling.rescale(ex15(2, 1), List.of(delta));
    double lambda2 = (-delta + Math.sqrt(delta * delta + 4 * 25)) / 10;
    if (delta > 0) {
      lambda2 = 10 / (delta + Math.sqrt(delta * delta + 100)); // the same, without cancellation
    }
    double[] lam = r.lambdas();
    assertThat(lam[0] * lam[0]).isCloseTo(lambda2, within(4e-16 * lambda2 * 4));
    assertThat(lam[0] * lam[1]).isCloseTo(1, within(1e-15));
    // K^(delta) = K_1 / lambda^2 + lambda^2 K_2
    MuPlan plan = MuPlan.compile(EX15);
    List<List<Double>> k1 = plan.ntkLayer(DoubleRing.INSTANCE, ex15(2, 1), 0);
    List<List<Double>> k2 = plan.ntkLayer(DoubleRing.INSTANCE, ex15(2, 1), 1);
    double[][] k = r.ntk();
    for (int i = 0; i < k.length; i++) {
      for (int j = 0; j < k.length; j++) {
        double expected = k1.get(i).get(j) / lambda2 + lambda2 * k2.get(i).get(j);
        assertThat(k[i][j]).isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  /** The golden case nd_paper_ex15_delta3: beta_1 = (-3 + sqrt(109)) / 2. */
  @Test
  void goldenCaseDelta3() {
    NumericRescaledTuple r = NumericRescaling.rescale(ex15(2, 1), List.of(3.0));
    assertThat(r.beta1()).isCloseTo(3.720153254455275089878877011274023839145, within(1e-15));
    assertThat(r.lambdas()[0]).isCloseTo(0.8625721134438876687743898461535599965341, within(2e-16));
    assertThat(r.lambdas()[1]).isCloseTo(1.159323359072461292039973794494510137028, within(3e-16));
    assertThat(r.ntk()[2][2]).isCloseTo(10.44030650891055017975775402254804767829, within(1e-14));
  }

  record Case(FilterTuple<Double> theta, List<Double> delta) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(2, 4).flatMap(h -> {
      int[] sizes = new int[h];
      java.util.Arrays.fill(sizes, 2);
      int[] strides = new int[h];
      java.util.Arrays.fill(strides, 2);
      Architecture arch = Architecture.oneDimensional(sizes, strides);
      Arbitrary<List<Double>> layer = Arbitraries.doubles().between(-3, 3).list().ofSize(2)
          .filter(w -> w.get(0) * w.get(0) + w.get(1) * w.get(1) > 1e-3);
      return Combinators.combine(layer.list().ofSize(h), Arbitraries.doubles().between(-5, 5).list().ofSize(h - 1))
          .as((w, d) -> new Case(FilterTuple.of(arch, w), d));
    });
  }

  @Property(tries = 200)
  void reachesDeltaWithProductOne(@ForAll("cases") Case c) {
    NumericRescaledTuple r = NumericRescaling.rescale(c.theta, c.delta);
    FilterTuple<Double> f = r.filters();
    double prod = 1;
    double scale = 1;
    for (int l = 0; l < f.depth(); l++) {
      prod *= r.lambdas()[l];
      scale = Math.max(scale, r.betas()[l]);
      assertThat(r.lambdas()[l]).isPositive();
    }
    assertThat(prod).isCloseTo(1, within(1e-13));
    List<Double> inv = f.invariants(DoubleRing.INSTANCE);
    for (int l = 0; l < inv.size(); l++) {
      assertThat(inv.get(l)).isCloseTo(c.delta.get(l), within(1e-13 * scale));
    }
    double[][] k = r.ntk();
    List<List<Double>> direct = MuPlan.compile(c.theta.architecture()).ntk(DoubleRing.INSTANCE, f);
    for (int i = 0; i < k.length; i++) {
      for (int j = 0; j < k.length; j++) {
        assertThat(k[i][j]).isCloseTo(direct.get(i).get(j), within(1e-12 * scale * scale));
      }
    }
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> NumericRescaling.rescale(
            FilterTuple.of(EX15, List.of(List.of(0.0, 0.0, 0.0), List.of(2.0, 1.0))), List.of(1.0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs non-zero filters");
    assertThatThrownBy(() -> NumericRescaling.rescale(ex15(2, 1), new ArrayList<>()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("got 0 delta values but a network of 2 layers has 1 invariant");
    assertThatThrownBy(() -> NumericRescaling.rescale(ex15(2, 1), List.of(Double.NaN)))
        .isInstanceOf(InvalidInputException.class);
  }
}
