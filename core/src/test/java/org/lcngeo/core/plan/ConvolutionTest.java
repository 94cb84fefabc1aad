package org.lcngeo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
  void compositionIsEndToEndConvolution1d(@ForAll("oneD") Composition c) {
    checkComposition(c);
  }

  @Property(tries = 40)
  void compositionIsEndToEndConvolution2d(@ForAll("twoD") Composition c) {
    checkComposition(c);
  }

  @Property(tries = 20)
  void compositionIsEndToEndConvolution3d(@ForAll("threeD") Composition c) {
    checkComposition(c);
  }

  /** An architecture, a tuple, an output shape, its input shape grown by 0 or 1, and an input. */
  record Composition(
      Architecture a, FilterTuple<BigFraction> theta, int[] out, int[] grown, List<BigFraction> x) {
    @Override
    public String toString() {
      return a.summary() + ", theta " + theta.layers() + ", out " + java.util.Arrays.toString(out)
          + ", input " + java.util.Arrays.toString(grown) + " " + x;
    }
  }

  @Provide
  Arbitrary<Composition> oneD() {
    return compositions(1, 3, 3);
  }

  @Provide
  Arbitrary<Composition> twoD() {
    return compositions(2, 3, 3);
  }

  @Provide
  Arbitrary<Composition> threeD() {
    return compositions(3, 2, 2);
  }

  static Arbitrary<BigFraction> rationals(int numerator, int denominator) {
    return Combinators.combine(Arbitraries.integers().between(-numerator, numerator),
        Arbitraries.integers().between(1, denominator)).as(BigFraction::new);
  }

  /** Architectures of 1..maxLayers layers, sizes 1..3 and strides 1..maxStride per axis. */
  static Arbitrary<Architecture> architectures(int dims, int maxLayers, int maxStride) {
    Arbitrary<int[]> size = Arbitraries.integers().between(1, 3).array(int[].class).ofSize(dims);
    Arbitrary<int[]> stride =
        Arbitraries.integers().between(1, maxStride).array(int[].class).ofSize(dims);
    return Combinators.combine(size, stride).as((k, s) -> new int[][] {k, s})
        .list().ofMinSize(1).ofMaxSize(maxLayers)
        .map(layers -> Architecture.of(
            layers.stream().map(l -> l[0]).toArray(int[][]::new),
            layers.stream().map(l -> l[1]).toArray(int[][]::new)));
  }

  static Arbitrary<FilterTuple<BigFraction>> tuples(Architecture a) {
    return rationals(9, 4).list().ofSize(a.parameterCount()).map(f -> FilterTuple.fromFlat(a, f));
  }

  private static Arbitrary<Composition> compositions(int dims, int maxLayers, int maxStride) {
    return architectures(dims, maxLayers, maxStride).flatMap(a -> Combinators.combine(
        tuples(a),
        Arbitraries.integers().between(1, maxStride).array(int[].class).ofSize(dims),
        Arbitraries.integers().between(0, 1)).flatAs((theta, out, grow) -> {
          int[] grown = Convolution.networkInputShape(a, out);
          grown[0] += grow;
          int entries = java.util.Arrays.stream(grown).reduce(1, (x, y) -> x * y);
          return rationals(9, 3).list().ofSize(entries)
              .map(x -> new Composition(a, theta, out, grown, x));
        }));
  }

  private static void checkComposition(Composition c) {
    Architecture a = c.a();
    FilterTuple<BigFraction> theta = c.theta();
    int[] in = Convolution.networkInputShape(a, c.out());
    // one extra input entry must not change anything (floor in the output size)
    int[] grown = c.grown();
    List<BigFraction> x = c.x();
    List<BigFraction> y = x;
    int[] shape = grown;
    for (int l = 0; l < a.depth(); l++) {
      y = Convolution.compile(a.size(l), a.stride(l), shape).apply(Q, theta.layer(l), y);
      shape = Convolution.outputShape(shape, a.size(l), a.stride(l));
    }
    List<BigFraction> v = MuPlan.compile(a).mu(Q, theta);
    List<BigFraction> direct =
        Convolution.compile(a.endToEndSize(), a.endToEndStride(), grown).apply(Q, v, x);
    assertThat(Convolution.outputShape(grown, a.endToEndSize(), a.endToEndStride()))
        .isEqualTo(shape);
    assertThat(direct).isEqualTo(y);
    assertThat(Convolution.inputShape(c.out(), a.endToEndSize(), a.endToEndStride()))
        .isEqualTo(in);
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
