package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.symbolic.ntk.ScaledIntegerMatrix;

/** The fast formatting of exact matrices agrees with formatting each entry as a fraction. */
class NtkStringsTest {
  @Property(tries = 200)
  void fastStringsEqualFractionStrings(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int digits) {
    SplittableRandom r = new SplittableRandom(seed);
    int rows = r.nextInt(1, 5);
    int cols = r.nextInt(1, 5);
    long[] num = new long[rows * cols];
    long scale = r.nextBoolean() ? Long.MAX_VALUE : 1000;
    for (int i = 0; i < num.length; i++) {
      num[i] = r.nextInt(4) == 0 ? 0 : r.nextLong(-scale, scale);
    }
    BigInteger den = BigInteger.valueOf(r.nextBoolean() ? 1 : r.nextLong(1, 1L << r.nextInt(1, 63)));
    ScaledIntegerMatrix m = ScaledIntegerMatrix.ofLongs(rows, cols, num, den);
    List<List<String>> exact = new ArrayList<>();
    List<List<String>> decimal = new ArrayList<>();
    for (List<BigFraction> row : m.toFractions()) {
      exact.add(row.stream().map(Rationals::format).toList());
      decimal.add(row.stream().map(x -> Rationals.toDecimal(x, digits)).toList());
    }
    assertThat(NtkCommand.strings(m, digits, false)).isEqualTo(exact);
    assertThat(NtkCommand.strings(m, digits, true)).isEqualTo(decimal);
  }
}
