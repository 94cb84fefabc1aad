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
 * The quadratic factors z^2 - s z + p over R with the complex roots enclosed by certified Newton
 * disks equal those found with JAS' complex root refinement alone, exactly, on random squarefree
 * polynomials.
 */
class RealQuadraticFactorsTest {
  @Provide
  Arbitrary<List<BigFraction>> polynomials() {
    return Arbitraries.integers().between(-12, 12).list().ofMinSize(4).ofMaxSize(6)
        .filter(c -> c.get(c.size() - 1) != 0)
        .map(c -> c.stream().map(BigFraction::new).toList());
  }

  @Property(tries = 20)
  void certifiedDisksAgreeWithRefinement(@ForAll("polynomials") List<BigFraction> f) {
    Assume.that(Polynomials.isSquarefree(f.toArray(new BigFraction[0])));
    List<RealQuadraticFactors.Quadratic> disks = RealQuadraticFactors.of(f, true);
    List<RealQuadraticFactors.Quadratic> refined = RealQuadraticFactors.of(f, false);
    assertThat(disks).hasSameSizeAs(refined);
    for (int i = 0; i < disks.size(); i++) {
      assertThat(disks.get(i).sum()).isEqualTo(refined.get(i).sum());
      assertThat(disks.get(i).product()).isEqualTo(refined.get(i).product());
    }
  }
}
