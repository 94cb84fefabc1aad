package org.lcngeo.numeric.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.RandomDistribution;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.plan.Convolution;
import org.lcngeo.numeric.ntk.NumericMu;

/** The data loss and its reduction to filters; the convolution of eq. 10; data files. */
class QuadraticLossTest {
  /** Architectures of D dimensions, H = 1..3, sizes and strides 1..3 per axis. */
  static Arbitrary<Architecture> architectures(int dims) {
    Arbitrary<int[]> axis = Arbitraries.integers().between(1, 3).array(int[].class).ofSize(dims);
    return Combinators.combine(axis, axis).as((k, st) -> new int[][] {k, st})
        .list().ofMinSize(1).ofMaxSize(3)
        .map(layers -> Architecture.of(
            layers.stream().map(l -> l[0]).toArray(int[][]::new),
            layers.stream().map(l -> l[1]).toArray(int[][]::new)));
  }

  static Arbitrary<double[]> gaussians(int n, double scale) {
    return Arbitraries.doubles().between(-4 * scale, 4 * scale)
        .withDistribution(RandomDistribution.gaussian()).array(double[].class).ofSize(n);
  }

  /**
   * Data of an architecture (1..6 samples of an output shape 1..4 per axis), a filter v and a
   * Jacobian with as many rows as v has entries.
   */
  record DataCase(TrainingData data, double[] v, double[][] jacobian) {}

  @Provide
  Arbitrary<DataCase> dataCases() {
    return Arbitraries.integers().between(1, 2).flatMap(dims -> architectures(dims)
        .flatMap(a -> Combinators.combine(
                Arbitraries.integers().between(1, 4).array(int[].class).ofSize(dims),
                Arbitraries.integers().between(1, 6), Arbitraries.longs())
            .flatAs((out, samples, seed) -> {
              TrainingData d = TrainingData.generate(a, samples, out, seed, 0.3);
              int n = new QuadraticLoss(d).size();
              return Combinators.combine(gaussians(n, 2), jacobians(n))
                  .as((v, jac) -> new DataCase(d, v, jac));
            })));
  }

  /** A Jacobian n x p, p = 1..5, with standard normal entries, a third of them zero. */
  static Arbitrary<double[][]> jacobians(int n) {
    Arbitrary<Double> normal = Arbitraries.doubles().between(-6, 6).ofScale(12)
        .withDistribution(RandomDistribution.gaussian(6));
    Arbitrary<Double> entry =
        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0.0)), Tuple.of(2, normal));
    return Arbitraries.integers().between(1, 5).flatMap(p ->
        entry.array(Double[].class).ofSize(p)
            .map(row -> Arrays.stream(row).mapToDouble(Double::doubleValue).toArray())
            .array(double[][].class).ofSize(n));
  }

  /** The loss run on the data (M v, M^T r, (M J)^T (M J)) equals the loss run on A. */
  @Property(tries = 60)
  void theLossOnTheDataEqualsTheLossOnA(
      @ForAll("dataCases") DataCase c) {
    TrainingData d = c.data();
    QuadraticLoss onA = new QuadraticLoss(d, false);
    QuadraticLoss onData = new QuadraticLoss(d, true);
    int n = onA.size();
    double[] v = c.v();
    double scale = 1 + Math.abs(onA.value(v));
    assertThat(onData.value(v)).isCloseTo(onA.value(v), org.assertj.core.data.Offset.offset(1e-10 * scale));
    double[] g1 = new double[n];
    double[] g2 = new double[n];
    onA.gradient(v, g1);
    onData.gradient(v, g2);
    double gs = 1;
    for (double x : g1) {
      gs = Math.max(gs, Math.abs(x));
    }
    for (int i = 0; i < n; i++) {
      assertThat(g2[i]).isCloseTo(g1[i], org.assertj.core.data.Offset.offset(1e-11 * gs));
    }
    assertThat(onData.matrixA()).isDeepEqualTo(onA.matrixA());
    double[][] jac = c.jacobian();
    int p = jac[0].length;
    double[][] h1 = new double[p][p];
    double[][] h2 = new double[p][p];
    onA.gaussNewton(columnsOf(jac), h1);
    onData.gaussNewton(columnsOf(jac), h2);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        assertThat(h2[i][j]).isCloseTo(h1[i][j],
            org.assertj.core.data.Offset.offset(1e-10 * (1 + Math.abs(h1[i][i]) + Math.abs(h1[j][j]))));
      }
      assertThat(h1[i][i]).isGreaterThanOrEqualTo(-1e-10 * (1 + Math.abs(h1[i][i])));
    }
  }

  /** A dense J as shifted columns: one block per column, at offset 0. */
  static ShiftedColumns columnsOf(double[][] jac) {
    int n = jac.length;
    int p = jac[0].length;
    double[][] blocks = new double[p][n];
    int[][] supports = new int[p][];
    int[][] offsets = new int[p][];
    int[] starts = new int[p + 1];
    for (int k = 0; k < p; k++) {
      int kk = k;
      for (int q = 0; q < n; q++) {
        blocks[k][q] = jac[q][k];
      }
      supports[k] = java.util.stream.IntStream.range(0, n).filter(q -> jac[q][kk] != 0.0).toArray();
      offsets[k] = new int[] {0};
      starts[k + 1] = k + 1;
    }
    return new ShiftedColumns(n, blocks, supports, offsets, starts);
  }

  /**
   * With mu's own Jacobian (columns: the partial products P_{-l} at the dilated offsets of layer
   * l), the Gauss-Newton matrix and 2A J on the data and on A equal J^T (2A) J and 2A J formed
   * densely.
   */
  @Property(tries = 40)
  void theGaussNewtonMatrixOfMusJacobianIsJtTwoAJ(
      @ForAll("muCases") Tuple.Tuple3<Architecture, TrainingData, double[]> c) {
    NumericMu mu = NumericMu.of(c.get1());
    org.lcngeo.numeric.ntk.MuState state = mu.newState().at(c.get3());
    double[][] jac = state.jacobian();
    ShiftedColumns columns = state.jacobianColumns();
    assertThat(columns.dense()).isDeepEqualTo(jac);
    QuadraticLoss onA = new QuadraticLoss(c.get2(), false);
    double[][] a = onA.matrixA();
    int n = jac.length;
    int p = jac[0].length;
    double[][] expected = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int r = 0; r < n; r++) {
          for (int t = 0; t < n; t++) {
            s += jac[r][i] * 2 * a[r][t] * jac[t][j];
          }
        }
        expected[i][j] = s;
      }
    }
    double[][] twoAJ = new double[p][n];
    double scale = 1;
    for (int k = 0; k < p; k++) {
      for (int r = 0; r < n; r++) {
        for (int t = 0; t < n; t++) {
          twoAJ[k][r] += 2 * a[r][t] * jac[t][k];
        }
        scale = Math.max(scale, Math.abs(twoAJ[k][r]));
      }
    }
    for (QuadraticLoss loss : List.of(onA, new QuadraticLoss(c.get2(), true))) {
      double[][] h = new double[p][p];
      loss.gaussNewton(columns, h);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          assertThat(h[i][j]).isCloseTo(expected[i][j], org.assertj.core.data.Offset.offset(
              1e-10 * (1 + Math.abs(expected[i][i]) + Math.abs(expected[j][j]))));
        }
      }
      // addHessianTimes adds 2A J e_k to what out holds
      double[][] w = new double[p][n];
      for (double[] row : w) {
        Arrays.fill(row, 1.0);
      }
      loss.addHessianTimes(columns, w);
      for (int k = 0; k < p; k++) {
        for (int r = 0; r < n; r++) {
          assertThat(w[k][r] - 1.0).isCloseTo(twoAJ[k][r], org.assertj.core.data.Offset.offset(1e-11 * scale));
        }
      }
    }
  }

  /** An architecture of 1 or 2 dimensions, data for it, and a filter tuple theta. */
  @Provide
  Arbitrary<Tuple.Tuple3<Architecture, TrainingData, double[]>> muCases() {
    return Arbitraries.integers().between(1, 2).flatMap(dims -> architectures(dims)
        .flatMap(a -> Combinators.combine(
                Arbitraries.integers().between(1, 4).array(int[].class).ofSize(dims),
                Arbitraries.integers().between(1, 6), Arbitraries.longs(),
                gaussians(a.parameterCount(), 1))
            .as((out, samples, seed, theta) ->
                Tuple.of(a, TrainingData.generate(a, samples, out, seed, 0.3), theta))));
  }

  @Property(tries = 60)
  void reductionEqualsTheDataLoss(@ForAll("dataCases") DataCase c) {
    QuadraticLoss loss = new QuadraticLoss(c.data());
    double[] v = c.v();
    double direct = loss.dataLoss(v);
    assertThat(loss.value(v)).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-9 * (1 + direct)));
    // the gradient is 2(Av - b): compare with central differences of the data loss
    double[] g = new double[v.length];
    loss.gradient(v, g);
    for (int i = 0; i < v.length; i++) {
      // the data loss is quadratic in v, so the central difference has no truncation error at any
      // step: a large step keeps its rounding error (eps |L| / h) below the tolerance
      double h = 1e-2;
      double[] vp = v.clone();
      double[] vm = v.clone();
      vp[i] += h;
      vm[i] -= h;
      double fd = (loss.dataLoss(vp) - loss.dataLoss(vm)) / (2 * h);
      assertThat(g[i]).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(fd))));
    }
  }

  @Test
  void minimizerAndMinimumGiveTheVertexForm() {
    Architecture a = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});
    TrainingData d = TrainingData.generate(a, 30, new int[] {4}, 5, 0.1);
    QuadraticLoss loss = new QuadraticLoss(d);
    double[] u = loss.minimizer();
    double c = loss.minimum();
    Random r = new Random(1);
    double[] v = new double[loss.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian();
    }
    double[][] am = loss.matrixA();
    double q = c;
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        q += (v[i] - u[i]) * am[i][j] * (v[j] - u[j]);
      }
    }
    assertThat(loss.value(v)).isCloseTo(q, org.assertj.core.data.Offset.offset(1e-8 * q));
    assertThat(loss.dataLoss(u)).isCloseTo(c, org.assertj.core.data.Offset.offset(1e-8 * c));
  }

  /** One model, two executors: the double kernel runs the core plan's table like DoubleRing. */
  /** A convolution (sizes, strides 1..3, inputs k..k+5 per axis), a filter and an input. */
  record ConvolutionCase(Convolution plan, double[] w, double[] x) {}

  @Provide
  Arbitrary<ConvolutionCase> convolutions() {
    return Arbitraries.integers().between(1, 3).flatMap(dims -> {
      Arbitrary<int[]> axis = Arbitraries.integers().between(1, 3).array(int[].class).ofSize(dims);
      Arbitrary<int[]> extra = Arbitraries.integers().between(0, 5).array(int[].class).ofSize(dims);
      return Combinators.combine(axis, axis, extra).flatAs((k, st, e) -> {
        int[] n = new int[dims];
        for (int m = 0; m < dims; m++) {
          n[m] = k[m] + e[m];
        }
        Convolution plan = Convolution.compile(k, st, n);
        Arbitrary<double[]> unit = Arbitraries.doubles().between(-1, 1).array(double[].class)
            .ofSize(plan.filterEntries());
        return Combinators.combine(unit, Arbitraries.doubles().between(-1, 1)
                .array(double[].class).ofSize(plan.inputEntries()))
            .as((w, x) -> new ConvolutionCase(plan, w, x));
      });
    });
  }

  @Property(tries = 60)
  void theDoubleExecutorAgreesWithTheGenericOne(@ForAll("convolutions") ConvolutionCase cc) {
    Convolution plan = cc.plan();
    NumericConvolution c = new NumericConvolution(plan);
    double[] w = cc.w();
    double[] x = cc.x();
    List<Double> generic = plan.apply(DoubleRing.INSTANCE,
        Arrays.stream(w).boxed().toList(), Arrays.stream(x).boxed().toList());
    assertThat(c.apply(w, x)).containsExactly(generic.stream().mapToDouble(Double::doubleValue)
        .toArray());
    for (int o = 0; o < plan.outputEntries(); o++) {
      for (int j = 0; j < plan.filterEntries(); j++) {
        assertThat(c.matrixEntry(x, o, j)).isEqualTo(x[plan.position(o, j)]);
      }
    }
  }

  /**
   * An architecture, the last layer's output shape (1..3 per axis), a Gaussian tuple and a
   * Gaussian input of the end-to-end convolution.
   */
  record LayersCase(Architecture a, int[] outShape, double[] theta, double[] x) {}

  @Provide
  Arbitrary<LayersCase> layerCases() {
    return Arbitraries.integers().between(1, 2).flatMap(dims -> architectures(dims)
        .flatMap(a -> Arbitraries.integers().between(1, 3).array(int[].class).ofSize(dims)
            .flatMap(out -> Combinators.combine(gaussians(a.parameterCount(), 1),
                    gaussians(TrainingData.endToEnd(a, out).inputEntries(), 1))
                .as((theta, x) -> new LayersCase(a, out, theta, x)))));
  }

  @Property(tries = 60)
  void composingLayersIsTheEndToEndConvolution(@ForAll("layerCases") LayersCase c) {
    Architecture a = c.a();
    int[] outShape = c.outShape();
    // layer by layer, from the last layer's output shape back to the input
    int h = a.depth();
    NumericConvolution[] layers = new NumericConvolution[h];
    int[] shape = outShape;
    for (int l = h - 1; l >= 0; l--) {
      layers[l] = NumericConvolution.forOutput(a.size(l), a.stride(l), shape);
      shape = layers[l].inputShape();
    }
    NumericConvolution e2e = TrainingData.endToEnd(a, outShape);
    assertThat(shape).isEqualTo(e2e.inputShape());
    double[] theta = c.theta();
    double[] x = c.x();
    double[] y = x;
    for (int l = 0; l < h; l++) {
      double[] w = java.util.Arrays.copyOfRange(
          theta, a.parameterStart(l), a.parameterStart(l) + a.layerParameters(l));
      y = layers[l].apply(w, y);
    }
    double[] v = NumericMu.of(a).newState().at(theta).mu();
    double[] z = e2e.apply(v, x);
    for (int i = 0; i < z.length; i++) {
      assertThat(y[i]).isCloseTo(z[i], org.assertj.core.data.Offset.offset(1e-10 * (1 + Math.abs(z[i]))));
    }
  }

  @Test
  void readsJsonAndCsv() {
    Architecture a = Architecture.oneDimensional(new int[] {2, 2}, new int[] {2, 1});
    // k = 4, s = 2: d = 2 outputs need 2 * 1 + 4 = 6 inputs
    String json = "{\"X\": [[1,2,3,4,5,6],[0,0,0,0,0,1]], \"Y\": [[1,2],[3,4]]}";
    TrainingData d = TrainingData.fromJson(json, a, "data.json");
    assertThat(d.samples()).isEqualTo(2);
    assertThat(d.convolution().outputShape()).containsExactly(2);
    String csv = "x1,x2,x3,x4,x5,x6,y1,y2\n1,2,3,4,5,6,1,2\n0,0,0,0,0,1,3,4\n";
    TrainingData c = TrainingData.fromCsv(csv, a, "data.csv");
    assertThat(c.x()).isDeepEqualTo(d.x());
    assertThat(c.y()).isDeepEqualTo(d.y());
    assertThatThrownBy(() -> TrainingData.fromJson("{\"X\": [[1,2,3]], \"Y\": [[1,2]]}", a, "f"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("s(d-1)+k");
    assertThatThrownBy(() -> TrainingData.fromJson("{\"X\": [1,2", a, "f"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> TrainingData.fromCsv("1,2,3\n", a, "f"))
        .isInstanceOf(InvalidInputException.class);
  }
}
