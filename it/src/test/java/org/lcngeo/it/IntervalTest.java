package org.lcngeo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.BinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The interval arithmetic that certifies {@link CertifiedFiberCount}'s zeros: for points x in A
 * and y in B, the exact sum, difference, product and square (in BigDecimal) lie in the computed
 * intervals.
 */
class IntervalTest {
  /** An interval and a point in it (both doubles). */
  record Member(Interval interval, double point) {}

  @Provide
  Arbitrary<Member> members() {
    Arbitrary<Double> d = Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e3, 1e3).ofScale(12),
        Arbitraries.doubles().between(-1e-3, 1e-3).ofScale(12),
        Arbitraries.of(0.0, 1.0, -1.0, 0.1, 1.0 / 3));
    return Combinators.combine(d, d, Arbitraries.doubles().between(0, 1).ofScale(12)).as((a, b, f) -> {
      double lo = Math.min(a, b);
      double hi = Math.max(a, b);
      double x = Math.min(hi, Math.max(lo, lo + f * (hi - lo)));
      return new Member(new Interval(lo, hi), x);
    });
  }

  @Property(tries = 2000)
  void enclosesTheExactResults(@ForAll("members") Member a, @ForAll("members") Member b) {
    BigDecimal x = new BigDecimal(a.point());
    BigDecimal y = new BigDecimal(b.point());
    check(a.interval().add(b.interval()), x.add(y));
    check(a.interval().subtract(b.interval()), x.subtract(y));
    check(a.interval().multiply(b.interval()), x.multiply(y));
    check(a.interval().multiply(b.point()), x.multiply(y));
    check(a.interval().square(), x.multiply(x));
    assertThat(a.interval().square().lo()).isGreaterThanOrEqualTo(0);
  }

  private static void check(Interval i, BigDecimal exact) {
    assertThat(new BigDecimal(i.lo())).as("%s holds %s", i, exact).isLessThanOrEqualTo(exact);
    assertThat(new BigDecimal(i.hi())).as("%s holds %s", i, exact).isGreaterThanOrEqualTo(exact);
  }
}
