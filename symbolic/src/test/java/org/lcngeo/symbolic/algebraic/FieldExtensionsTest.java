package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Primitive elements of towers and the real quadratic factors of polynomials over Q. */
class FieldExtensionsTest {
  private static List<BigFraction> q(long... c) {
    return java.util.Arrays.stream(c).mapToObj(BigFraction::new).toList();
  }

  private static RealAlgebraicNumber sqrt(long n) {
    return RealAlgebraicNumber.of(n).sqrt();
  }

  @Test
  void adjoiningSqrt3ToQSqrt2GivesDegreeFourWithBothSquareRoots() {
    NumberField f = NumberField.of(sqrt(2));
    FieldExtensions.Extension e = FieldExtensions.adjoin(f, sqrt(3), 8);
    assertThat(e.field().degree()).isEqualTo(4);
    FieldElement s2 = e.generatorImage();
    FieldElement s3 = e.adjoined();
    assertThat(s2.multiply(s2)).isEqualTo(e.field().element(new BigFraction(2)));
    assertThat(s3.multiply(s3)).isEqualTo(e.field().element(new BigFraction(3)));
    assertThat(s2.toRealAlgebraic()).isEqualTo(sqrt(2));
    assertThat(s3.toRealAlgebraic()).isEqualTo(sqrt(3));
    assertThat(e.map(f.theta().add(f.element(BigFraction.ONE))).toRealAlgebraic())
        .isEqualTo(sqrt(2).add(RealAlgebraicNumber.of(1)));
  }

  @Test
  void adjoiningAnElementOfTheFieldKeepsItsDegree() {
    NumberField f = NumberField.of(sqrt(2));
    FieldExtensions.Extension e = FieldExtensions.adjoin(f, sqrt(8), 8);
    assertThat(e.field().degree()).isEqualTo(2);
    assertThat(e.adjoined().toRealAlgebraic()).isEqualTo(sqrt(8));
  }

  @Test
  void adjoiningARootOfAPolynomialOverTheFieldUsesTheTraceForm() {
    // b = 2^(1/4), the positive root of x^2 - sqrt 2 over Q(sqrt 2)
    NumberField f = NumberField.of(sqrt(2));
    RealAlgebraicNumber b = sqrt(2).sqrt();
    List<FieldElement> p = List.of(f.theta().negate(), f.zero(), f.one());
    FieldExtensions.Extension e = FieldExtensions.adjoinRoot(f, p, b, 8);
    assertThat(e.field().degree()).isEqualTo(4);
    assertThat(e.adjoined().multiply(e.adjoined())).isEqualTo(e.generatorImage());
    assertThat(e.adjoined().toRealAlgebraic()).isEqualTo(b);
    assertThat(e.generatorImage().toRealAlgebraic()).isEqualTo(sqrt(2));
  }

  /**
   * A root of p over K that lies in K (the balanced rescaling of a point over K whose product of
   * norms is a square there): K itself, with the root as an element of it.
   */
  @Test
  void aRootInTheFieldKeepsTheField() {
    NumberField f = NumberField.of(sqrt(2).add(sqrt(3)));
    FieldElement t = f.theta();
    // b = (sqrt 2 + sqrt 3)^2 / 2 + 1 is a root of x^2 - (b^2) over K
    FieldElement b = t.multiply(t).multiply(new BigFraction(1, 2)).add(f.one());
    List<FieldElement> p = List.of(b.multiply(b).negate(), f.zero(), f.one());
    FieldExtensions.Extension e = FieldExtensions.adjoinRoot(f, p, b.toRealAlgebraic(), 8);
    assertThat(e.field()).isSameAs(f);
    assertThat(e.adjoined()).isEqualTo(b);
  }

  /** The norm of p(x - k gamma) by interpolation: monic of degree [K : Q] deg p, and its values are norms. */
  @Test
  void shiftedNormHasTheFullDegreeAndTheShiftedRoot() {
    NumberField f = NumberField.of(sqrt(2).add(sqrt(3)));
    FieldElement c = f.theta().add(f.element(new BigFraction(7)));
    List<FieldElement> p = List.of(c.negate(), f.zero(), f.zero(), f.one()); // x^3 - c
    BigFraction[] n = FieldExtensions.shiftedNorm(f, p, 2);
    assertThat(n).hasSize(13);
    for (long x : new long[] {100, -37}) {
      FieldElement at = f.element(new BigFraction(x)).subtract(f.theta().multiply(new BigFraction(2)));
      FieldElement v = at.multiply(at).multiply(at).subtract(c);
      BigFraction value = BigFraction.ZERO;
      for (int i = n.length - 1; i >= 0; i--) {
        value = value.multiply(x).add(n[i]);
      }
      assertThat(value).isEqualTo(f.norm(v));
    }
    assertThat(n[12]).isEqualTo(BigFraction.ONE);
  }

  @Test
  void realRootsAreIsolatedOneByOne() {
    // JAS' isolation returned the interval of the negative root twice for this polynomial
    List<RealAlgebraicNumber> r = RealAlgebraicNumber.realRoots(q(-1, -3, 2));
    assertThat(r).hasSize(2);
    RealAlgebraicNumber s17 = sqrt(17);
    assertThat(r.get(0)).isEqualTo(s17.negate().add(RealAlgebraicNumber.of(3)).multiply(new BigFraction(1, 4)));
    assertThat(r.get(1)).isEqualTo(s17.add(RealAlgebraicNumber.of(3)).multiply(new BigFraction(1, 4)));
  }

  @Test
  void degreeBoundIsReported() {
    NumberField f = NumberField.of(sqrt(2));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldExtensions.adjoin(f, sqrt(3), 3))
        .isInstanceOf(FieldExtensions.DegreeBoundExceeded.class);
  }

  @Test
  void zToTheFourPlusOneHasTwoRealQuadraticFactors() {
    List<RealQuadraticFactors.Quadratic> f = RealQuadraticFactors.of(q(1, 0, 0, 0, 1));
    assertThat(f).hasSize(2);
    assertThat(f).extracting(RealQuadraticFactors.Quadratic::product)
        .containsOnly(RealAlgebraicNumber.of(1));
    assertThat(f).extracting(RealQuadraticFactors.Quadratic::sum)
        .containsExactlyInAnyOrder(sqrt(2), sqrt(2).negate());
  }

  @Test
  void cubeRootOfTwoHasOneRealQuadraticFactor() {
    List<RealQuadraticFactors.Quadratic> f = RealQuadraticFactors.of(q(-2, 0, 0, 1));
    assertThat(f).hasSize(1);
    RealAlgebraicNumber c = RealAlgebraicNumber.realRoots(q(-2, 0, 0, 1)).get(0);
    // z^3 - 2 = (z - c)(z^2 + c z + c^2)
    assertThat(f.get(0).sum()).isEqualTo(c.negate());
    assertThat(f.get(0).product()).isEqualTo(c.multiply(c));
  }
  /**
   * z^4 + z - 1 has two real roots and one pair of non-real roots: the pair's sum and product lie
   * in Q(r1, r2) (s = -(r1 + r2), p = -1 / (r1 r2)), offered as candidates and accepted exactly;
   * a wrong candidate is refused.
   */
  @Test
  void theLastPairOfASplitIsFoundInTheFieldOfTheOthers() {
    List<BigFraction> f = q(-1, 1, 0, 0, 1);
    List<RealAlgebraicNumber> roots = RealAlgebraicNumber.realRoots(f);
    RealQuadraticFactors.Quadratic pair = RealQuadraticFactors.of(f).get(0);
    FieldExtensions.Extension e1 = FieldExtensions.adjoin(FieldExtensions.rationals(), roots.get(0), 16);
    FieldExtensions.Extension e2 = FieldExtensions.adjoin(e1.field(), roots.get(1), 16);
    List<FieldElement> before = new java.util.ArrayList<>(List.of(e2.map(e1.adjoined()), e2.adjoined()));
    List<FieldElement> s = RealQuadraticFactors.lastPairCandidates(f, 2, 2, before);
    assertThat(s).hasSize(1);
    assertThat(s.get(0).toRealAlgebraic()).isEqualTo(pair.sum());
    FieldExtensions.Extension e3 = FieldExtensions.adjoin(e2.field(), pair.sum(), 16, s);
    assertThat(e3.field()).isSameAs(e2.field());
    before.add(e3.adjoined());
    List<FieldElement> p = RealQuadraticFactors.lastPairCandidates(f, 2, 3, before);
    assertThat(p.get(0).toRealAlgebraic()).isEqualTo(pair.product());
    // a wrong candidate (the sum offered for the product) is refused, and the norm decides
    FieldExtensions.Extension e4 = FieldExtensions.adjoin(e2.field(), pair.product(), 16, s);
    assertThat(e4.adjoined().toRealAlgebraic()).isEqualTo(pair.product());
    assertThat(RealQuadraticFactors.lastPairCandidates(f, 2, 1, before)).isEmpty();
  }
}
