package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IntegerConvolutionTest {
  /**
   * Kronecker substitution gives the schoolbook product, for signed coefficients of up to
   * thousands of bits, zeros and lengths 4..40 (carries across slots, negative top coefficients).
   */
  @Property(tries = 200)
  void kroneckerEqualsSchoolbook(@ForAll("vectors") BigInteger[] x, @ForAll("vectors") BigInteger[] y) {
    BigInteger[] expected = IntegerConvolution.schoolbook(x, y);
    int bx = bits(x);
    int by = bits(y);
    assertThat(IntegerConvolution.kronecker(x, y, bx, by)).containsExactly(expected);
    assertThat(IntegerConvolution.multiply(x, y)).containsExactly(expected);
  }

  /** Extreme slots: every coefficient +-(2^b - 1), all of one sign and alternating. */
  @Test
  void extremeCoefficients() {
    for (int b : new int[] {1, 7, 8, 63, 64, 1500, 3000}) {
      BigInteger m = BigInteger.ONE.shiftLeft(b).subtract(BigInteger.ONE);
      for (int pattern = 0; pattern < 3; pattern++) {
        BigInteger[] x = new BigInteger[30];
        for (int i = 0; i < x.length; i++) {
          x[i] = pattern == 0 ? m : pattern == 1 ? m.negate() : i % 2 == 0 ? m : m.negate();
        }
        assertThat(IntegerConvolution.kronecker(x, x, b, b))
            .containsExactly(IntegerConvolution.schoolbook(x, x));
      }
    }
  }

  @Provide
  Arbitrary<BigInteger[]> vectors() {
    Arbitrary<Integer> bits = Arbitraries.integers().between(1, 3000);
    Arbitrary<Integer> length = Arbitraries.integers().between(4, 40);
    return Combinators.combine(bits, length, Arbitraries.longs()).as((b, n, seed) -> {
      java.util.Random r = new java.util.Random(seed);
      BigInteger[] v = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(4);
        v[i] = k == 0 ? BigInteger.ZERO : new BigInteger(r.nextInt(b) + 1, r);
        if (r.nextBoolean()) {
          v[i] = v[i].negate();
        }
      }
      return v;
    });
  }

  private static int bits(BigInteger[] x) {
    return List.of(x).stream().mapToInt(BigInteger::bitLength).max().orElse(0);
  }
}
