package org.lcngeo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.algebra.Matrices;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.FullyConnectedNetwork;

/** Eq. 7 for fully connected networks: Kronecker form == J J^T == the action K(Z). */
class FullyConnectedPlanTest {
  private static final RationalRing Q = RationalRing.INSTANCE;

  /** Weights W_1..W_H of some widths, and a d_H x d_0 matrix Z. */
  record Weights(int[] widths, List<List<List<BigFraction>>> w, List<List<BigFraction>> z) {
    @Override
    public String toString() {
      return java.util.Arrays.toString(widths) + " W " + w + " Z " + z;
    }
  }

  @Provide
  Arbitrary<Weights> networks() {
    return Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(2).ofMaxSize(5)
        .flatMap(FullyConnectedPlanTest::weights);
  }

  @Provide
  Arbitrary<Weights> twoLayers() {
    return Arbitraries.integers().between(1, 3).array(int[].class).ofSize(3)
        .flatMap(FullyConnectedPlanTest::weights);
  }

  static Arbitrary<Weights> weights(int[] widths) {
    List<Arbitrary<List<List<BigFraction>>>> layers = new ArrayList<>();
    for (int l = 0; l + 1 < widths.length; l++) {
      layers.add(matrices(widths[l + 1], widths[l]));
    }
    return Combinators.combine(Combinators.combine(layers).as(w -> w),
        matrices(widths[widths.length - 1], widths[0])).as((w, z) -> new Weights(widths, w, z));
  }

  static Arbitrary<List<List<BigFraction>>> matrices(int rows, int cols) {
    return Combinators.combine(Arbitraries.integers().between(-5, 5),
            Arbitraries.integers().between(1, 3)).as(BigFraction::new)
        .list().ofSize(cols).list().ofSize(rows);
  }

  @Property(tries = 40)
  void kroneckerFormIsJacobianGramAndAction(@ForAll("networks") Weights c) {
    int[] widths = c.widths();
    int h = widths.length - 1;
    FullyConnectedPlan plan = FullyConnectedPlan.of(FullyConnectedNetwork.of(widths));
    List<List<List<BigFraction>>> w = c.w();
    List<List<BigFraction>> k = plan.ntk(Q, w);
    List<List<BigFraction>> j = plan.jacobian(Q, w);
    assertThat(k).isEqualTo(Matrices.multiply(Q, j, Matrices.transpose(Q, j)));
    List<List<BigFraction>> z = c.z();
    List<List<BigFraction>> kz = plan.apply(Q, w, z);
    int d0 = widths[0];
    for (int p = 0; p < widths[h]; p++) {
      for (int q = 0; q < d0; q++) {
        BigFraction s = BigFraction.ZERO;
        for (int a = 0; a < widths[h]; a++) {
          for (int b = 0; b < d0; b++) {
            s = s.add(k.get(p * d0 + q).get(a * d0 + b).multiply(z.get(a).get(b)));
          }
        }
        assertThat(kz.get(p).get(q)).isEqualTo(s);
      }
    }
  }

  @Property(tries = 20)
  void productAndDeltasByDefinition(@ForAll("twoLayers") Weights c) {
    int[] widths = c.widths();
    FullyConnectedPlan plan = FullyConnectedPlan.of(FullyConnectedNetwork.of(widths));
    List<List<List<BigFraction>>> w = c.w();
    assertThat(plan.product(Q, w)).isEqualTo(Matrices.multiply(Q, w.get(1), w.get(0)));
    List<List<BigFraction>> delta = plan.deltas(Q, w).get(0);
    for (int a = 0; a < widths[1]; a++) {
      for (int b = 0; b < widths[1]; b++) {
        BigFraction s = BigFraction.ZERO;
        for (int i = 0; i < widths[2]; i++) {
          s = s.add(w.get(1).get(i).get(a).multiply(w.get(1).get(i).get(b)));
        }
        for (int i = 0; i < widths[0]; i++) {
          s = s.subtract(w.get(0).get(a).get(i).multiply(w.get(0).get(b).get(i)));
        }
        assertThat(delta.get(a).get(b)).isEqualTo(s);
      }
    }
  }

  @Test
  void doubleRingAgreesWithExact() {
    SplittableRandom r = new SplittableRandom(3);
    int[] widths = {2, 3, 2, 3};
    FullyConnectedPlan plan = FullyConnectedPlan.of(FullyConnectedNetwork.of(widths));
    List<List<List<BigFraction>>> w = randomWeights(widths, r);
    List<List<List<Double>>> wd =
        w.stream().map(m -> m.stream().map(row -> row.stream().map(BigFraction::doubleValue)
            .toList()).toList()).toList();
    List<List<BigFraction>> exact = plan.ntk(Q, w);
    List<List<Double>> approx = plan.ntk(DoubleRing.INSTANCE, wd);
    for (int i = 0; i < exact.size(); i++) {
      for (int j = 0; j < exact.size(); j++) {
        double e = exact.get(i).get(j).doubleValue();
        assertThat(approx.get(i).get(j)).isCloseTo(e, org.assertj.core.api.Assertions.within(
            1e-12 * Math.max(1, Math.abs(e))));
      }
    }
  }

  @Test
  void certifiedDimensionIsTheDeterminantalDimension() {
    int[][] cases = {{2, 2, 2}, {3, 1, 3}, {2, 3, 4}, {4, 2, 3, 5}, {1, 1}, {3, 2}, {2, 5, 1, 2}};
    for (int[] widths : cases) {
      FullyConnectedNetwork n = FullyConnectedNetwork.of(widths);
      Neuromanifold.Result d = FullyConnectedPlan.of(n).certifiedDimension();
      assertThat(d.certain()).as("certified for %s", n).isTrue();
      assertThat(d.dimension()).isEqualTo(n.dimension());
    }
    assertThat(FullyConnectedNetwork.of(4, 2, 3, 5).dimension()).isEqualTo(2 * (4 + 5 - 2));
  }

  @Test
  void mismatchedShapesAreRejected() {
    List<List<BigFraction>> w1 = randomMatrix(2, 3, new SplittableRandom(1));
    List<List<BigFraction>> w2 = randomMatrix(2, 3, new SplittableRandom(2));
    assertThatThrownBy(() -> FullyConnectedNetwork.ofMatrices(List.of(w1, w2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("W_2 has 3 columns but W_1 has 2 rows");
    List<List<BigFraction>> ragged = List.of(List.of(BigFraction.ONE), List.of());
    assertThatThrownBy(() -> FullyConnectedNetwork.ofMatrices(List.of(ragged)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not rectangular");
  }

  static List<List<List<BigFraction>>> randomWeights(int[] widths, SplittableRandom r) {
    List<List<List<BigFraction>>> w = new ArrayList<>();
    for (int l = 0; l + 1 < widths.length; l++) {
      w.add(randomMatrix(widths[l + 1], widths[l], r));
    }
    return w;
  }

  static List<List<BigFraction>> randomMatrix(int rows, int cols, SplittableRandom r) {
    List<List<BigFraction>> m = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      List<BigFraction> row = new ArrayList<>();
      for (int j = 0; j < cols; j++) {
        row.add(new BigFraction(r.nextInt(-5, 6), r.nextInt(1, 4)));
      }
      m.add(row);
    }
    return m;
  }
}
