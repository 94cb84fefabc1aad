package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;

import edu.jas.arith.BigRational;
import edu.jas.poly.AlgebraicNumber;
import edu.jas.poly.AlgebraicNumberRing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The modular inverse in a number field agrees with JAS's inverse over Q. */
class ModularInverseTest {
  @Property(tries = 30)
  void inverseAgreesWithJas(@ForAll long seed, @ForAll @IntRange(min = 2, max = 14) int degree) {
    Random r = new Random(seed);
    // x^d + (small integers) + a root in (0, 2) forced by a sign change: odd degree or shifted
    List<BigFraction> m = new ArrayList<>();
    for (int i = 0; i < degree; i++) {
      m.add(new BigFraction(r.nextInt(21) - 10, 1 + r.nextInt(3)));
    }
    m.add(BigFraction.ONE);
    List<RealAlgebraicNumber> roots;
    try {
      roots = RealAlgebraicNumber.realRoots(m);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (roots.isEmpty()) {
      return;
    }
    NumberField field = NumberField.of(roots.get(0));
    List<BigFraction> a = new ArrayList<>();
    for (int i = 0; i < field.degree(); i++) {
      a.add(new BigFraction(r.nextInt(2001) - 1000, 1 + r.nextInt(50)));
    }
    FieldElement x = field.element(a);
    if (x.isZero()) {
      return;
    }
    FieldElement inv = x.inverse();
    assertThat(x.multiply(inv)).isEqualTo(field.element(BigFraction.ONE));
    AlgebraicNumberRing<BigRational> ring = new AlgebraicNumberRing<>(
        Polynomials.toJas(field.minimalPolynomial().toArray(new BigFraction[0])), true);
    AlgebraicNumber<BigRational> jas =
        new AlgebraicNumber<>(ring, Polynomials.toJas(x.coefficientArray())).inverse();
    assertThat(List.of(Polynomials.fromJas(jas.getVal())))
        .containsExactly(inv.coefficientArray().length == 0 ? new BigFraction[0]
            : java.util.Arrays.copyOf(inv.coefficientArray(),
                Polynomials.fromJas(jas.getVal()).length));
  }

  @Test
  void rationalReconstruction() {
    BigInteger p = BigInteger.valueOf(1_000_003);
    BigInteger u = BigInteger.valueOf(-3).multiply(BigInteger.valueOf(7).modInverse(p)).mod(p);
    assertThat(org.lcngeo.symbolic.linalg.ModularReconstruction.rational(u, p)).isEqualTo(new BigFraction(-3, 7));
  }
}
