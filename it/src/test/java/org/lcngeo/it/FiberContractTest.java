package org.lcngeo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.numeric.fiber.FiberPoint;
import org.lcngeo.numeric.fiber.NumericFiber;
import org.lcngeo.numeric.rescale.NumericRescaling;
import org.lcngeo.symbolic.fiber.Fiber;

/**
 * Fiber points from both executors on the rational targets v = mu(theta) of the 1-D plans of
 * {@link Plans}: the exact {@link Fiber} (complete over R) and the root-based {@link NumericFiber}
 * list the same points, one per sign class, at the same invariants (the exact representatives
 * rescaled in double precision and put in canonical signs), to 1e-8 relative.
 */
class FiberContractTest {
  record Case(FilterTuple<BigFraction> theta, List<BigFraction> delta) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(Plans.oneDimensional().stream()
            .filter(a -> a.parameterCount() <= 7).toList())
        .flatMap(a -> Combinators.combine(
            Plans.tuples(a, 3),
            Arbitraries.integers().between(-2, 2).map(BigFraction::new).list()
                .ofSize(a.depth() - 1))
            .as(Case::new));
  }

  @Property(tries = 15)
  void exactAndNumericFibersListTheSamePoints(@ForAll("cases") Case c) {
    MuPlan plan = Plans.plan(c.theta().architecture());
    List<BigFraction> v = plan.mu(RationalRing.INSTANCE, c.theta());
    Fiber exact = Fiber.compute(plan.architecture(), v, c.delta());
    List<Double> deltaD = c.delta().stream().map(BigFraction::doubleValue).toList();
    List<FiberPoint> numeric = NumericFiber.recover(plan,
        v.stream().mapToDouble(BigFraction::doubleValue).toArray(),
        deltaD.stream().mapToDouble(Double::doubleValue).toArray());
    assertThat(exact.complete()).isTrue();
    assertThat(numeric).hasSameSizeAs(exact.points());
    List<List<Double>> remaining = new ArrayList<>();
    for (FiberPoint p : numeric) {
      assertThat(p.residual()).isLessThan(1e-8 * norm(v));
      remaining.add(p.theta().flat());
    }
    for (Fiber.Point p : exact.points()) {
      FilterTuple<Double> rep = p.filters().map(x -> x.toBigDecimal(20).doubleValue());
      List<Double> expected = NumericRescaling.canonicalSigns(
          NumericRescaling.rescale(rep, deltaD).filters()).flat();
      int match = -1;
      for (int i = 0; i < remaining.size() && match < 0; i++) {
        if (Plans.close(List.of(remaining.get(i)), List.of(expected), 1e-8)) {
          match = i;
        }
      }
      assertThat(match).as("exact point %s among %s", expected, remaining).isNotNegative();
      remaining.remove(match);
    }
  }

  private static double norm(List<BigFraction> v) {
    return Math.sqrt(v.stream().mapToDouble(x -> x.doubleValue() * x.doubleValue()).sum());
  }
}
