package org.lcngeo.symbolic.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;

class ModularReconstructionTest {
  /**
   * A vector of long rationals (hundreds of bits) from its images: the result is the vector, and
   * the exact check, costly for long rationals, runs only for a reconstruction that the next
   * prime's image confirms (once), not at every doubling of the primes.
   */
  @Property(tries = 30)
  void reconstructsLongRationalsWithOneExactCheck(@ForAll @IntRange(min = 1, max = 8) int length,
      @ForAll @IntRange(min = 40, max = 400) int bits, @ForAll long seed) {
    java.util.Random r = new java.util.Random(seed);
    List<BigFraction> x = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      BigInteger num = new BigInteger(bits, r).subtract(BigInteger.ONE.shiftLeft(bits - 1));
      BigInteger den = new BigInteger(bits, r).add(BigInteger.ONE);
      x.add(new BigFraction(num, den));
    }
    AtomicInteger checks = new AtomicInteger();
    Optional<List<BigFraction>> y = ModularReconstruction.of(length, 1 << 10, p -> {
      BigInteger bp = BigInteger.valueOf(p);
      long[] out = new long[length];
      for (int i = 0; i < length; i++) {
        BigInteger d = x.get(i).getDenominator().mod(bp);
        if (d.signum() == 0) {
          return null;
        }
        out[i] = x.get(i).getNumerator().mod(bp).multiply(d.modInverse(bp)).mod(bp).longValue();
      }
      return out;
    }, c -> {
      checks.incrementAndGet();
      return c.equals(x);
    });
    assertThat(y).contains(x);
    assertThat(checks.get()).isEqualTo(1);
  }
}
