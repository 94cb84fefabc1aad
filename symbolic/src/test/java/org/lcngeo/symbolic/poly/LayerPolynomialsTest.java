package org.lcngeo.symbolic.poly;

import static org.assertj.core.api.Assertions.assertThat;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
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
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.formula.Notation;

/** Eq. (8) / Lemma 9: the layer polynomials, their product against the compiled plan of mu. */
class LayerPolynomialsTest {
  /** Architectures with D, H, sizes and strides 1..3, and rational filters a/b, |a| <= 5, b <= 3. */
  @Provide
  Arbitrary<FilterTuple<BigFraction>> tuples() {
    Arbitrary<BigFraction> entry = Combinators.combine(
        Arbitraries.integers().between(-5, 5), Arbitraries.integers().between(1, 3))
        .as(BigFraction::new);
    return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3))
        .flatAs((d, h) -> {
          Arbitrary<int[][]> shape = Arbitraries.integers().between(1, 3).array(int[].class).ofSize(d)
              .array(int[][].class).ofSize(h);
          return Combinators.combine(shape, shape).as(Architecture::of)
              .flatMap(a -> entry.list().ofSize(a.parameterCount())
                  .map(flat -> FilterTuple.fromFlat(a, flat)));
        });
  }

  @Property(tries = 200)
  void productOfLayerPolynomialsIsMu(@ForAll("tuples") FilterTuple<BigFraction> theta) {
    Architecture a = theta.architecture();
    GenPolynomialRing<BigRational> ring = LayerPolynomials.ring(a.dims());
    List<BigFraction> v = MuPlan.compile(a).mu(RationalRing.INSTANCE, theta);
    GenPolynomial<BigRational> product = LayerPolynomials.mu(ring, theta);
    assertThat((Object) product).isEqualTo(LayerPolynomials.endToEnd(ring, a, v));
    assertThat(LayerPolynomials.endToEndFilter(a, product)).isEqualTo(v);
  }

  @Property(tries = 200)
  void filtersRoundTripThroughBothForms(@ForAll("tuples") FilterTuple<BigFraction> theta) {
    Architecture a = theta.architecture();
    GenPolynomialRing<BigRational> ring = LayerPolynomials.ring(a.dims());
    GenPolynomialRing<BigRational> hring = LayerPolynomials.homogeneousRing(a.dims());
    for (int l = 0; l < a.depth(); l++) {
      GenPolynomial<BigRational> p = LayerPolynomials.layer(ring, a, l, theta.layer(l));
      assertThat(LayerPolynomials.fits(a.size(l), a.dilation(l), p)).isTrue();
      assertThat(LayerPolynomials.filter(a, l, p)).isEqualTo(theta.layer(l));
      GenPolynomial<BigRational> h = LayerPolynomials.homogeneous(hring, a, l, theta.layer(l));
      assertThat((Object) LayerPolynomials.dehomogenize(ring, h)).isEqualTo(p);
      // homogeneous of degree t(k-1) in each pair
      for (var mono : h) {
        for (int m = 0; m < a.dims(); m++) {
          assertThat(mono.e.getVal(2 * m) + mono.e.getVal(2 * m + 1))
              .isEqualTo((long) a.dilation(l)[m] * (a.size(l)[m] - 1));
        }
      }
    }
  }

  @Test
  void example16LayerPolynomials() {
    // k = (3,2), s = (2,1): pi_1(w1) = 1 + 2 z^2, pi_2(w2) = 2 + z^2 (Example 16)
    Architecture a = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
    GenPolynomialRing<BigRational> ring = LayerPolynomials.ring(1);
    List<BigFraction> w2 = List.of(new BigFraction(2), BigFraction.ONE);
    assertThat(Notation.SYMJA.polynomial(LayerPolynomials.layer(ring, a, 1, w2)))
        .isEqualTo("z0^2 + 2");
    assertThat(LayerPolynomials.fits(a.size(1), a.dilation(1), ring.parse("z0"))).isFalse();
  }
}
