package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;

import edu.jas.arith.BigRational;
import edu.jas.poly.AlgebraicNumber;
import edu.jas.poly.AlgebraicNumberRing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The modular inverse in a number field agrees with JAS's inverse over Q. */
class ModularInverseTest {
  @Property(tries = 30)
  void inverseAgreesWithJas(
      @ForAll("modulusCoefficients") List<BigFraction> lower,
      @ForAll("elementCoefficients") List<BigFraction> coefficients) {
    // x^d + (small coefficients) of degree d = 2..14; its first real root generates the field
    List<BigFraction> m = new ArrayList<>(lower);
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
    FieldElement x = field.element(coefficients.subList(0, field.degree()));
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

  @Provide
  Arbitrary<List<BigFraction>> modulusCoefficients() {
    return fractions(10, 3).list().ofMinSize(2).ofMaxSize(14);
  }

  @Provide
  Arbitrary<List<BigFraction>> elementCoefficients() {
    return fractions(1000, 50).list().ofSize(14);
  }

  private static Arbitrary<BigFraction> fractions(int numerator, int denominator) {
    return Combinators.combine(Arbitraries.integers().between(-numerator, numerator),
        Arbitraries.integers().between(1, denominator)).as(BigFraction::new);
  }

  @Test
  void rationalReconstruction() {
    BigInteger p = BigInteger.valueOf(1_000_003);
    BigInteger u = BigInteger.valueOf(-3).multiply(BigInteger.valueOf(7).modInverse(p)).mod(p);
    assertThat(org.lcngeo.symbolic.linalg.ModularReconstruction.rational(u, p)).isEqualTo(new BigFraction(-3, 7));
  }
}
