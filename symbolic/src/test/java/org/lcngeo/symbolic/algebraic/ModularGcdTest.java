package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * The modular gcd over number fields against Euclid over the field, on a common factor c hidden
 * in a c and b c, in fields of degree 2 to 12.
 */
class ModularGcdTest {
  /** Generators: sqrt 2 + sqrt 3 (degree 4), a root of z^4 + z - 1, cbrt 2 + sqrt 5 (degree 6). */
  @Provide
  Arbitrary<NumberField> fields() {
    RealAlgebraicNumber s2 = RealAlgebraicNumber.of(2).sqrt();
    RealAlgebraicNumber s3 = RealAlgebraicNumber.of(3).sqrt();
    List<RealAlgebraicNumber> quartic = RealAlgebraicNumber.realRoots(
        List.of(new BigFraction(-1), BigFraction.ONE, BigFraction.ZERO, BigFraction.ZERO, BigFraction.ONE));
    RealAlgebraicNumber cbrt2 = RealAlgebraicNumber.realRoots(
        List.of(new BigFraction(-2), BigFraction.ZERO, BigFraction.ZERO, BigFraction.ONE)).get(0);
    return Arbitraries.of(
        NumberField.of(s2),
        NumberField.of(s2.add(s3)),
        NumberField.of(quartic.get(0)),
        NumberField.of(cbrt2.add(RealAlgebraicNumber.of(5).sqrt())));
  }

  @Provide
  Arbitrary<List<List<List<Integer>>>> coefficients() {
    // 3 polynomials of degree 0..3, each coefficient a vector of 6 small integers (cut to [K : Q])
    Arbitrary<List<Integer>> element = Arbitraries.integers().between(-4, 4).list().ofSize(6);
    return element.list().ofMinSize(1).ofMaxSize(4).list().ofSize(3);
  }

  private static List<FieldElement> polynomial(NumberField f, List<List<Integer>> c) {
    List<FieldElement> p = new ArrayList<>();
    for (List<Integer> v : c) {
      List<BigFraction> q = new ArrayList<>();
      for (int i = 0; i < f.degree(); i++) {
        q.add(new BigFraction(v.get(i % v.size()) + i / v.size(), 1 + i % 3));
      }
      p.add(f.element(q));
    }
    return p;
  }

  @Property(tries = 60)
  void theCommonFactorIsFoundAndAgreesWithEuclid(
      @ForAll("fields") NumberField f, @ForAll("coefficients") List<List<List<Integer>>> c) {
    List<FieldElement> a = polynomial(f, c.get(0));
    List<FieldElement> b = polynomial(f, c.get(1));
    List<FieldElement> common = FieldExtensions.multiply(polynomial(f, c.get(2)),
        List.of(f.element(new BigFraction(-3)).add(f.theta()), f.element(new BigFraction(2, 3))));
    List<FieldElement> ac = FieldExtensions.multiply(a, common);
    List<FieldElement> bc = FieldExtensions.multiply(b, common);
    if (ac.size() < 2 || bc.size() < 2 || ac.get(ac.size() - 1).isZero()) {
      return; // a or b is zero
    }
    java.util.Optional<List<FieldElement>> g = ModularGcd.gcd(ac, bc);
    assertThat(g).isPresent();
    assertThat(g.get()).isEqualTo(FieldExtensions.euclid(ac, bc));
    assertThat(g.get().size()).isGreaterThanOrEqualTo(common.size());
  }

  @Test
  void coprimePolynomialsHaveGcdOne() {
    NumberField f = NumberField.of(RealAlgebraicNumber.of(2).sqrt());
    FieldElement s = f.theta();
    // (x - sqrt 2)(x + 1) and (x + sqrt 2)(x - 1)
    List<FieldElement> a = FieldExtensions.multiply(List.of(s.negate(), f.one()), List.of(f.one(), f.one()));
    List<FieldElement> b = FieldExtensions.multiply(List.of(s, f.one()), List.of(f.one().negate(), f.one()));
    assertThat(ModularGcd.gcd(a, b)).contains(List.of(f.one()));
    // sharing x - sqrt 2: the gcd is x - sqrt 2, not x + sqrt 2 (conjugates differ over K)
    List<FieldElement> c = FieldExtensions.multiply(List.of(s.negate(), f.one()), List.of(f.one().negate(), f.one()));
    assertThat(ModularGcd.gcd(a, c)).contains(List.of(s.negate(), f.one()));
  }

  /**
   * Coordinates of 40-50 digits need about 16 primes; the reconstructions from fewer primes that
   * look like fractions (most of them, for some of these numbers) must be rejected by the check.
   */
  @Test
  void largeCoordinatesAreReconstructedExactly() {
    NumberField f = NumberField.of(RealAlgebraicNumber.of(2).sqrt().add(RealAlgebraicNumber.of(3).sqrt()));
    for (int j = 0; j < 12; j++) {
      BigFraction big = new BigFraction(
          new java.math.BigInteger("100000000000000000000000000000000000007").add(java.math.BigInteger.valueOf(j)),
          new java.math.BigInteger("1000000000007"));
      List<FieldElement> root = List.of(f.theta().multiply(big).add(f.one()).negate(), f.one());
      FieldElement s = f.element(new BigFraction(j + 1));
      List<FieldElement> a = FieldExtensions.multiply(root, List.of(s, f.one()));
      List<FieldElement> b = FieldExtensions.multiply(root, List.of(s.negate().add(f.theta()), f.one()));
      assertThat(ModularGcd.gcd(a, b)).contains(root);
    }
  }
}
