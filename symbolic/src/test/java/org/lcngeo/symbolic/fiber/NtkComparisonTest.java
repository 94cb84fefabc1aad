package org.lcngeo.symbolic.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lcngeo.symbolic.algebraic.FieldExtensions;

/** Three values for the NTKs of a fiber's points: a comparison beyond a bound is undecided. */
class NtkComparisonTest {
  private static boolean beyond(int i) {
    throw new FieldExtensions.DegreeBoundExceeded("recombination of 40 modular factors");
  }

  @Test
  void allEqualIsTrue() {
    assertThat(Fiber.NtkComparison.of(3, i -> true)).isEqualTo(new Fiber.NtkComparison(true, null));
    assertThat(Fiber.NtkComparison.of(1, NtkComparisonTest::beyond).equal()).isTrue();
  }

  @Test
  void aComparisonBeyondABoundIsUndecidedWithWhy() {
    Fiber.NtkComparison c = Fiber.NtkComparison.of(3, i -> i == 1 || beyond(i));
    assertThat(c.equal()).isNull();
    assertThat(c.undecided()).contains("points 1 and 3").contains("40 modular factors");
  }

  @Test
  void aDecidedDifferenceWinsOverAnUndecidedPair() {
    Fiber.NtkComparison c = Fiber.NtkComparison.of(4, i -> i == 1 ? beyond(i) : i != 3);
    assertThat(c).isEqualTo(new Fiber.NtkComparison(false, null));
  }
}
