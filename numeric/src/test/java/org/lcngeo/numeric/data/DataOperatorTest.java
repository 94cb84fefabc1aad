package org.lcngeo.numeric.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * M v and M^T r from the data equal the products with M formed entry by entry ({@link
 * NumericConvolution#matrixEntry}), for every grouping of the outputs' arrays T_o (all at once,
 * one at a time, two at a time).
 */
class DataOperatorTest {
  /** The data, filters (and unused Jacobians) of {@link QuadraticLossTest}: 1-D and 2-D, 1..6 samples. */
  @Provide
  Arbitrary<QuadraticLossTest.DataCase> dataCases() {
    return new QuadraticLossTest().dataCases();
  }

  @Property(tries = 60)
  void productsEqualThoseOfTheFormedMatrix(
      @ForAll("dataCases") QuadraticLossTest.DataCase c,
      @ForAll @IntRange(min = 0, max = 2) int grouping) {
    TrainingData d = c.data();
    NumericConvolution conv = d.convolution();
    int inputs = conv.inputEntries();
    int limit = grouping == 0 ? Integer.MAX_VALUE : grouping * inputs;
    DataOperator m = new DataOperator(d, limit);
    int samples = d.samples();
    int outputs = conv.outputEntries();
    int n = conv.filterEntries();
    double[] v = c.v();
    double[] mv = new double[m.rows()];
    m.times(v, mv);
    double[] r = new double[m.rows()];
    for (int k = 0; k < r.length; k++) {
      r[k] = Math.sin(k + 1.0) * (1 + k % 3);
    }
    double[] mtr = new double[n];
    m.transposeTimes(r, mtr);
    double[] expectedMtr = new double[n];
    for (int i = 0; i < samples; i++) {
      for (int o = 0; o < outputs; o++) {
        double s = 0;
        double scale = 0;
        for (int j = 0; j < n; j++) {
          double e = conv.matrixEntry(d.x()[i], o, j);
          s += e * v[j];
          scale += Math.abs(e * v[j]);
          expectedMtr[j] += e * r[o * samples + i];
        }
        assertThat(mv[o * samples + i]).isCloseTo(s, offset(1e-13 * (1 + scale)));
      }
    }
    for (int j = 0; j < n; j++) {
      double scale = 0;
      for (int i = 0; i < samples; i++) {
        for (int o = 0; o < outputs; o++) {
          scale += Math.abs(conv.matrixEntry(d.x()[i], o, j) * r[o * samples + i]);
        }
      }
      assertThat(mtr[j]).isCloseTo(expectedMtr[j], offset(1e-13 * (1 + scale)));
    }
  }
}
