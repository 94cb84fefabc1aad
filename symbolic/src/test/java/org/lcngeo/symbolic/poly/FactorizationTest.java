package org.lcngeo.symbolic.poly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;

/** Factoring over Q (verified), the structured 1-D factoring, the real-irreducibility proofs. */
class FactorizationTest {
  private final GenPolynomialRing<BigRational> one = LayerPolynomials.ring(1);
  private final GenPolynomialRing<BigRational> two = LayerPolynomials.ring(2);

  @Test
  void workloadW2FactorsAsPublished() {
    GenPolynomial<BigRational> p = one.parse(
        "-(z0-1)*(z0+1)*(z0^2+1)*(z0^2+z0+3)*(z0^4+1)*(2*z0^4+z0^2+3)*(3*z0^8+1)*(3*z0^8+2*z0^4-2)");
    RationalFactorization r = StructuredFactorization.of(p, new long[] {1, 2, 4, 8});
    assertThat(r.factors()).hasSize(8).allMatch(f -> f.multiplicity() == 1);
    assertThat((Object) r.unit()).isEqualTo(BigRational.ONE.negate());
    assertThat((Object) r.product()).isEqualTo(p);
    assertThat(RationalFactorization.of(p).factors()).isEqualTo(r.factors());
  }

  @Property(tries = 60)
  void structuredFactoringAgreesWithPlainFactoring(
      @ForAll @IntRange(min = 1, max = 3) int t2, @ForAll @IntRange(min = 2, max = 5) int t3,
      @ForAll("factors") List<Factor> factors) {
    GenPolynomial<BigRational> p = one.getONE();
    long[] ts = {1, t2, t3};
    for (Factor f : factors) {
      GenPolynomial<BigRational> q = one.getZERO();
      long t = ts[f.dilation()];
      for (int j = 0; j < f.coefficients().size(); j++) {
        q = q.sum(one.univariate(0, j * t).multiply(new BigRational(f.coefficients().get(j))));
      }
      if (!q.isZERO()) {
        p = p.multiply(q);
      }
    }
    RationalFactorization s = StructuredFactorization.of(p, ts);
    RationalFactorization plain = RationalFactorization.of(p);
    assertThat(s.factors()).containsExactlyInAnyOrderElementsOf(plain.factors());
    assertThat((Object) s.product()).isEqualTo(p);
  }

  /** A factor sum_j c_j z^(j t) with t = ts[dilation], 2..4 coefficients c_j in -3..3. */
  record Factor(int dilation, List<Integer> coefficients) {}

  @Provide
  Arbitrary<List<Factor>> factors() {
    return Combinators.combine(Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(-3, 3).list().ofMinSize(2).ofMaxSize(4))
        .as(Factor::new).list().ofSize(3);
  }

  @Test
  void multivariateFactoringIsCheckedAndRefined() {
    // W3's polynomial: JAS's Hensel factoring misses the split in some runs; the result must not
    GenPolynomial<BigRational> a = two.parse("2*z1^2*z0^2 - 2*z1*z0^2 - z0^2 - z1^2*z0 + 2*z1*z0"
        + " - 3*z1^2 + 2*z1 - 3");
    GenPolynomial<BigRational> b = two.parse("2*z1^3*z0^3 - 3*z1*z0^3 + 3*z0^3 + 3*z1^3*z0^2"
        + " - 2*z1^2*z0^2 - z1*z0^2 - 3*z0^2 - 2*z1^3*z0 + 2*z1^2*z0 + 2*z1*z0 + z0 + 3*z1^3"
        + " + z1^2 + z1 + 3");
    for (int i = 0; i < 6; i++) {
      RationalFactorization r = RationalFactorization.of(a.multiply(b));
      assertThat(r.factors()).extracting(RationalFactorization.Factor::polynomial)
          .containsExactlyInAnyOrder(RootOrbits.normalize(a), RootOrbits.normalize(b));
    }
    assertThat(RealIrreducibility.certificate(b)).hasValueSatisfying(
        c -> assertThat(c).startsWith("absolutely irreducible"));
  }

  @Test
  void certificates() {
    assertThat(RealIrreducibility.certificate(one.parse("z0^2 + 2"))).contains(
        "quadratic, negative discriminant");
    assertThat(RealIrreducibility.certificate(one.parse("z0^2 - 2"))).isEmpty();
    assertThat(RealIrreducibility.certificate(one.parse("z0^4 + 1"))).isEmpty();
    assertThat(RealIrreducibility.certificate(two.parse("z0*z1 + 1"))).isPresent();
    // irreducible over Q, splits over R: no certificate (mod 101 it is irreducible but its only
    // rational point is the singular origin)
    assertThat(RealIrreducibility.certificate(two.parse("z0^2 - 2*z1^2"))).isEmpty();
    // irreducible over R (complex conjugate factors), certified
    assertThat(RealIrreducibility.certificate(two.parse("z0^2 + z1^2 + 1"))).isPresent();
    // reducible: the cheap proofs check primitivity themselves
    assertThat(RealIrreducibility.certificate(two.parse("(z1 + 1)*z0 + z1^2 - 1"))).isEmpty();
  }

  @Test
  void rootOrbitsOfPowers() {
    // alpha^2 for roots of z^2 + z + 3: minimal polynomial w^2 + 5 w + 9
    assertThat((Object) RootOrbits.minimalPolynomialOfPower(one.parse("z0^2 + z0 + 3"), 2))
        .isEqualTo(one.parse("z0^2 + 5*z0 + 9"));
    assertThat((Object) RootOrbits.minimalPolynomialOfPower(one.parse("z0^4 + 1"), 8))
        .isEqualTo(one.parse("z0 - 1"));
    assertThat((Object) RootOrbits.minimalPolynomialOfPower(one.parse("3*z0^8 + 2*z0^4 - 2"), 4))
        .isEqualTo(one.parse("3*z0^2 + 2*z0 - 2"));
  }

  @Test
  void boundsAreClearErrors() {
    assertThatThrownBy(() -> RationalFactorization.of(one.univariate(0, 500).sum(one.getONE())))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("bound");
    GenPolynomial<BigRational> wide = two.univariate(0, 25).sum(two.univariate(1, 25))
        .sum(two.getONE());
    assertThatThrownBy(() -> RationalFactorization.of(wide))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("bivariate");
    GenPolynomialRing<BigRational> three = LayerPolynomials.ring(3);
    GenPolynomial<BigRational> cube = three.univariate(0, 4).sum(three.univariate(1, 4))
        .sum(three.univariate(2, 4)).sum(three.getONE());
    assertThatThrownBy(() -> RationalFactorization.of(cube))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("multivariate");
    assertThatThrownBy(() -> RationalFactorization.of(one.getZERO()))
        .isInstanceOf(InvalidInputException.class);
  }
}
