package org.lcngeo.symbolic.paper;

import static org.assertj.core.api.Assertions.assertThat;

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

class FullyConnectedWitnessTest {
  @Test
  void example20SameProductSameDeltaDifferentNtk() {
    FullyConnectedWitness w = FullyConnectedWitness.example20();
    assertThat(w.productsEqual()).isTrue();
    assertThat(w.deltasEqual()).isTrue();
    assertThat(w.balanced()).isFalse();
    assertThat(w.ntkEqual()).isFalse();
    assertThat(w.deltas(w.first()).get(0).get(1).get(1))
        .isEqualTo(new org.hipparchus.fraction.BigFraction(15, 4));
  }

  /** S, O_0..O_H and the replacements O'_1..O'_{H-1} (each different from O_l), H = 2..3. */
  record Balanced(List<BigFraction> sigma, List<List<List<BigFraction>>> o,
      List<List<List<BigFraction>>> o2) {}

  private static Arbitrary<BigFraction> fraction(int numerator, int denominator) {
    return Combinators.combine(Arbitraries.integers().between(1, numerator),
        Arbitraries.integers().between(1, denominator)).as(BigFraction::new);
  }

  @Provide
  Arbitrary<Balanced> balancedPairs() {
    return Combinators.combine(Arbitraries.integers().between(2, 3), Arbitraries.integers().between(2, 3))
        .flatAs((width, depth) -> {
          Arbitrary<List<List<BigFraction>>> orthogonal = fraction(5, 5).list()
              .ofSize(width * (width - 1) / 2).map(p -> RationalMatrices.orthogonal(width, p));
          return Combinators.combine(fraction(8, 4).list().ofSize(width),
                  orthogonal.list().ofSize(depth + 1), orthogonal.list().ofSize(depth - 1))
              .as((sigma, o, inner) -> {
                List<List<List<BigFraction>>> o2 = new ArrayList<>(o);
                for (int l = 1; l < depth; l++) {
                  o2.set(l, inner.get(l - 1));
                }
                return new Balanced(sigma, o, o2);
              })
              .filter(b -> java.util.stream.IntStream.range(1, depth)
                  .noneMatch(l -> b.o().get(l).equals(b.o2().get(l))));
        });
  }

  @Property(tries = 12)
  void theorem14BalancedTuplesWithOneProductShareTheNtk(@ForAll("balancedPairs") Balanced b) {
    FullyConnectedWitness w = FullyConnectedWitness.balanced(
        RationalMatrices.diagonal(b.sigma()), b.o(), b.o2());
    assertThat(w.balanced()).isTrue();
    assertThat(w.deltasEqual()).isTrue();
    assertThat(w.productsEqual()).isTrue();
    assertThat(w.first()).isNotEqualTo(w.second());
    assertThat(w.ntkEqual()).isTrue();
  }

  /** 2..4 distinct positive a/b != 1, a, b in 1..8 (those of {@code randomUnbalanced}). */
  @Provide
  Arbitrary<List<BigFraction>> diagonals() {
    return fraction(8, 8).filter(x -> !x.equals(BigFraction.ONE)).list().uniqueElements()
        .ofMinSize(2).ofMaxSize(4);
  }

  @Property(tries = 12)
  void example20FamilyHasDifferentNtks(@ForAll("diagonals") List<BigFraction> d) {
    FullyConnectedWitness w = FullyConnectedWitness.unbalanced(d);
    assertThat(w.productsEqual()).isTrue();
    assertThat(w.deltasEqual()).isTrue();
    assertThat(w.ntkEqual()).isFalse();
  }
}
