package org.lcngeo.symbolic.poly;

import static org.assertj.core.api.Assertions.assertThat;

import edu.jas.arith.BigInteger;
import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.PolyUtil;
import edu.jas.ufd.FactorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Bivariate factoring by Hensel lifting: product, multiplicities, irreducibility against JAS. */
class BivariateFactorizationTest {
  private final GenPolynomialRing<BigRational> two = LayerPolynomials.ring(2);

  @Test
  void multiplicitiesAndContents() {
    GenPolynomial<BigRational> g = two.parse("z0^2*z1 + 3*z0 - z1^2 + 1");
    GenPolynomial<BigRational> h = two.parse("z0*z1 - 2");
    GenPolynomial<BigRational> cy = two.parse("z1^2 - 3");
    GenPolynomial<BigRational> cx = two.parse("2*z0 + 1");
    GenPolynomial<BigRational> p = g.power(2).multiply(h).multiply(cy.power(3)).multiply(cx)
        .multiply(new BigRational(-6, 5));
    RationalFactorization r = RationalFactorization.of(p);
    assertThat((Object) r.product()).isEqualTo(p);
    assertThat(r.factors()).containsExactlyInAnyOrder(
        new RationalFactorization.Factor(RootOrbits.normalize(g), 2),
        new RationalFactorization.Factor(RootOrbits.normalize(h), 1),
        new RationalFactorization.Factor(RootOrbits.normalize(cy), 3),
        new RationalFactorization.Factor(RootOrbits.normalize(cx), 1));
  }

  @Test
  void factorsThatAgreeAtManyPointsStillSplit() {
    // p(x, a) has many factors for small integers a: x^2 - y^2 and x^2 - 4 y^2 - 1 ...
    GenPolynomial<BigRational> p = two.parse("(z0^2 - z1^2)*(z0^2 - 4*z1^2 + 1)*(z0 + z1^3 + 2)");
    RationalFactorization r = RationalFactorization.of(p);
    assertThat(r.factors()).extracting(RationalFactorization.Factor::polynomial)
        .containsExactlyInAnyOrder(two.parse("z0 - z1"), two.parse("z0 + z1"),
            two.parse("z0^2 - 4*z1^2 + 1"), two.parse("z1^3 + z0 + 2"));
  }

  @Test
  void squarefreeWithoutSmallEvaluationPoints() {
    // x^2 - g(y)^2 with g vanishing at every integer in [-13, 13]: p(x, a) = x^2 there
    GenPolynomial<BigRational> g = two.getONE();
    for (int a = -13; a <= 13; a++) {
      g = g.multiply(two.univariate(1).subtract(two.getONE().multiply(new BigRational(a))));
    }
    GenPolynomial<BigRational> x = two.univariate(0);
    GenPolynomial<BigRational> p = x.multiply(x).subtract(g.multiply(g)).multiply(x.sum(two.getONE()));
    RationalFactorization r = RationalFactorization.of(p);
    assertThat(r.factors()).extracting(RationalFactorization.Factor::polynomial)
        .containsExactlyInAnyOrder(RootOrbits.normalize(x.subtract(g)),
            RootOrbits.normalize(x.sum(g)), two.parse("z0 + 1"));
  }

  @Property(tries = 80)
  void productOfIrreduciblesRefiningJas(
      @ForAll @IntRange(min = 1, max = 9) int unit, @ForAll("parts") List<Part> parts) {
    GenPolynomial<BigRational> p = two.getONE().multiply(new BigRational(unit, -4));
    for (Part part : parts) {
      GenPolynomial<BigRational> q = part.polynomial(two);
      if (!q.isZERO()) {
        p = p.multiply(q.power(part.squared() ? 2 : 1));
      }
    }
    if (p.isConstant()) {
      return;
    }
    RationalFactorization ours = RationalFactorization.of(p);
    assertThat((Object) ours.product()).isEqualTo(p);
    // JAS never splits an irreducible polynomial: none of ours splits
    for (RationalFactorization.Factor f : ours.factors()) {
      assertThat(jasFactors(f.polynomial())).as("factor %s", f.polynomial()).hasSize(1);
    }
    // ours refines JAS's (JAS's own multivariate factoring may miss a split, never invent one)
    List<GenPolynomial<BigRational>> mine = new ArrayList<>();
    ours.factors().forEach(f -> {
      for (long e = 0; e < f.multiplicity(); e++) {
        mine.add(f.polynomial());
      }
    });
    for (Map.Entry<GenPolynomial<BigRational>, Long> j : jasFactors(p).entrySet()) {
      for (long e = 0; e < j.getValue(); e++) {
        GenPolynomial<BigRational> rest = j.getKey();
        for (GenPolynomial<BigRational> m : new ArrayList<>(mine)) {
          if (!rest.isConstant() && rest.remainder(m).isZERO()) {
            rest = rest.divide(m);
            mine.remove(m);
          }
        }
        assertThat(rest.isConstant()).as("JAS factor %s", j.getKey()).isTrue();
      }
    }
    assertThat(mine).isEmpty();
  }

  /**
   * sum_{i,k} c[i][k] z0^i z1^k with degrees 1..3 in z0 and 0..2 in z1, a third of the c zero and
   * the others in -5..5, squared one time in four.
   */
  record Part(int[][] c, boolean squared) {
    GenPolynomial<BigRational> polynomial(GenPolynomialRing<BigRational> two) {
      GenPolynomial<BigRational> q = two.getZERO();
      for (int i = 0; i < c.length; i++) {
        for (int k = 0; k < c[i].length; k++) {
          q = q.sum(two.univariate(0, i).multiply(two.univariate(1, k))
              .multiply(new BigRational(c[i][k])));
        }
      }
      return q;
    }

    @Override
    public String toString() {
      return java.util.Arrays.deepToString(c) + (squared ? "^2" : "");
    }
  }

  @Provide
  Arbitrary<List<Part>> parts() {
    Arbitrary<Integer> coefficient = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0)), Tuple.of(2, Arbitraries.integers().between(-5, 5)));
    Arbitrary<int[][]> grid = Combinators.combine(
            Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 2))
        .flatAs((dx, dy) -> coefficient.array(Integer[].class).ofSize(dy + 1)
            .map(row -> java.util.Arrays.stream(row).mapToInt(Integer::intValue).toArray())
            .array(int[][].class).ofSize(dx + 1));
    Arbitrary<Boolean> squared = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true)));
    return Combinators.combine(grid, squared).as(Part::new).list().ofMinSize(1).ofMaxSize(3);
  }

  private Map<GenPolynomial<BigRational>, Long> jasFactors(GenPolynomial<BigRational> p) {
    GenPolynomialRing<BigInteger> iring = new GenPolynomialRing<>(BigInteger.ONE, two);
    Map<GenPolynomial<BigRational>, Long> out = new java.util.LinkedHashMap<>();
    FactorFactory.getImplementation(BigInteger.ONE)
        .factors(PolyUtil.integerFromRationalCoefficients(iring, p)).forEach((f, e) -> {
          if (!f.isConstant()) {
            out.put(PolyUtil.fromIntegerCoefficients(two, f), e);
          }
        });
    return out;
  }
}
