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

class TowerTest {
  /** K = Q(sqrt 2 + cbrt 3) (degree 6) and L = K(b), b = sqrt(gamma) (degree 12, built as K[x]/(x^2 - gamma)). */
  static final NumberField K = NumberFieldTest.SEXTIC;

  static final FieldExtensions.Extension L = FieldExtensions.adjoinRoot(
      K, List.of(K.theta().negate(), K.zero(), K.one()), K.generator().sqrt(), 64);

  @Provide
  Arbitrary<FieldElement> elements() {
    // short in the tower: u + v b with u, v in K of small coefficients
    Arbitrary<List<Integer>> c = Arbitraries.integers().between(-6, 6).list().ofSize(12);
    return c.map(x -> {
      FieldElement s = L.field().zero();
      for (int j = 0; j < 2; j++) {
        List<BigFraction> u = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          u.add(new BigFraction(x.get(6 * j + i), 1 + (i + j) % 3));
        }
        FieldElement bj = L.field().one();
        for (int t = 0; t < j; t++) {
          bj = bj.multiply(L.adjoined());
        }
        s = s.add(L.map(K.element(u)).multiply(bj));
      }
      return s;
    });
  }

  /**
   * The characteristic polynomial over Q computed in the tower K[x]/(q) is the one computed from
   * the powers over theta's power basis, for elements of L that are short in the tower (the
   * rescaled NTK entries' case) and for rationals and elements of K.
   */
  @Property(tries = 25)
  void towerCharacteristicPolynomialEqualsPowerBasisOne(@ForAll("elements") FieldElement a) {
    NumberField f = L.field();
    assertThat(f.tower()).isNotNull();
    assertThat(f.degree()).isEqualTo(12);
    assertThat(f.tower().characteristicPolynomial(a)).containsExactly(f.newtonCharacteristicPolynomial(a));
    FieldElement k = L.map(K.theta()).add(a.multiply(new BigFraction(0)));
    assertThat(f.tower().characteristicPolynomial(k)).containsExactly(f.newtonCharacteristicPolynomial(k));
    FieldElement r = f.element(new BigFraction(-7, 3));
    assertThat(f.tower().characteristicPolynomial(r)).containsExactly(f.newtonCharacteristicPolynomial(r));
  }
}
