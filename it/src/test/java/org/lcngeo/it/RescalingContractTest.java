package org.lcngeo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.numeric.rescale.NumericRescaledTuple;
import org.lcngeo.numeric.rescale.NumericRescaling;
import org.lcngeo.symbolic.rescale.RescaledTuple;
import org.lcngeo.symbolic.rescale.Rescaling;

/**
 * Prop. 2 / 12 from both executors: the exact rescaling (beta_1 a real algebraic number, K^(delta)
 * in its number field) and the double one agree on beta_1 and on K^(delta) to 1e-12 relative, on
 * every plan of {@link Plans}.
 */
class RescalingContractTest {
  record Case(FilterTuple<BigFraction> theta, List<BigFraction> delta) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(Plans.ARCHITECTURES).flatMap(a -> Combinators.combine(
        Plans.tuples(a, 4),
        Arbitraries.integers().between(-6, 6).map(BigFraction::new).list()
            .ofSize(a.depth() - 1))
        .as(Case::new));
  }

  @Property(tries = 30)
  void exactAndNumericRescalingAgree(@ForAll("cases") Case c) {
    RescaledTuple exact = Rescaling.rescale(c.theta(), c.delta());
    NumericRescaledTuple numeric = NumericRescaling.rescale(
        Plans.toDouble(c.theta()), c.delta().stream().map(BigFraction::doubleValue).toList());
    double beta = exact.beta1().toBigDecimal(20).doubleValue();
    assertThat(Math.abs(numeric.beta1() - beta)).isLessThanOrEqualTo(1e-12 * Math.abs(beta));
    List<List<Double>> k = exact.ntk().ntkDecimal(20).stream()
        .map(r -> r.stream().map(s -> new BigDecimal(s).doubleValue()).toList())
        .toList();
    List<List<Double>> kn = java.util.Arrays.stream(numeric.ntk())
        .map(r -> java.util.Arrays.stream(r).boxed().toList())
        .toList();
    assertThat(Plans.close(kn, k, 1e-12)).as("%s vs %s", kn, k).isTrue();
  }
}
