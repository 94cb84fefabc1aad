package org.lcngeo.symbolic.poly;

import static org.assertj.core.api.Assertions.assertThat;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.formula.Notation;

/** Eq. (8) / Lemma 9: the layer polynomials, their product against the compiled plan of mu. */
class LayerPolynomialsTest {
  static Architecture randomArchitecture(Random r) {
    int d = 1 + r.nextInt(3);
    int h = 1 + r.nextInt(3);
    int[][] k = new int[h][d];
    int[][] s = new int[h][d];
    for (int l = 0; l < h; l++) {
      for (int m = 0; m < d; m++) {
        k[l][m] = 1 + r.nextInt(3);
        s[l][m] = 1 + r.nextInt(3);
      }
    }
    return Architecture.of(k, s);
  }

  static FilterTuple<BigFraction> randomTuple(Random r, Architecture a) {
    List<BigFraction> flat = new ArrayList<>();
    for (int i = 0; i < a.parameterCount(); i++) {
      flat.add(new BigFraction(r.nextInt(11) - 5, 1 + r.nextInt(3)));
    }
    return FilterTuple.fromFlat(a, flat);
  }

  @Property(tries = 200)
  void productOfLayerPolynomialsIsMu(@ForAll long seed) {
    Random r = new Random(seed);
    Architecture a = randomArchitecture(r);
    FilterTuple<BigFraction> theta = randomTuple(r, a);
    GenPolynomialRing<BigRational> ring = LayerPolynomials.ring(a.dims());
    List<BigFraction> v = MuPlan.compile(a).mu(RationalRing.INSTANCE, theta);
    GenPolynomial<BigRational> product = LayerPolynomials.mu(ring, theta);
    assertThat((Object) product).isEqualTo(LayerPolynomials.endToEnd(ring, a, v));
    assertThat(LayerPolynomials.endToEndFilter(a, product)).isEqualTo(v);
  }

  @Property(tries = 200)
  void filtersRoundTripThroughBothForms(@ForAll long seed) {
    Random r = new Random(seed);
    Architecture a = randomArchitecture(r);
    FilterTuple<BigFraction> theta = randomTuple(r, a);
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
