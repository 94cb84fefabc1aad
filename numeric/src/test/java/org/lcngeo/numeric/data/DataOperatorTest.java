package org.lcngeo.numeric.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of {@link DataOperator}, for every route ({@link DirectDataOperator} with its
 * outputs' arrays T_o all at once, one at a time, two at a time; {@link PolyphaseDataOperator}):
 * M v, M^T r and M^T on a block of columns equal the products with M formed entry by entry ({@link
 * NumericConvolution#matrixEntry}) within a rounding bound.
 *
 * <p>The bound: every route sums products of an entry of X_i and one of v (or r) through at most
 * {@code terms} roundings of unit roundoff u, with coefficients (DFT twiddles) of modulus at most
 * 1. The direct route's error in (M v)_(i,o) is at most n u sum_j |X_i[.] v_j| <= n u ||v||
 * ||X_i||; the frequency route's, by Cauchy-Schwarz and Parseval over the spectrum and the phases
 * (the phases X_i^rho split X_i), at most (sum of the transforms' lengths + S) sqrt(|L|) u ||v||
 * ||X_i||, where the direct sums of a transform of |L| points may lose sqrt(|L|) over an FFT's
 * bound. Likewise (M^T r)_j against sum_i ||r_i|| ||X_i||. An error in the phase bookkeeping
 * reads a wrong entry of X: an error of the size of the entries, far beyond the bound.
 */
class DataOperatorTest {
  enum Route {
    DIRECT_ALL_IMAGES,
    DIRECT_ONE_IMAGE,
    DIRECT_TWO_IMAGES,
    POLYPHASE;

    DataOperator of(TrainingData d) {
      int inputs = d.convolution().inputEntries();
      return switch (this) {
        case DIRECT_ALL_IMAGES -> new DirectDataOperator(d, Integer.MAX_VALUE);
        case DIRECT_ONE_IMAGE -> new DirectDataOperator(d, inputs);
        case DIRECT_TWO_IMAGES -> new DirectDataOperator(d, 2 * inputs);
        case POLYPHASE -> new PolyphaseDataOperator(d);
      };
    }
  }

  /** The data, filters (and unused Jacobians) of {@link QuadraticLossTest}: 1-D and 2-D, 1..6 samples. */
  @Provide
  Arbitrary<QuadraticLossTest.DataCase> dataCases() {
    return new QuadraticLossTest().dataCases();
  }

  @Property(tries = 60)
  void productsEqualThoseOfTheFormedMatrix(
      @ForAll("dataCases") QuadraticLossTest.DataCase c, @ForAll Route route) {
    assertProductsOfTheFormedMatrix(route.of(c.data()), c.data(), c.v(), 1);
  }

  /** Convolutions of D = 1, 2, 3 dimensions, strides 1..5, filters 1..12 (1..5 for D = 3). */
  record Shape(int[] filter, int[] stride, int[] output, int samples, long seed) {
    TrainingData data() {
      NumericConvolution c = NumericConvolution.forOutput(filter, stride, output);
      SplittableRandom r = new SplittableRandom(seed);
      double[][] x = new double[samples][c.inputEntries()];
      double[][] y = new double[samples][c.outputEntries()];
      for (double[] xi : x) {
        for (int p = 0; p < xi.length; p++) {
          xi[p] = r.nextGaussian();
        }
      }
      return new TrainingData(x, y, null, c);
    }
  }

  @Provide
  Arbitrary<Shape> shapes() {
    return Arbitraries.integers().between(1, 3).flatMap(dims -> {
      Arbitrary<int[]> filter = Arbitraries.integers().between(1, dims == 3 ? 5 : 12)
          .array(int[].class).ofSize(dims);
      Arbitrary<int[]> stride = Arbitraries.integers().between(1, 5).array(int[].class).ofSize(dims);
      Arbitrary<int[]> output = Arbitraries.integers().between(1, dims == 3 ? 3 : 5)
          .array(int[].class).ofSize(dims);
      return Combinators.combine(filter, stride, output, Arbitraries.integers().between(1, 6),
          Arbitraries.longs()).as(Shape::new);
    });
  }

  /** Any dimension, strides, filter and output shapes, samples: both routes agree with M. */
  @Property(tries = 200)
  void everyRouteAgreesWithTheFormedMatrixOnAnyShape(
      @ForAll("shapes") Shape shape, @ForAll Route route) {
    TrainingData d = shape.data();
    double[] v = new SplittableRandom(shape.seed() + 1).doubles(d.convolution().filterEntries(), -2, 2)
        .toArray();
    DataOperator m = route.of(d);
    assertProductsOfTheFormedMatrix(m, d, v, shape.seed() + 2);
    assertColumnsOfTheFormedMatrix(m, d, shape.seed() + 3);
    int columns = 1 + new SplittableRandom(shape.seed() + 4)
        .nextInt(2 * PolyphaseDataOperator.COLUMN_BLOCK + 2);
    assertTransposeOfColumnsOfTheFormedMatrix(m, d, columns, shape.seed() + 5);
  }

  /**
   * M^T on a block of columns ({@link DataOperator#transposeTimesColumns}) against M formed entry
   * by entry: every column within the bound of M^T r (class comment); a column read at a wrong
   * sample, output or block offset is off by the size of the entries.
   */
  private static void assertTransposeOfColumnsOfTheFormedMatrix(
      DataOperator m, TrainingData d, int columns, long seed) {
    NumericConvolution conv = d.convolution();
    int samples = d.samples();
    int outputs = conv.outputEntries();
    int n = conv.filterEntries();
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] r = new double[columns][];
    for (int c = 0; c < columns; c++) {
      r[c] = rnd.doubles(m.rows(), -3, 3).toArray();
    }
    double[][] out = new double[columns][n];
    m.transposeTimesColumns(r, out);
    double roundings = roundings(conv, samples);
    for (int c = 0; c < columns; c++) {
      double[] expected = new double[n];
      double scale = 0;
      for (int i = 0; i < samples; i++) {
        double rNorm = 0;
        for (int o = 0; o < outputs; o++) {
          double ri = r[c][o * samples + i];
          rNorm += ri * ri;
          for (int j = 0; j < n; j++) {
            expected[j] += conv.matrixEntry(d.x()[i], o, j) * ri;
          }
        }
        scale += Math.sqrt(rNorm) * norm(d.x()[i]);
      }
      for (int j = 0; j < n; j++) {
        assertThat(out[c][j])
            .as("(M^T r_c) at column %d of %d, filter entry %d", c, columns, j)
            .isCloseTo(expected[j], offset(roundings * scale + Double.MIN_NORMAL));
      }
    }
  }

  /**
   * The phase bookkeeping's corner cases, always drawn: a non-square filter not a multiple of the
   * stride, a stride-1 axis beside a stride-3 one, a stride beyond the filter (phases without
   * filter entries), one output, and 1-D and 3-D shapes.
   */
  @Example
  void thePhaseBookkeepingHoldsOnItsCornerCases() {
    Shape[] cases = {
      new Shape(new int[] {7, 5}, new int[] {3, 1}, new int[] {2, 3}, 3, 11),
      new Shape(new int[] {5, 7}, new int[] {1, 3}, new int[] {4, 1}, 2, 12),
      new Shape(new int[] {2, 9}, new int[] {5, 2}, new int[] {3, 2}, 4, 13),
      new Shape(new int[] {11}, new int[] {4}, new int[] {1}, 5, 14),
      new Shape(new int[] {13}, new int[] {1}, new int[] {6}, 1, 15),
      new Shape(new int[] {3, 4, 5}, new int[] {2, 1, 3}, new int[] {2, 3, 2}, 3, 16),
      // more samples than the polyphase route transforms together, and not a multiple of them
      new Shape(new int[] {5, 4}, new int[] {2, 3}, new int[] {2, 2}, 35, 17),
    };
    for (Shape shape : cases) {
      TrainingData d = shape.data();
      double[] v = new SplittableRandom(shape.seed()).doubles(d.convolution().filterEntries(), -2, 2)
          .toArray();
      for (Route route : Route.values()) {
        DataOperator m = route.of(d);
        assertProductsOfTheFormedMatrix(m, d, v, shape.seed());
        assertColumnsOfTheFormedMatrix(m, d, shape.seed());
        // two full blocks of columns and a part of one
        assertTransposeOfColumnsOfTheFormedMatrix(
            m, d, 2 * PolyphaseDataOperator.COLUMN_BLOCK + 3, shape.seed());
      }
    }
  }

  /** The operator's products against M formed entry by entry, within the bound of the class comment. */
  private static void assertProductsOfTheFormedMatrix(
      DataOperator m, TrainingData d, double[] v, long seed) {
    NumericConvolution conv = d.convolution();
    int samples = d.samples();
    int outputs = conv.outputEntries();
    int n = conv.filterEntries();
    double roundings = roundings(conv, samples);
    double[] mv = new double[m.rows()];
    m.times(v, mv);
    double[] r = new SplittableRandom(seed).doubles(m.rows(), -3, 3).toArray();
    double[] mtr = new double[n];
    m.transposeTimes(r, mtr);
    double[] expectedMtr = new double[n];
    double vNorm = norm(v);
    double scaleMtr = 0;
    for (int i = 0; i < samples; i++) {
      double xNorm = norm(d.x()[i]);
      double rNorm = 0;
      for (int o = 0; o < outputs; o++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          double e = conv.matrixEntry(d.x()[i], o, j);
          s += e * v[j];
          expectedMtr[j] += e * r[o * samples + i];
        }
        rNorm += r[o * samples + i] * r[o * samples + i];
        assertThat(mv[o * samples + i])
            .as("(M v) at sample %d, output %d", i, o)
            .isCloseTo(s, offset(roundings * vNorm * xNorm + Double.MIN_NORMAL));
      }
      scaleMtr += Math.sqrt(rNorm) * xNorm;
    }
    for (int j = 0; j < n; j++) {
      assertThat(mtr[j])
          .as("(M^T r) at filter entry %d", j)
          .isCloseTo(expectedMtr[j], offset(roundings * scaleMtr + Double.MIN_NORMAL));
    }
  }

  /**
   * M J e_c ({@link DataOperator#timesColumns}) against M formed entry by entry times J, for a J
   * of two blocks: a box of half the filter's shape at every offset of a few inside the filter,
   * and a single entry at two offsets. The direct sums of both sides: n u sum |X v| at most.
   */
  private static void assertColumnsOfTheFormedMatrix(DataOperator m, TrainingData d, long seed) {
    NumericConvolution conv = d.convolution();
    int[] k = conv.plan().filterShape();
    int n = conv.filterEntries();
    SplittableRandom r = new SplittableRandom(seed);
    int[] half = new int[k.length];
    int[] room = new int[k.length];
    for (int a = 0; a < k.length; a++) {
      half[a] = (k[a] + 1) / 2;
      room[a] = k[a] - half[a] + 1;
    }
    double[] box = new double[n];
    java.util.List<Integer> support = new java.util.ArrayList<>();
    for (int q = 0; q < n; q++) {
      int[] idx = org.lcngeo.core.model.Architecture.unflatten(q, k);
      boolean inside = true;
      for (int a = 0; a < k.length; a++) {
        inside &= idx[a] < half[a];
      }
      if (inside) {
        box[q] = r.nextDouble(-2, 2);
        support.add(q);
      }
    }
    int roomPoints = java.util.Arrays.stream(room).reduce(1, (x, y) -> x * y);
    int[] boxOffsets = java.util.stream.IntStream.range(0, roomPoints)
        .filter(i -> i == 0 || i == roomPoints - 1 || r.nextInt(3) == 0)
        .distinct()
        .map(i -> flatten(org.lcngeo.core.model.Architecture.unflatten(i, room), k))
        .sorted()
        .toArray();
    double[] single = new double[n];
    single[0] = r.nextDouble(-2, 2);
    int[] singleOffsets = n == 1 ? new int[] {0} : new int[] {0, n - 1};
    ShiftedColumns jac = new ShiftedColumns(n, new double[][] {box, single},
        new int[][] {support.stream().mapToInt(Integer::intValue).toArray(), {0}},
        new int[][] {boxOffsets, singleOffsets},
        new int[] {0, boxOffsets.length, boxOffsets.length + singleOffsets.length});
    double[][] dense = jac.dense();
    double[][] out = new double[jac.columns()][m.rows()];
    m.timesColumns(jac, out);
    int samples = d.samples();
    for (int c = 0; c < jac.columns(); c++) {
      double[] col = new double[n];
      for (int j = 0; j < n; j++) {
        col[j] = dense[j][c];
      }
      for (int i = 0; i < samples; i++) {
        for (int o = 0; o < conv.outputEntries(); o++) {
          double s = 0;
          double scale = 0;
          for (int j = 0; j < n; j++) {
            double e = conv.matrixEntry(d.x()[i], o, j) * col[j];
            s += e;
            scale += Math.abs(e);
          }
          assertThat(out[c][o * samples + i])
              .as("(M J) at column %d, sample %d, output %d", c, i, o)
              .isCloseTo(s, offset(n * Math.ulp(1.0) * scale + Double.MIN_NORMAL));
        }
      }
    }
  }

  private static int flatten(int[] idx, int[] shape) {
    int f = 0;
    for (int a = 0; a < shape.length; a++) {
      f = f * shape[a] + idx[a];
    }
    return f;
  }

  /** u times the roundings of the longest chain of either route (class comment), doubled. */
  private static double roundings(NumericConvolution conv, int samples) {
    int[] k = conv.plan().filterShape();
    int[] s = conv.plan().stride();
    int[] out = conv.outputShape();
    double lengths = 0;
    double points = 1;
    double phases = 1;
    for (int d = 0; d < k.length; d++) {
      int len = out[d] - 1 + (k[d] + s[d] - 1) / s[d];
      lengths += 2 * len;
      points *= len;
      phases *= Math.min(k[d], s[d]);
    }
    double direct = conv.filterEntries() + (double) samples * conv.outputEntries();
    double polyphase = (lengths + phases + samples) * Math.sqrt(points);
    return 2 * Math.ulp(1.0) / 2 * Math.max(direct, polyphase);
  }

  private static double norm(double[] a) {
    double s = 0;
    for (double e : a) {
      s += e * e;
    }
    return Math.sqrt(s);
  }
}
