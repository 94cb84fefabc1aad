package org.lcngeo.core.rescale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

class RescalingProblemTest {
  private static final RationalRing Q = RationalRing.INSTANCE;

  private static BigFraction q(long n) {
    return new BigFraction(n);
  }

  private static BigFraction value(List<BigFraction> p, BigFraction x) {
    BigFraction s = BigFraction.ZERO;
    for (int i = p.size() - 1; i >= 0; i--) {
      s = s.multiply(x).add(p.get(i));
    }
    return s;
  }

  /** Ex. 15 rescaled to delta = 1: ||w_1||^2 = 5, ||w_2||^2 = 5, P(x) = x(x + 1) - 25. */
  @Example
  void example15() {
    Architecture a = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
    FilterTuple<BigFraction> theta = FilterTuple.of(a, List.of(List.of(q(1), q(0), q(2)), List.of(q(2), q(1))));
    RescalingProblem<BigFraction> p = RescalingProblem.of(Q, theta, List.of(q(1)));
    assertThat(p.squaredNorms()).containsExactly(q(5), q(5));
    assertThat(p.offsets()).containsExactly(q(0), q(1));
    assertThat(p.productOfSquaredNorms()).isEqualTo(q(25));
    assertThat(p.polynomial()).containsExactly(q(-25), q(1), q(1));
    assertThat(p.lowerBound()).isEqualTo(q(0));
    assertThat(p.upperBound()).isEqualTo(q(25));
  }

  @Example
  void rejectsZeroFiltersAndWrongCounts() {
    Architecture a = Architecture.oneDimensional(new int[] {2, 2}, new int[] {1, 1});
    FilterTuple<Double> zero = FilterTuple.of(a, List.of(List.of(0.0, 0.0), List.of(1.0, 2.0)));
    assertThatThrownBy(() -> RescalingProblem.of(DoubleRing.INSTANCE, zero, List.of(1.0)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("filter 1 is zero");
    FilterTuple<Double> ok = FilterTuple.of(a, List.of(List.of(1.0, 0.0), List.of(1.0, 2.0)));
    assertThatThrownBy(() -> RescalingProblem.of(DoubleRing.INSTANCE, ok, List.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("0 delta values");
  }

  /**
   * The bracket of Sec. 7.1.1: P(m) = -C < 0 <= P(m + max(1, C)), the n_l are >= 0 with minimum 0,
   * eq. 14 is eq. 13 shifted by m, and c_l are the partial sums of delta.
   */
  @Property(tries = 200)
  void bracketIsolatesTheRootOfEquation13(@ForAll("problems") RescalingProblem<BigFraction> p) {
    List<BigFraction> poly = p.polynomial();
    BigFraction m = p.lowerBound();
    BigFraction c = p.productOfSquaredNorms();
    assertThat(c.signum()).isPositive();
    assertThat(value(poly, m)).isEqualTo(c.negate());
    assertThat(value(poly, p.upperBound()).signum()).isNotNegative();
    assertThat(p.shiftedOffsets()).allSatisfy(n -> assertThat(n.signum()).isNotNegative());
    assertThat(p.shiftedOffsets()).anySatisfy(n -> assertThat(n.signum()).isZero());
    for (BigFraction y : List.of(q(0), new BigFraction(1, 3), q(2), p.bracketWidth())) {
      assertThat(p.shiftedValue(y)).isEqualTo(value(poly, y.add(m)));
    }
    BigFraction sum = BigFraction.ZERO;
    for (int l = 0; l < p.offsets().size(); l++) {
      assertThat(p.offsets().get(l)).isEqualTo(sum);
      assertThat(p.shiftedOffsets().get(l)).isEqualTo(sum.add(m));
      if (l < p.delta().size()) {
        sum = sum.add(p.delta().get(l));
      }
    }
    assertThat(poly.get(poly.size() - 1)).isEqualTo(BigFraction.ONE);
    assertThat(poly).hasSize(p.theta().depth() + 1);
  }

  @Provide
  Arbitrary<RescalingProblem<BigFraction>> problems() {
    Arbitrary<BigFraction> entry = Combinators.combine(
        Arbitraries.integers().between(-9, 9), Arbitraries.integers().between(1, 4))
        .as(BigFraction::new);
    return Arbitraries.integers().between(1, 4).flatMap(h -> {
      int[] sizes = new int[h];
      int[] strides = new int[h];
      java.util.Arrays.fill(sizes, 2);
      java.util.Arrays.fill(strides, 1);
      Architecture a = Architecture.oneDimensional(sizes, strides);
      Arbitrary<List<BigFraction>> layer = entry.list().ofSize(2)
          .filter(w -> w.stream().anyMatch(x -> x.signum() != 0));
      return Combinators.combine(layer.list().ofSize(h), entry.list().ofSize(h - 1))
          .as((layers, delta) -> RescalingProblem.of(
              Q, FilterTuple.of(a, new ArrayList<>(layers)), delta));
    });
  }
}
