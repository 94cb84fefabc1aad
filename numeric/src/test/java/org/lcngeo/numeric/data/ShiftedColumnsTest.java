package org.lcngeo.numeric.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.data.Offset;

/**
 * The structured products of {@link ShiftedColumns} against its dense matrix: supports with steps
 * 1..7 between entries (so {@link ShiftedColumns#addTimes}' runs are bridged across zeros, and
 * split where the step exceeds {@link ShiftedColumns#MAX_STEP}), one to three blocks with
 * increasing offsets.
 */
class ShiftedColumnsTest {
  static final double EPS = Math.ulp(1.0);

  /** A drawn matrix and two vectors to multiply. */
  record Case(ShiftedColumns columns, double[] x, double[] r, double[] out0, double scale) {}

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.longs(),
        Arbitraries.integers().between(1, 7)).as((blocks, seed, maxStep) -> {
          Random g = new Random(seed);
          int[][] supports = new int[blocks][];
          int[][] offsets = new int[blocks][];
          int[] starts = new int[blocks + 1];
          int extent = 1;
          for (int l = 0; l < blocks; l++) {
            int count = 1 + g.nextInt(30);
            supports[l] = increasing(g, count, g.nextInt(3), maxStep);
            offsets[l] = increasing(g, 1 + g.nextInt(6), g.nextInt(4), 1 + g.nextInt(12));
            starts[l + 1] = starts[l] + offsets[l].length;
            extent = Math.max(extent,
                supports[l][count - 1] + offsets[l][offsets[l].length - 1] + 1);
          }
          int n = extent + g.nextInt(4);
          double[][] b = new double[blocks][];
          for (int l = 0; l < blocks; l++) {
            // zero between the supported entries (the class's requirement)
            b[l] = new double[supports[l][supports[l].length - 1] + 1 + g.nextInt(3)];
            for (int q : supports[l]) {
              b[l][q] = g.nextGaussian() * Math.exp(2 * g.nextGaussian());
            }
          }
          ShiftedColumns c = new ShiftedColumns(n, b, supports, offsets, starts);
          return new Case(c, gaussian(g, c.columns()), gaussian(g, n), gaussian(g, n),
              g.nextGaussian());
        });
  }

  static int[] increasing(Random g, int count, int first, int maxStep) {
    int[] out = new int[count];
    out[0] = first;
    for (int i = 1; i < count; i++) {
      out[i] = out[i - 1] + 1 + g.nextInt(maxStep);
    }
    return out;
  }

  static double[] gaussian(Random g, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = g.nextGaussian();
    }
    return x;
  }

  /** gamma_m = m eps / (1 - m eps): the relative bound of a sum of m rounded products. */
  static double gamma(int m) {
    return m * EPS / (1 - m * EPS);
  }

  /**
   * out0 + scale A x by runs equals it formed from the dense A, within the rounding bound of both
   * sums (each has at most p + 2 rounded terms: 2 gamma_{p+2} times the sum of the terms' moduli).
   */
  @Property(tries = 300)
  void addTimesEqualsTheDenseProduct(@ForAll("cases") Case c) {
    ShiftedColumns m = c.columns();
    double[][] a = m.dense();
    double[] out = c.out0().clone();
    m.addTimes(c.x(), c.scale(), out);
    int p = m.columns();
    for (int i = 0; i < m.rows(); i++) {
      double e = c.out0()[i];
      double size = Math.abs(e);
      for (int k = 0; k < p; k++) {
        double t = c.scale() * c.x()[k] * a[i][k];
        e += t;
        size += Math.abs(t);
      }
      assertThat(out[i]).as("row %d", i).isCloseTo(e, Offset.offset(2 * gamma(p + 2) * size));
    }
  }

  /** A matrix (rows x m) by rows, drawn from the case's seed. */
  static double[][] matrix(Case c, int rows, int m) {
    Random g = new Random(Double.doubleToLongBits(c.scale()));
    double[][] b = new double[rows][m];
    for (double[] row : b) {
      for (int k = 0; k < m; k++) {
        row[k] = g.nextGaussian();
      }
    }
    return b;
  }

  /**
   * out + A B by rows equals it formed from the dense A, within 2 gamma_{p+1} times the sum of
   * the terms' moduli.
   */
  @Property(tries = 200)
  void addTimesRowsEqualsTheDenseProduct(@ForAll("cases") Case c) {
    ShiftedColumns m = c.columns();
    double[][] a = m.dense();
    int p = m.columns();
    int width = 1 + c.x().length % 5;
    double[][] b = matrix(c, p, width);
    double[][] out0 = matrix(c, m.rows(), width);
    double[][] out = new double[m.rows()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = out0[i].clone();
    }
    m.addTimesRows(b, out);
    for (int i = 0; i < m.rows(); i++) {
      for (int w = 0; w < width; w++) {
        double e = out0[i][w];
        double size = Math.abs(e);
        for (int k = 0; k < p; k++) {
          double t = a[i][k] * b[k][w];
          e += t;
          size += Math.abs(t);
        }
        assertThat(out[i][w]).as("(%d, %d)", i, w)
            .isCloseTo(e, Offset.offset(2 * gamma(p + 1) * size));
      }
    }
  }

  /** A^T B by rows equals the dense A^T B within 2 gamma_n times the sum of the terms' moduli. */
  @Property(tries = 200)
  void transposeTimesRowsEqualsTheDenseProduct(@ForAll("cases") Case c) {
    ShiftedColumns m = c.columns();
    double[][] a = m.dense();
    int n = m.rows();
    int width = 1 + c.r().length % 5;
    double[][] b = matrix(c, n, width);
    double[][] out = new double[m.columns()][width];
    for (double[] row : out) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    m.transposeTimesRows(b, out);
    for (int k = 0; k < m.columns(); k++) {
      for (int w = 0; w < width; w++) {
        double e = 0;
        double size = 0;
        for (int i = 0; i < n; i++) {
          double t = a[i][k] * b[i][w];
          e += t;
          size += Math.abs(t);
        }
        assertThat(out[k][w]).as("(%d, %d)", k, w)
            .isCloseTo(e, Offset.offset(2 * gamma(n) * size));
      }
    }
  }

  /**
   * A copy is the same matrix, owns its blocks (a later change of the original's does not reach
   * it) and keeps only the supported entries (garbage between them in the original is dropped).
   */
  @Property(tries = 100)
  void aCopyIsASnapshotOfTheSupportedEntries(@ForAll("cases") Case c) {
    ShiftedColumns m = c.columns();
    double[][] dense = m.dense();
    double[] first = m.blocks()[0];
    int[] sup = m.supports()[0];
    double[] before = first.clone();
    // entries off the support are not part of the matrix: put garbage there
    for (int q = 0; q < first.length; q++) {
      if (java.util.Arrays.binarySearch(sup, q) < 0) {
        first[q] = 1e300;
      }
    }
    ShiftedColumns copy = m.copy();
    first[sup[0]] += 1;
    assertThat(copy.dense()).isDeepEqualTo(dense);
    double[] out = new double[m.rows()];
    double[] expected = new double[m.rows()];
    System.arraycopy(before, 0, first, 0, first.length);
    m.addTimes(c.x(), c.scale(), expected);
    copy.addTimes(c.x(), c.scale(), out);
    assertThat(out).containsExactly(expected);
  }
}
