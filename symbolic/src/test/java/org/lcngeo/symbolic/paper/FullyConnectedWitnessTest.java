package org.lcngeo.symbolic.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FullyConnectedWitnessTest {
  @Test
  void example20SameProductSameDeltaDifferentNtk() {
    FullyConnectedWitness w = FullyConnectedWitness.example20();
    assertThat(w.productsEqual()).isTrue();
    assertThat(w.deltasEqual()).isTrue();
    assertThat(w.balanced()).isFalse();
    assertThat(w.ntkEqual()).isFalse();
    assertThat(w.deltas(w.first()).get(0).get(1).get(1))
        .isEqualTo(new org.hipparchus.fraction.BigFraction(15, 4));
  }

  @Property(tries = 12)
  void theorem14BalancedTuplesWithOneProductShareTheNtk(
      @ForAll @IntRange(min = 2, max = 3) int width,
      @ForAll @IntRange(min = 2, max = 3) int depth,
      @ForAll long seed) {
    FullyConnectedWitness w = FullyConnectedWitness.balanced(width, depth, new SplittableRandom(seed));
    assertThat(w.balanced()).isTrue();
    assertThat(w.deltasEqual()).isTrue();
    assertThat(w.productsEqual()).isTrue();
    assertThat(w.first()).isNotEqualTo(w.second());
    assertThat(w.ntkEqual()).isTrue();
  }

  @Property(tries = 12)
  void example20FamilyHasDifferentNtks(
      @ForAll @IntRange(min = 2, max = 4) int width, @ForAll long seed) {
    FullyConnectedWitness w = FullyConnectedWitness.randomUnbalanced(width, new SplittableRandom(seed));
    assertThat(w.productsEqual()).isTrue();
    assertThat(w.deltasEqual()).isTrue();
    assertThat(w.ntkEqual()).isFalse();
  }
}
