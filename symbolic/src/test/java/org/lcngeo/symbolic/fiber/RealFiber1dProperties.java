package org.lcngeo.symbolic.fiber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.symbolic.fiber.RealFiberTest.assertMapsToV;
import static org.lcngeo.symbolic.fiber.RealFiberTest.balanced;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/**
 * Completeness of 1-D fibers (H = 3, 4, stride 1) whose layers share irrational real roots: theta
 * has linear layers z -+ sqrt m (and z -+ sqrt n), so that v = mu(theta) has Q-factors z^2 - m that
 * the layers must split over R. The fiber lists every ordering of the real roots (one point per
 * sign class), theta's among them up to scaling, and is complete. Tries: jqwik's default
 * ({@code -Djqwik.tries.default=N}).
 */
class RealFiber1dProperties {
  private static boolean square(int m) {
    int r = (int) Math.round(Math.sqrt(m));
    return r * r == m;
  }

  /** The roots -w0 / w1 of the linear layers of a point. */
  private static List<RealAlgebraicNumber> linearRoots(Fiber.Point p, int layers) {
    List<RealAlgebraicNumber> out = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      List<FieldElement> w = p.filters().layer(l);
      out.add(w.get(0).divide(w.get(1)).negate().toRealAlgebraic());
    }
    return out;
  }

  private static List<BigFraction> times(List<BigFraction> a, long... b) {
    List<BigFraction> out = new ArrayList<>();
    for (int i = 0; i < a.size() + b.length - 1; i++) {
      out.add(BigFraction.ZERO);
    }
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.length; j++) {
        out.set(i + j, out.get(i + j).add(a.get(i).multiply(b[j])));
      }
    }
    return out;
  }

  /**
   * k = (2,2,3): theta = (z - sqrt m, z + sqrt m, s (z - a)(z - b)); the fiber has the 4 * 3 orderings
   * of the real roots +-sqrt m, a, b over the two linear layers, theta's among them.
   */
  @Property
  void threeLayersShareASquareRoot(
      @ForAll @IntRange(min = 2, max = 40) int m, @ForAll @IntRange(min = -6, max = 6) int a,
      @ForAll @IntRange(min = -6, max = 6) int b, @ForAll @IntRange(min = 1, max = 4) int s) {
    Assume.that(!square(m) && a != b);
    Architecture arch = Architecture.oneDimensional(new int[] {2, 2, 3}, null);
    List<BigFraction> v = times(times(List.of(new BigFraction(-m), BigFraction.ZERO, BigFraction.ONE),
        -a, 1), (long) s * -b, s);
    Fiber f = balanced(arch, v);
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.inManifold()).contains(true);
    assertThat(f.points()).hasSize(12);
    assertMapsToV(f);
    Set<List<RealAlgebraicNumber>> orders = new HashSet<>();
    for (Fiber.Point p : f.points()) {
      orders.add(linearRoots(p, 2));
    }
    assertThat(orders).hasSize(12);
    RealAlgebraicNumber r = RealAlgebraicNumber.of(m).sqrt();
    assertThat(orders).contains(List.of(r, r.negate()));
    assertThat(f.ntkVerdict()).isPresent();
  }

  /**
   * k = (2,2,2,2): theta = (z - sqrt m, z + sqrt m, z - sqrt n, s (z + sqrt n)) over Q(sqrt m,
   * sqrt n); the fiber has the 4! orderings of the four real roots, theta's among them.
   */
  @Property
  void fourLayersShareTwoSquareRoots(
      @ForAll @IntRange(min = 2, max = 30) int m, @ForAll @IntRange(min = 2, max = 30) int n,
      @ForAll @IntRange(min = 1, max = 4) int s) {
    Assume.that(!square(m) && !square(n) && m != n);
    Architecture arch = Architecture.oneDimensional(new int[] {2, 2, 2, 2}, null);
    List<BigFraction> v = times(times(List.of(new BigFraction(-m), BigFraction.ZERO, BigFraction.ONE),
        -n, 0, 1), s);
    Fiber f = balanced(arch, v);
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.points()).hasSize(24);
    assertMapsToV(f);
    Set<List<RealAlgebraicNumber>> orders = new HashSet<>();
    for (Fiber.Point p : f.points()) {
      orders.add(linearRoots(p, 4));
    }
    assertThat(orders).hasSize(24);
    RealAlgebraicNumber rm = RealAlgebraicNumber.of(m).sqrt();
    RealAlgebraicNumber rn = RealAlgebraicNumber.of(n).sqrt();
    assertThat(orders).contains(List.of(rm, rm.negate(), rn, rn.negate()));
    assertThat(f.ntkVerdict()).isPresent();
  }

  /**
   * The count that decides stride-1 membership when nothing is listed ({@link
   * FiberEnumeration#realRootCount}, {@link FiberEnumeration#oddDegreeLayers}: a point exists iff
   * the real roots, with multiplicity and at infinity, are at least the layers of odd degree)
   * agrees with the exhaustive listing wherever the listing is complete: random small integer
   * targets over random stride-1 architectures of two or three layers.
   */
  @Property(tries = 300)
  void realRootCountAgreesWithTheCompleteListing(
      @ForAll("strideOneCases") List<List<Integer>> sizesAndTarget) {
    int[] sizes = sizesAndTarget.get(0).stream().mapToInt(Integer::intValue).toArray();
    Architecture arch = Architecture.oneDimensional(sizes, null);
    List<BigFraction> v = sizesAndTarget.get(1).stream().map(BigFraction::new).toList();
    FiberEnumeration e = FiberEnumeration.of(arch, v);
    if (!e.complete()) {
      return;
    }
    boolean found = !e.points().isEmpty() || !e.algebraicPoints().isEmpty();
    assertThat(found).as("%s over %s", v, sizesAndTarget.get(0))
        .isEqualTo(FiberEnumeration.realRootCount(e.factors())
            >= FiberEnumeration.oddDegreeLayers(arch));
    assertThat(e.existence()).isEmpty();
  }

  /** [sizes (2 or 3 layers of 1..4), target (end-to-end length, entries -3..3, not all 0)]. */
  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<List<Integer>>> strideOneCases() {
    return net.jqwik.api.Arbitraries.integers().between(1, 4).list().ofMinSize(2).ofMaxSize(3)
        .flatMap(sizes -> {
          int length = sizes.stream().mapToInt(k -> k - 1).sum() + 1;
          return net.jqwik.api.Arbitraries.integers().between(-3, 3).list().ofSize(length)
              .filter(t -> t.stream().anyMatch(x -> x != 0))
              .map(t -> List.of(sizes, t));
        });
  }
}
