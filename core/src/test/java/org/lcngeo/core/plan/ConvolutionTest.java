package org.lcngeo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/** Lemma 9 / eq. 10: the composition of strided convolutions is the end-to-end convolution. */
class ConvolutionTest {
  private static final RationalRing Q = RationalRing.INSTANCE;

  @Property(tries = 60)
  void compositionIsEndToEndConvolution1d(@ForAll long seed) {
    checkComposition(1, seed);
  }

  @Property(tries = 40)
  void compositionIsEndToEndConvolution2d(@ForAll long seed) {
    checkComposition(2, seed);
  }

  @Property(tries = 20)
  void compositionIsEndToEndConvolution3d(@ForAll long seed) {
    checkComposition(3, seed);
  }

  private static void checkComposition(int dims, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int h = r.nextInt(1, dims == 3 ? 3 : 4);
    int[][] k = new int[h][dims];
    int[][] s = new int[h][dims];
    for (int l = 0; l < h; l++) {
      for (int m = 0; m < dims; m++) {
        k[l][m] = r.nextInt(1, 4);
        s[l][m] = r.nextInt(1, dims == 3 ? 3 : 4);
      }
    }
    Architecture a = Architecture.of(k, s);
    FilterTuple<BigFraction> theta = randomTuple(a, r);
    int[] out = new int[dims];
    for (int m = 0; m < dims; m++) {
      out[m] = r.nextInt(1, dims == 3 ? 3 : 4);
    }
    int[] in = Convolution.networkInputShape(a, out);
    // one or two extra input entries must not change anything (floor in the output size)
    int[] grown = in.clone();
    grown[0] += r.nextInt(0, 2);
    int entries = 1;
    for (int x : grown) {
      entries *= x;
    }
    List<BigFraction> x = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      x.add(new BigFraction(r.nextInt(-9, 10), r.nextInt(1, 4)));
    }
    List<BigFraction> y = x;
    int[] shape = grown;
    for (int l = 0; l < h; l++) {
      y = Convolution.compile(a.size(l), a.stride(l), shape).apply(Q, theta.layer(l), y);
      shape = Convolution.outputShape(shape, a.size(l), a.stride(l));
    }
    List<BigFraction> v = MuPlan.compile(a).mu(Q, theta);
    List<BigFraction> direct =
        Convolution.compile(a.endToEndSize(), a.endToEndStride(), grown).apply(Q, v, x);
    assertThat(Convolution.outputShape(grown, a.endToEndSize(), a.endToEndStride()))
        .isEqualTo(shape);
    assertThat(direct).isEqualTo(y);
    assertThat(Convolution.inputShape(out, a.endToEndSize(), a.endToEndStride())).isEqualTo(in);
  }

  static FilterTuple<BigFraction> randomTuple(Architecture a, SplittableRandom r) {
    List<BigFraction> flat = new ArrayList<>();
    for (int i = 0; i < a.parameterCount(); i++) {
      flat.add(new BigFraction(r.nextInt(-9, 10), r.nextInt(1, 5)));
    }
    return FilterTuple.fromFlat(a, flat);
  }

  @Property(tries = 30)
  void inputSizeFormula(
      @ForAll @IntRange(min = 1, max = 20) int d,
      @ForAll @IntRange(min = 1, max = 5) int k,
      @ForAll @IntRange(min = 1, max = 5) int s) {
    int[] n = Convolution.inputShape(new int[] {d}, new int[] {k}, new int[] {s});
    assertThat(n[0]).isEqualTo(s * (d - 1) + k);
    assertThat(Convolution.outputShape(n, new int[] {k}, new int[] {s})).containsExactly(d);
  }

  @Test
  void paperExample() {
    // alpha_{w,2} with w = (1, 0, 2) on X = (1..7): y_i = X_{2i} + 2 X_{2i+2}
    List<BigFraction> w = List.of(BigFraction.ONE, BigFraction.ZERO, BigFraction.TWO);
    List<BigFraction> x = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      x.add(new BigFraction(i));
    }
    assertThat(Convolution.compile(new int[] {3}, new int[] {2}, new int[] {7}).apply(Q, w, x))
        .containsExactly(new BigFraction(7), new BigFraction(13), new BigFraction(19));
  }

  @Test
  void theTableHoldsThePositionsOfXIsPlusJ() {
    // 2-D, k = (2, 3), s = (2, 1), output (2, 2): input s(d - 1) + k = (4, 4)
    Convolution c =
        Convolution.compileForOutput(new int[] {2, 3}, new int[] {2, 1}, new int[] {2, 2});
    assertThat(c.inputShape()).containsExactly(4, 4);
    assertThat(c.outputShape()).containsExactly(2, 2);
    for (int o = 0; o < 4; o++) {
      for (int j = 0; j < 6; j++) {
        int row = (o / 2) * 2 + j / 3;
        int col = (o % 2) + j % 3;
        assertThat(c.position(o, j)).isEqualTo(row * 4 + col);
        assertThat(c.positions()[o * 6 + j]).isEqualTo(row * 4 + col);
      }
    }
  }

  @Test
  void signalSmallerThanFilterIsRejected() {
    assertThatThrownBy(
            () -> Convolution.outputShape(new int[] {2}, new int[] {3}, new int[] {1}))
        .isInstanceOf(InvalidInputException.class);
  }
}
