package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;

/**
 * The two exact routes to the real quadratic factors agree: certified Weierstrass disks ({@link
 * WeierstrassInclusion}) and JAS' winding numbers, on random squarefree polynomials of degree 3..7
 * with non-real roots, as the same quadratics.
 */
class RealQuadraticFactorsTest {
  @Provide
  Arbitrary<List<BigFraction>> polynomials() {
    return Arbitraries.integers().between(3, 7)
        .flatMap(n -> Arbitraries.integers().between(-9, 9).list().ofSize(n + 1))
        .filter(c -> c.get(c.size() - 1) != 0 && c.get(0) != 0)
        .map(c -> c.stream().map(BigFraction::new).toList());
  }

  @Property(tries = 15)
  void inclusionAgreesWithWindingNumbers(@ForAll("polynomials") List<BigFraction> f) {
    BigFraction[] p = f.toArray(new BigFraction[0]);
    Assume.that(Polynomials.isSquarefree(p));
    int real = RealAlgebraicNumber.realRoots(f).size();
    int pairs = (p.length - 1 - real) / 2;
    Assume.that(pairs > 0);
    List<RealQuadraticFactors.Quadratic> byInclusion = RealQuadraticFactors.byInclusion(p, pairs);
    net.jqwik.api.statistics.Statistics.collect(byInclusion == null ? "fell back" : "by inclusion");
    List<RealQuadraticFactors.Quadratic> reference = RealQuadraticFactors.byWindingNumbers(p, real);
    assertThat(reference).hasSize(pairs);
    if (byInclusion != null) {
      assertThat(byInclusion).containsExactlyInAnyOrderElementsOf(reference);
      assertThat(RealQuadraticFactors.of(f)).isEqualTo(byInclusion);
    }
  }
}
