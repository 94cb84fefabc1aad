package org.lcngeo.symbolic.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

/** Lemma 9: the product of the layer polynomials in JAS equals mu computed by the plan. */
class LayerPolynomialsTest {
  @Property(tries = 60)
  void polynomialProductEqualsThePlan(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Architecture a = ExactNtkTest.randomArchitecture(r);
    FilterTuple<BigFraction> theta = ExactNtkTest.randomTuple(a, r, 7, 5, true);
    assertThat(LayerPolynomials.coefficients(LayerPolynomials.mu(theta), a.endToEndSize()))
        .isEqualTo(MuPlan.compile(a).mu(RationalRing.INSTANCE, theta));
  }

  @Test
  void example15() {
    Architecture a = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
    FilterTuple<BigFraction> theta = FilterTuple.of(a, List.of(
        List.of(BigFraction.ONE, BigFraction.ZERO, BigFraction.TWO),
        List.of(BigFraction.TWO, BigFraction.ONE)));
    // (2 + x^2)(1 + 2 x^2) = 2 + 5 x^2 + 2 x^4
    assertThat(LayerPolynomials.mu(theta).equals(
        LayerPolynomials.ring(1).parse("2 x1^4 + 5 x1^2 + 2"))).isTrue();
  }

  @Test
  void variablesAreNamedByDimension() {
    var ring = LayerPolynomials.ring(2);
    var p = LayerPolynomials.pi(ring,
        List.of(BigFraction.ZERO, BigFraction.ONE, BigFraction.ZERO, BigFraction.ZERO),
        new int[] {2, 2}, new int[] {1, 1}); // entry (0, 1): x2
    assertThat(p.toString().strip()).isEqualTo("x2");
    assertThat(p.equals(ring.parse("x2"))).isTrue();
  }
}
