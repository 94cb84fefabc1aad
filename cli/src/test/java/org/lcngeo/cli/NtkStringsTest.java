package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.symbolic.ntk.ScaledIntegerMatrix;

/** The fast formatting of exact matrices agrees with formatting each entry as a fraction. */
class NtkStringsTest {
  /** A matrix of longs (a quarter of the entries zero, the rest small or anywhere) and a scale. */
  record Scaled(int rows, int cols, long[] num, BigInteger den) {
    @Override
    public String toString() {
      return rows + "x" + cols + " " + java.util.Arrays.toString(num) + " / " + den;
    }
  }

  @Property(tries = 200)
  void fastStringsEqualFractionStrings(
      @ForAll("matrices") Scaled c, @ForAll @IntRange(min = 1, max = 40) int digits) {
    ScaledIntegerMatrix m = ScaledIntegerMatrix.ofLongs(c.rows(), c.cols(), c.num(), c.den());
    List<List<String>> exact = new ArrayList<>();
    List<List<String>> decimal = new ArrayList<>();
    for (List<BigFraction> row : m.toFractions()) {
      exact.add(row.stream().map(Rationals::format).toList());
      decimal.add(row.stream().map(x -> Rationals.toDecimal(x, digits)).toList());
    }
    assertThat(NtkCommand.strings(m, digits, false)).isEqualTo(exact);
    assertThat(NtkCommand.strings(m, digits, true)).isEqualTo(decimal);
  }

  @Provide
  Arbitrary<Scaled> matrices() {
    Arbitrary<Long> small = Arbitraries.longs().between(-1000, 999);
    Arbitrary<Long> large = Arbitraries.longs().between(-Long.MAX_VALUE, Long.MAX_VALUE - 1);
    Arbitrary<BigInteger> den = Arbitraries.oneOf(
        Arbitraries.just(BigInteger.ONE),
        Arbitraries.integers().between(1, 62).flatMap(bits ->
            Arbitraries.longs().between(1, (1L << bits) - 1).map(BigInteger::valueOf)));
    return Combinators.combine(
            Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 4),
            Arbitraries.of(small, large), den)
        .flatAs((rows, cols, entries, d) -> Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)), Tuple.of(3, entries))
            .array(long[].class).ofSize(rows * cols)
            .map(num -> new Scaled(rows, cols, num, d)));
  }
}
