package org.lcngeo.symbolic.fiber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.symbolic.fiber.RealFiberTest.assertMapsToV;
import static org.lcngeo.symbolic.fiber.RealFiberTest.balanced;
import static org.lcngeo.symbolic.fiber.RealFiberTest.q;

import java.util.List;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.model.Architecture;

/**
 * Membership in the neuromanifold (inside, outside, boundary) and fibers of D >= 2 whose layers
 * share Q-factors that split over R: the three-valued verdicts of {@link Fiber}.
 */
class RealMembershipTest {
  private static final Architecture CUBIC = Architecture.oneDimensional(new int[] {2, 2, 2}, null);

  private static Architecture twoByTwo(int k) {
    return Architecture.of(new int[][] {{k, k}, {k, k}}, null);
  }

  /** The row-major 2-D target whose entry (i, j) is the coefficient of z0^i z1^j. */
  private static List<BigFraction> grid(long[][] c) {
    return java.util.Arrays.stream(c).flatMapToLong(java.util.Arrays::stream)
        .mapToObj(BigFraction::new).toList();
  }

  @Test
  void cubicWithThreeRealRootsIsInside() {
    // (z - 1)(z + 2)(2z - 1): three linear layers, 3! orderings
    Fiber f = balanced(CUBIC, q(2, -5, 1, 2));
    assertThat(f.complete()).isTrue();
    assertThat(f.inManifold()).contains(true);
    assertThat(f.points()).hasSize(6);
    assertThat(f.reason()).isEmpty();
  }

  @Test
  void cubicWithIrrationalRealRootsIsInside() {
    // z^3 - 3z + 1: three real irrational roots
    Fiber f = balanced(CUBIC, q(1, -3, 0, 1));
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.inManifold()).contains(true);
    assertThat(f.points()).hasSize(6);
    assertMapsToV(f);
  }

  @Test
  void cubicWithOneRealRootIsOutsideWithTheNonRealFactorNamed() {
    // 1 + z^3 = (1 + z)(1 - z + z^2)
    Fiber f = balanced(CUBIC, q(1, 0, 0, 1));
    assertThat(f.complete()).isTrue();
    assertThat(f.points()).isEmpty();
    assertThat(f.inManifold()).contains(false);
    assertThat(f.ntkVerdict()).isEmpty();
    assertThat(f.singularVerdict()).isEmpty();
    assertThat(f.reason().orElseThrow()).contains("outside the neuromanifold", "z0^2 - z0 + 1",
        "1 pair of non-real roots");
    // an irreducible cubic with one real root: its non-real pair is named too
    Fiber g = balanced(CUBIC, q(-2, 0, 0, 1));
    assertThat(g.inManifold()).contains(false);
    assertThat(g.reason().orElseThrow()).contains("z0^3 - 2", "1 real root");
  }

  @Test
  void cubicWithADoubleRootIsOnTheBoundaryAndInside() {
    // (z - 1)^2 (z + 1): discriminant zero, the boundary of the cubics with three real roots
    Fiber f = balanced(CUBIC, q(1, -1, -1, 1));
    assertThat(f.complete()).isTrue();
    assertThat(f.inManifold()).contains(true);
    assertThat(f.points()).hasSize(3);
    assertThat(f.singularVerdict()).contains(true);
  }

  @Test
  void productOfTwoUnivariateQuadraticsSplitsIntoFourPoints() {
    // (2 z0^2 - 1)(2 z1^2 - 1) over 2x2, 2x2: layer 1 takes one root in z0 and one in z1
    Fiber f = balanced(twoByTwo(2), grid(new long[][] {{1, 0, -2}, {0, 0, 0}, {-2, 0, 4}}));
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.inManifold()).contains(true);
    assertThat(f.points()).hasSize(4);
    assertThat(f.points()).noneMatch(Fiber.Point::isRational);
    assertMapsToV(f);
    assertThat(f.ntkVerdict()).isPresent();
  }

  @Test
  void bivariateQuadricSplitsIntoTwoLinesOverSqrtTwo() {
    // z0^2 - 2 z1^2 = (z0 - sqrt2 z1)(z0 + sqrt2 z1)
    Fiber f = balanced(twoByTwo(2), grid(new long[][] {{0, 0, -2}, {0, 0, 0}, {1, 0, 0}}));
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.points()).hasSize(2);
    assertMapsToV(f);
    // the two points differ by swapping equal layers (Obs. 11 b): equal NTKs at delta = 0
    assertThat(f.ntkVerdict()).contains(true);
  }

  @Test
  void quarticWithTwoRealComponentsSplitsOverSqrtTwo() {
    // (z0^2 + z1^2)^2 - 2 = (z0^2 + z1^2 - sqrt2)(z0^2 + z1^2 + sqrt2): both components real
    long[][] c = new long[5][5];
    c[0][0] = -2;
    c[4][0] = 1;
    c[0][4] = 1;
    c[2][2] = 2;
    Fiber f = balanced(twoByTwo(3), grid(c));
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.points()).hasSize(2);
    assertMapsToV(f);
  }

  @Test
  void quarticWithOnePairOfConjugateComponentsIsOutside() {
    // (z0^2 + z1^2)^2 + 1 = (z0^2 + z1^2 + i)(z0^2 + z1^2 - i): irreducible over R, degree (4, 4),
    // so no two layers of degree (2, 2) share it
    long[][] c = new long[5][5];
    c[0][0] = 1;
    c[4][0] = 1;
    c[0][4] = 1;
    c[2][2] = 2;
    Fiber f = balanced(twoByTwo(3), grid(c));
    assertThat(f.complete()).as("%s", f.reason()).isTrue();
    assertThat(f.points()).isEmpty();
    assertThat(f.inManifold()).contains(false);
    assertThat(f.reason().orElseThrow()).contains("outside the neuromanifold");
    assertThat(f.ntkVerdict()).isEqualTo(Optional.empty());
  }

  /**
   * Stride 1 beyond the bound for splitting over R (degree 7 > 6), no point listed: membership is
   * decided by counting real roots. z^7 + z^6 - 1 has one real root: three linear layers need
   * three, so the empty listing is complete (outside, with the count); one linear layer beside a
   * sextic needs one, so points exist though none is listed (inside, the listing incomplete).
   */
  @Test
  void strideOneMembershipBeyondTheSplittingBoundIsDecidedByCountingRealRoots() {
    List<BigFraction> v = q(-1, 0, 0, 0, 0, 0, 1, 1);
    Fiber outside = balanced(Architecture.oneDimensional(new int[] {2, 2, 2, 5}, null), v);
    assertThat(outside.points()).isEmpty();
    assertThat(outside.complete()).isTrue();
    assertThat(outside.inManifold()).contains(false);
    assertThat(outside.reason().orElseThrow()).contains("outside the neuromanifold",
        "1 real root, 3 pairs of non-real roots", "at most 2 (3 needed)");
    assertThat(outside.ntkVerdict()).isEmpty();
    Fiber inside = balanced(Architecture.oneDimensional(new int[] {2, 7}, null), v);
    assertThat(inside.points()).isEmpty();
    assertThat(inside.complete()).isFalse();
    assertThat(inside.inManifold()).contains(true);
    assertThat(inside.reason().orElseThrow()).contains("degree above 6",
        "points exist though none is listed", "1 real root (with multiplicity) for 1 layer");
    assertThat(inside.ntkVerdict()).isEmpty();
    assertThat(inside.singularVerdict()).isEmpty();
    // 3 z^7 - 7 z^6 + 1 (three real roots) over degrees 3 and 4: inside
    Fiber three = balanced(Architecture.oneDimensional(new int[] {4, 5}, null),
        q(1, 0, 0, 0, 0, 0, -7, 3));
    assertThat(three.points()).isEmpty();
    assertThat(three.inManifold()).contains(true);
    assertThat(three.reason().orElseThrow()).contains("3 real roots (with multiplicity) for 1 layer");
  }
}
