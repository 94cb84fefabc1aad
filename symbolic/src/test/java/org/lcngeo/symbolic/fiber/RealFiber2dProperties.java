package org.lcngeo.symbolic.fiber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.symbolic.fiber.RealFiberTest.assertMapsToV;
import static org.lcngeo.symbolic.fiber.RealFiberTest.balanced;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/**
 * Completeness of 2-D fibers whose layers share irrational real roots: targets mu(theta) with theta
 * built from square roots of non-squares, so that every Q-factor of pi_1(v) splits over R only.
 * The number of tries is jqwik's default, set in junit-platform.properties and overridden with
 * {@code -Djqwik.tries.default=N}.
 */
class RealFiber2dProperties {
  private static final Architecture A = Architecture.of(new int[][] {{2, 2}, {2, 2}}, null);

  private static boolean square(int m) {
    int r = (int) Math.round(Math.sqrt(m));
    return r * r == m;
  }

  private static RealAlgebraicNumber ratio(org.lcngeo.symbolic.algebraic.FieldElement a,
      org.lcngeo.symbolic.algebraic.FieldElement b) {
    return a.divide(b).toRealAlgebraic();
  }

  /**
   * v = (z0^2 - m)(z1^2 - n) = mu(theta) with theta = ((z0 - sqrt m)(z1 - sqrt n), (z0 + sqrt m)(z1
   * + sqrt n)): the fiber is complete, has the 4 points (z0 - a)(z1 - b), a = +-sqrt m, b = +-sqrt
   * n, in layer 1, theta's among them.
   */
  @Property
  void productsOfUnivariateQuadraticsGiveAllFourPoints(
      @ForAll @IntRange(min = 2, max = 60) int m, @ForAll @IntRange(min = 2, max = 60) int n,
      @ForAll @IntRange(min = 1, max = 5) int scale) {
    Assume.that(!square(m) && !square(n));
    long s = scale;
    List<BigFraction> v = java.util.stream.LongStream.of(
            s * m * n, 0, -s * m, 0, 0, 0, -s * n, 0, s)
        .mapToObj(BigFraction::new).toList();
    Fiber f = balanced(A, v);
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.inManifold()).contains(true);
    assertThat(f.points()).hasSize(4);
    assertMapsToV(f);
    Set<List<RealAlgebraicNumber>> roots = new HashSet<>();
    for (Fiber.Point p : f.points()) {
      var w = p.filters().layer(0); // w00, w01 (z1), w10 (z0), w11 (z0 z1)
      roots.add(List.of(ratio(w.get(1), w.get(3)).negate(), ratio(w.get(2), w.get(3)).negate()));
    }
    RealAlgebraicNumber a = RealAlgebraicNumber.of(m).sqrt();
    RealAlgebraicNumber b = RealAlgebraicNumber.of(n).sqrt();
    assertThat(roots).contains(List.of(a, b)).containsExactlyInAnyOrder(List.of(a, b),
        List.of(a.negate(), b), List.of(a, b.negate()), List.of(a.negate(), b.negate()));
    assertThat(f.ntkVerdict()).isPresent();
  }

  /**
   * v = (z0 + c z1)^2 - m z1^2 = mu(theta) with theta = (z0 + (c - sqrt m) z1, z0 + (c + sqrt m)
   * z1): two lines over Q(sqrt m), the fiber is the two orders, theta's among them, with equal NTKs
   * at delta = 0 (Obs. 11 b: the layers can be swapped).
   */
  @Property
  void bivariateQuadricsSplitIntoTwoLines(
      @ForAll @IntRange(min = 2, max = 60) int m, @ForAll @IntRange(min = -5, max = 5) int c) {
    Assume.that(!square(m));
    // coefficients of z0^i z1^j, row-major over 3x3: z0^2, 2c z0 z1, (c^2 - m) z1^2
    List<BigFraction> v = java.util.stream.LongStream.of(
            0, 0, (long) c * c - m, 0, 2L * c, 0, 1, 0, 0)
        .mapToObj(BigFraction::new).toList();
    Fiber f = balanced(A, v);
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.points()).hasSize(2);
    assertMapsToV(f);
    Set<RealAlgebraicNumber> slopes = new HashSet<>();
    for (Fiber.Point p : f.points()) {
      var w = p.filters().layer(0);
      slopes.add(ratio(w.get(1), w.get(2)));
    }
    RealAlgebraicNumber r = RealAlgebraicNumber.of(m).sqrt();
    RealAlgebraicNumber cc = RealAlgebraicNumber.of(c);
    assertThat(slopes).containsExactlyInAnyOrder(cc.subtract(r), cc.add(r));
    assertThat(f.ntkVerdict()).contains(true);
  }
}
