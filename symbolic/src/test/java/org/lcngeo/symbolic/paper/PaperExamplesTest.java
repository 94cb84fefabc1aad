package org.lcngeo.symbolic.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.algebra.Matrices;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.model.FullyConnectedNetwork;
import org.lcngeo.core.plan.FullyConnectedPlan;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.fiber.Fiber;
import org.lcngeo.symbolic.ntk.ExactNtk;

class PaperExamplesTest {
  @Test
  void example15() {
    PaperExample e = PaperExamples.example15();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void example16() {
    PaperExample e = PaperExamples.example16();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void example17() {
    PaperExample e = PaperExamples.example17();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void example19() {
    PaperExample e = PaperExamples.example19();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void example20() {
    PaperExample e = PaperExamples.example20();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void lemma5AndCorollary6OnExample15() {
    var o = PaperExamples.lemma5AndCorollary6(
        PaperExamples.tuple(PaperExamples.EX15, PaperExamples.q(1, 3, 2), PaperExamples.q(2, -1)));
    assertThat(o.lemma5Bijective()).isTrue();
    assertThat(o.corollary6PushforwardIsKInverse()).isTrue();
  }

  // ---- the paper's printed values, held here and checked against what the code computes ----

  private static final RationalRing Q = RationalRing.INSTANCE;

  private static BigFraction f(long x) {
    return new BigFraction(x);
  }

  private static List<List<BigFraction>> matrix(long[][] m) {
    return Arrays.stream(m).map(r -> Arrays.stream(r).mapToObj(PaperExamplesTest::f).toList())
        .toList();
  }

  @Provide
  Arbitrary<FilterTuple<BigFraction>> ex15Tuples() {
    Arbitrary<BigFraction> q = Combinators.combine(Arbitraries.integers().between(-9, 9),
        Arbitraries.integers().between(1, 4)).as(BigFraction::new);
    return Combinators.combine(q.list().ofSize(3), q.list().ofSize(2))
        .as((a, b) -> FilterTuple.of(PaperExamples.EX15, List.of(a, b)));
  }

  /** Ex. 15: K_1 and K_2 as the paper prints them, as functions of a and b. */
  @Property(tries = 30)
  void example15LayerKernelsAreThePapers(@ForAll("ex15Tuples") FilterTuple<BigFraction> theta) {
    List<BigFraction> a = theta.layer(0);
    List<BigFraction> b = theta.layer(1);
    BigFraction z = BigFraction.ZERO;
    BigFraction b00 = b.get(0).multiply(b.get(0));
    BigFraction b01 = b.get(0).multiply(b.get(1));
    BigFraction b11 = b.get(1).multiply(b.get(1));
    List<List<BigFraction>> k1 = List.of(
        List.of(b00, z, b01, z, z),
        List.of(z, b00, z, b01, z),
        List.of(b01, z, b00.add(b11), z, b01),
        List.of(z, b01, z, b11, z),
        List.of(z, z, b01, z, b11));
    BigFraction a00 = a.get(0).multiply(a.get(0));
    BigFraction a01 = a.get(0).multiply(a.get(1));
    BigFraction a02 = a.get(0).multiply(a.get(2));
    BigFraction a11 = a.get(1).multiply(a.get(1));
    BigFraction a12 = a.get(1).multiply(a.get(2));
    BigFraction a22 = a.get(2).multiply(a.get(2));
    List<List<BigFraction>> k2 = List.of(
        List.of(a00, a01, a02, z, z),
        List.of(a01, a11, a12, z, z),
        List.of(a02, a12, a00.add(a22), a01, a02),
        List.of(z, z, a01, a11, a12),
        List.of(z, z, a02, a12, a22));
    ExactNtk e = ExactNtk.of(theta);
    assertThat(e.layerKernel(0).toFractions()).isEqualTo(k1);
    assertThat(e.layerKernel(1).toFractions()).isEqualTo(k2);
  }

  /** Ex. 15: every image point lies on the cubic v0 v3^2 + v1^2 v4 - v1 v2 v3 = 0. */
  @Property(tries = 30)
  void example15ImageLiesOnThePapersCubic(@ForAll("ex15Tuples") FilterTuple<BigFraction> theta) {
    List<BigFraction> v = MuPlan.compile(PaperExamples.EX15).mu(Q, theta);
    BigFraction cubic = v.get(0).multiply(v.get(3)).multiply(v.get(3))
        .add(v.get(1).multiply(v.get(1)).multiply(v.get(4)))
        .subtract(v.get(1).multiply(v.get(2)).multiply(v.get(3)));
    assertThat(cubic).isEqualTo(BigFraction.ZERO);
  }

  /** Ex. 16: the paper's two factorizations of v = (2,0,5,0,2) and their printed NTKs. */
  @Test
  void example16FiberAndNtksAreThePapers() {
    FilterTuple<BigFraction> first =
        PaperExamples.tuple(PaperExamples.EX15, PaperExamples.q(1, 0, 2), PaperExamples.q(2, 1));
    FilterTuple<BigFraction> second =
        PaperExamples.tuple(PaperExamples.EX15, PaperExamples.q(2, 0, 1), PaperExamples.q(1, 2));
    assertThat(ExactNtk.of(first).ntk().toFractions()).isEqualTo(matrix(new long[][] {
        {5, 0, 4, 0, 0}, {0, 4, 0, 2, 0}, {4, 0, 10, 0, 4}, {0, 2, 0, 1, 0}, {0, 0, 4, 0, 5}}));
    assertThat(ExactNtk.of(second).ntk().toFractions()).isEqualTo(matrix(new long[][] {
        {5, 0, 4, 0, 0}, {0, 1, 0, 2, 0}, {4, 0, 10, 0, 4}, {0, 2, 0, 4, 0}, {0, 0, 4, 0, 5}}));
    List<BigFraction> v = PaperExamples.q(2, 0, 5, 0, 2);
    Fiber fiber = Fiber.compute(PaperExamples.EX15, v, PaperExamples.q(0));
    assertThat(fiber.points().stream().map(Fiber.Point::representative).toList())
        .containsExactlyInAnyOrder(first, second);
  }

  /**
   * Ex. 19: v = (0,1,1,0), strides 1: three balanced points whose NTKs are 1/sqrt(2) times the
   * paper's integer matrices (the exact NTKs' decimals, to 1e-12).
   */
  @Test
  void example19NtksAreThePapers() {
    long[][][] paper = {
      {{1, 1, 0, 0}, {1, 4, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 1}},
      {{1, 1, 0, 0}, {1, 4, 1, 0}, {0, 1, 3, 0}, {0, 0, 0, 2}},
      {{2, 0, 0, 0}, {0, 3, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 1}}};
    Fiber fiber = Fiber.compute(PaperExamples.EX19, PaperExamples.q(0, 1, 1, 0), PaperExamples.q(0));
    assertThat(fiber.complete()).isTrue();
    assertThat(fiber.points()).hasSize(3);
    List<double[][]> ntks = new ArrayList<>();
    for (Fiber.Point p : fiber.points()) {
      ntks.add(p.ntk().ntkDecimal(25).stream()
          .map(r -> r.stream().mapToDouble(x -> new java.math.BigDecimal(x).doubleValue()).toArray())
          .toArray(double[][]::new));
    }
    for (long[][] m : paper) {
      assertThat(ntks.stream().anyMatch(k -> {
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 4; j++) {
            if (Math.abs(k[i][j] - m[i][j] / Math.sqrt(2)) > 1e-12) {
              return false;
            }
          }
        }
        return true;
      })).as("the paper's %s / sqrt 2 among the fiber's NTKs", Arrays.deepToString(m)).isTrue();
    }
  }

  @Provide
  Arbitrary<List<List<BigFraction>>> twoByTwo() {
    return Combinators.combine(Arbitraries.integers().between(-9, 9),
            Arbitraries.integers().between(1, 4)).as(BigFraction::new)
        .list().ofSize(2).list().ofSize(2);
  }

  /**
   * Ex. 20: V and U multiply to I with Delta_1 = diag(0, 15/4), and the NTK acts as the paper's
   * formula K(G) = G W_1^T W_1 + W_2 W_2^T G, which differs between V and U.
   */
  @Property(tries = 20)
  void example20IsThePapers(@ForAll("twoByTwo") List<List<BigFraction>> g) {
    BigFraction half = new BigFraction(1, 2);
    BigFraction z = BigFraction.ZERO;
    List<List<List<BigFraction>>> v = List.of(
        List.of(List.of(f(1), z), List.of(z, half)), List.of(List.of(f(1), z), List.of(z, f(2))));
    List<List<List<BigFraction>>> u = List.of(
        List.of(List.of(z, f(1)), List.of(half, z)), List.of(List.of(z, f(2)), List.of(f(1), z)));
    FullyConnectedPlan plan = FullyConnectedPlan.of(FullyConnectedNetwork.of(2, 2, 2));
    List<List<BigFraction>> delta = List.of(List.of(z, z), List.of(z, new BigFraction(15, 4)));
    for (List<List<List<BigFraction>>> w : List.of(v, u)) {
      assertThat(plan.product(Q, w)).isEqualTo(Matrices.identity(Q, 2));
      assertThat(plan.deltas(Q, w)).containsExactly(delta);
      List<List<BigFraction>> w1 = w.get(0);
      List<List<BigFraction>> w2 = w.get(1);
      List<List<BigFraction>> paper = Matrices.add(Q,
          Matrices.multiply(Q, g, Matrices.multiply(Q, Matrices.transpose(Q, w1), w1)),
          Matrices.multiply(Q, Matrices.multiply(Q, w2, Matrices.transpose(Q, w2)), g));
      assertThat(plan.apply(Q, w, g)).isEqualTo(paper);
    }
    if (!g.equals(Matrices.zeros(Q, 2, 2))) {
      assertThat(plan.apply(Q, v, g)).isNotEqualTo(plan.apply(Q, u, g));
    }
  }
}
