package org.lcngeo.symbolic.fiber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.symbolic.fiber.RealFiberTest.assertMapsToV;
import static org.lcngeo.symbolic.fiber.RealFiberTest.balanced;
import static org.lcngeo.symbolic.fiber.RealFiberTest.q;

import org.junit.jupiter.api.Test;
import org.lcngeo.core.model.Architecture;

/**
 * 1-D fibers whose split factors together would need a number field beyond the bound of {@link
 * RealDivisorChain}: each point is listed over its own field ({@link PointwiseRealFiber}).
 */
class PointwiseFieldFiberTest {
  @Test
  void quarticWithTwoRealRootsHasTwoPoints() {
    // z^4 + z - 1: two real roots and one non-real pair; two quadratic layers take either
    Fiber f = balanced(Architecture.oneDimensional(new int[] {3, 3}, null), q(-1, 1, 0, 0, 1));
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.inManifold()).contains(true);
    assertThat(f.points()).hasSize(2);
    assertMapsToV(f);
    assertThat(f.ntkVerdict()).isPresent();
  }

  @Test
  void quinticWithThreeRealRootsHasFourPoints() {
    // z^5 - 4z + 2 (Galois group S5, three real roots): the quadratic layer takes two of the
    // real roots (3 ways) or the non-real pair
    Fiber f = balanced(Architecture.oneDimensional(new int[] {3, 4}, null), q(2, -4, 0, 0, 0, 1));
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.points()).hasSize(4);
    assertMapsToV(f);
    assertThat(f.ntkVerdict()).isPresent();
  }
}
