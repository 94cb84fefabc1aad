package org.lcngeo.symbolic.manifold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.fiber.Fiber;
import org.lcngeo.symbolic.formula.FormulaFixtures;

class GenericFiberTest {
  @ParameterizedTest
  @CsvSource({
    "3;2, 2;1, true", "2x1;1x2, 1x1;1x1, true", "2x1;2x2, 1x1;1x1, true", "2x2;2x3, 1x1;1x1, true",
    "3;2, 1;1, false", "3;3;2, 1;2;1, false", "2x2;2x2, 1x1;1x1, false", "2x1;3x1, 1x1;1x1, false"})
  void decided(String sizes, String strides, boolean oneToOne) {
    GenericFiber g = GenericFiber.of(FormulaFixtures.architecture(sizes, strides));
    assertThat(g.oneToOne()).as(g.reason()).isEqualTo(oneToOne);
  }

  /**
   * genericallyOneToOne agrees with the fiber's count at random images: the layers that are
   * polynomials in one variable get rational roots, so their complex fiber points are real and
   * listed; one point when one-to-one, several otherwise.
   */
  @Property(tries = 20)
  void agreesWithFiberCountAtRandomImages(
      @ForAll("architectures") Architecture a, @ForAll("images") Image image) {
    GenericFiber g = GenericFiber.of(a);
    assertThat(g.oneToOne()).as(g.reason()).isNotNull();
    // Roots of distinct absolute values: r and -r in one layer would make (z^d - r)(z^d + r) a
    // polynomial in z^(2d), which a layer of twice the dilation can take over, so the image would
    // not be generic (seen: layers (y-18)(y-3)(y+3) and y^2 - 1296 with y = z^2 have a second
    // factorization (y-18)(y-36)(y+36) and y^2 - 9).
    List<Integer> pool = image.roots();
    List<List<BigFraction>> layers = new ArrayList<>();
    int next = 0;
    int nextEntry = 0;
    for (int l = 0; l < a.depth(); l++) {
      int axes = 0;
      for (int k : a.size(l)) {
        axes += k > 1 ? 1 : 0;
      }
      List<BigFraction> w = new ArrayList<>();
      if (axes <= 1) { // prod (x - r_i) with distinct integer roots, in the one variable
        List<BigFraction> p = new ArrayList<>(List.of(new BigFraction(image.leading().get(l))));
        for (int i = 1; i < a.layerParameters(l); i++) {
          BigFraction r = new BigFraction(pool.get(next++));
          List<BigFraction> q = new ArrayList<>(Collections.nCopies(p.size() + 1, BigFraction.ZERO));
          for (int j = 0; j < p.size(); j++) {
            q.set(j, q.get(j).subtract(p.get(j).multiply(r)));
            q.set(j + 1, q.get(j + 1).add(p.get(j)));
          }
          p = q;
        }
        w.addAll(p);
      } else {
        for (int i = 0; i < a.layerParameters(l); i++) {
          int x = image.entries().get(nextEntry++);
          w.add(new BigFraction(x == 0 ? 5 : x));
        }
        // a layer in several variables that factors over Q (e.g. a 2x2 filter of rank 1, seen:
        // entries 5, 5, 5, 5 and -8, 4, -6, 3) hands a factor to another layer: not a generic image
        Assume.that(irreducible(a.size(l), w));
      }
      layers.add(w);
    }
    List<BigFraction> v = MuPlan.compile(a).mu(RationalRing.INSTANCE, FilterTuple.of(a, layers));
    Fiber fiber = Fiber.compute(a, v, Collections.nCopies(a.depth() - 1, BigFraction.ZERO));
    Assume.that(fiber.complete());
    if (g.oneToOne()) {
      assertThat(fiber.points()).hasSize(1);
    } else {
      assertThat(fiber.points().size()).isGreaterThan(1);
    }
  }

  @Test
  void drawnLayersAreTestedForIrreducibilityByTheirFactors() {
    List<BigFraction> rankOne = Collections.nCopies(4, new BigFraction(5)); // 5 (z0 + 1)(z1 + 1)
    assertThat(irreducible(new int[] {2, 2}, rankOne)).isFalse();
    List<BigFraction> square = List.of(new BigFraction(1), new BigFraction(2), new BigFraction(1),
        new BigFraction(2), new BigFraction(4), new BigFraction(2), new BigFraction(1),
        new BigFraction(2), new BigFraction(1)); // (1 + z0)^2 (1 + z1)^2
    assertThat(irreducible(new int[] {3, 3}, square)).isFalse();
    List<BigFraction> generic = List.of(new BigFraction(1), new BigFraction(2), new BigFraction(3),
        new BigFraction(5)); // 1 + 2 z1 + 3 z0 + 5 z0 z1: the determinant 5 - 6 is not 0
    assertThat(irreducible(new int[] {2, 2}, generic)).isTrue();
  }

  /** Whether the filter w of the given sizes (row-major) is irreducible over Q as a polynomial. */
  static boolean irreducible(int[] sizes, List<BigFraction> w) {
    String[] vars = new String[sizes.length];
    for (int i = 0; i < vars.length; i++) {
      vars[i] = "z" + i;
    }
    edu.jas.poly.GenPolynomialRing<edu.jas.arith.BigRational> ring =
        new edu.jas.poly.GenPolynomialRing<>(new edu.jas.arith.BigRational(), vars);
    edu.jas.poly.GenPolynomial<edu.jas.arith.BigRational> p = ring.getZERO();
    for (int index = 0; index < w.size(); index++) {
      long[] e = new long[sizes.length];
      int rest = index;
      for (int axis = sizes.length - 1; axis >= 0; axis--) {
        e[axis] = rest % sizes[axis];
        rest /= sizes[axis];
      }
      BigFraction c = w.get(index);
      p = p.sum(new edu.jas.arith.BigRational(new edu.jas.arith.BigInteger(c.getNumerator()),
          new edu.jas.arith.BigInteger(c.getDenominator())), edu.jas.poly.ExpVector.create(e));
    }
    // from the complete factorization: JAS' isIrreducible says true for 5 (z0 + 1)(z1 + 1)
    java.util.SortedMap<edu.jas.poly.GenPolynomial<edu.jas.arith.BigRational>, Long> factors =
        edu.jas.ufd.FactorFactory.getImplementation(new edu.jas.arith.BigRational()).factors(p);
    long nonConstant = factors.entrySet().stream()
        .filter(e -> !e.getKey().isConstant()).mapToLong(java.util.Map.Entry::getValue).sum();
    return nonConstant == 1;
  }

  /**
   * What a random image is made of: the roots +-1..+-40 in random order with random signs, the
   * leading coefficient 1..3 of each one-variable layer, and the entries -9..9 (0 read as 5) of the
   * other layers, in the order the layers use them.
   */
  record Image(List<Integer> roots, List<Integer> leading, List<Integer> entries) {}

  @Provide
  Arbitrary<Image> images() {
    List<Integer> magnitudes = new ArrayList<>();
    for (int r = 1; r <= 40; r++) {
      magnitudes.add(r);
    }
    Arbitrary<List<Integer>> roots = Combinators.combine(
            Arbitraries.shuffle(magnitudes), Arbitraries.of(1, -1).list().ofSize(40))
        .as((order, signs) -> {
          List<Integer> out = new ArrayList<>();
          for (int i = 0; i < order.size(); i++) {
            out.add(order.get(i) * signs.get(i));
          }
          return out;
        });
    // generic images: uniform entries, no edge cases (all entries extreme is not generic)
    return Combinators.combine(roots, Arbitraries.integers().between(1, 3).list().ofSize(3),
            Arbitraries.integers().between(-9, 9)
                .withDistribution(net.jqwik.api.RandomDistribution.uniform()).list().ofSize(18))
        .as(Image::new).withoutEdgeCases();
  }

  @Provide
  Arbitrary<Architecture> architectures() {
    Arbitrary<Architecture> oneD =
        Combinators.combine(
                Arbitraries.integers().between(2, 4).list().ofMinSize(2).ofMaxSize(3),
                Arbitraries.integers().between(1, 3).list().ofSize(3))
            .as((k, s) -> Architecture.oneDimensional(
                k.stream().mapToInt(Integer::intValue).toArray(),
                s.subList(0, k.size()).stream().mapToInt(Integer::intValue).toArray()));
    Arbitrary<int[]> size2 =
        Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 3))
            .as((x, y) -> new int[] {x, y})
            .filter(s -> s[0] * s[1] > 1);
    Arbitrary<int[]> stride2 =
        Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 2))
            .as((x, y) -> new int[] {x, y});
    Arbitrary<Architecture> twoD =
        Combinators.combine(size2.list().ofMinSize(2).ofMaxSize(3), stride2.list().ofSize(3))
            .as((k, s) -> Architecture.of(k.toArray(int[][]::new),
                s.subList(0, k.size()).toArray(int[][]::new)));
    return Arbitraries.oneOf(oneD, twoD);
  }
}
