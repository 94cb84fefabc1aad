package org.lcngeo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.junit.jupiter.api.Test;

class MuPlanTest {
  private static List<BigFraction> q(String... s) {
    return java.util.Arrays.stream(s).map(Rationals::parse).toList();
  }

  @Test
  void example15MuAndNtkOfExample16() {
    Architecture a = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
    MuPlan plan = MuPlan.compile(a);
    FilterTuple<BigFraction> theta = FilterTuple.of(a, List.of(q("1", "0", "2"), q("2", "1")));
    assertThat(plan.mu(RationalRing.INSTANCE, theta)).isEqualTo(q("2", "0", "5", "0", "2"));
    var k = plan.ntk(RationalRing.INSTANCE, theta);
    assertThat(k.get(0)).isEqualTo(q("5", "0", "4", "0", "0"));
    assertThat(k.get(1)).isEqualTo(q("0", "4", "0", "2", "0"));
    assertThat(k.get(3)).isEqualTo(q("0", "2", "0", "1", "0"));
  }
}
