package org.lcngeo.numeric.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.plan.Convolution;
import org.lcngeo.numeric.ntk.NumericMu;

/** The data loss and its reduction to filters; the convolution of eq. 10; data files. */
class QuadraticLossTest {
  static Architecture random(Random r, int dims) {
    int h = 1 + r.nextInt(3);
    int[][] k = new int[h][dims];
    int[][] s = new int[h][dims];
    for (int l = 0; l < h; l++) {
      for (int m = 0; m < dims; m++) {
        k[l][m] = 1 + r.nextInt(3);
        s[l][m] = 1 + r.nextInt(3);
      }
    }
    return Architecture.of(k, s);
  }

  /** The loss run on the data (M v, M^T r, (M J)^T (M J)) equals the loss run on A. */
  @Property(tries = 60)
  void theLossOnTheDataEqualsTheLossOnA(
      @ForAll @IntRange(min = 1, max = 2) int dims, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    Random r = new Random(seed);
    Architecture a = random(r, dims);
    int[] out = new int[dims];
    for (int m = 0; m < dims; m++) {
      out[m] = 1 + r.nextInt(4);
    }
    TrainingData d = TrainingData.generate(a, 1 + r.nextInt(6), out, seed, 0.3);
    QuadraticLoss onA = new QuadraticLoss(d, false);
    QuadraticLoss onData = new QuadraticLoss(d, true);
    int n = onA.size();
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(4) == 0 ? 0 : 2 * r.nextGaussian();
    }
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
    int p = 1 + r.nextInt(5);
    double[][] jac = new double[n][p];
    for (double[] row : jac) {
      for (int j = 0; j < p; j++) {
        row[j] = r.nextInt(3) == 0 ? 0 : r.nextGaussian();
      }
    }
    double[][] h1 = new double[p][p];
    double[][] h2 = new double[p][p];
    onA.gaussNewton(jac, h1);
    onData.gaussNewton(jac, h2);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        assertThat(h2[i][j]).isCloseTo(h1[i][j],
            org.assertj.core.data.Offset.offset(1e-10 * (1 + Math.abs(h1[i][i]) + Math.abs(h1[j][j]))));
      }
      assertThat(h1[i][i]).isGreaterThanOrEqualTo(-1e-10 * (1 + Math.abs(h1[i][i])));
    }
  }

  @Property(tries = 60)
  void reductionEqualsTheDataLoss(
      @ForAll @IntRange(min = 1, max = 2) int dims, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    Random r = new Random(seed);
    Architecture a = random(r, dims);
    int[] out = new int[dims];
    for (int m = 0; m < dims; m++) {
      out[m] = 1 + r.nextInt(4);
    }
    TrainingData d = TrainingData.generate(a, 1 + r.nextInt(6), out, seed, 0.3);
    QuadraticLoss loss = new QuadraticLoss(d);
    double[] v = new double[loss.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = 2 * r.nextGaussian();
    }
    double direct = loss.dataLoss(v);
    assertThat(loss.value(v)).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-9 * (1 + direct)));
    // the gradient is 2(Av - b): compare with central differences of the data loss
    double[] g = new double[v.length];
    loss.gradient(v, g);
    for (int i = 0; i < v.length; i++) {
      double h = 1e-5;
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
  @Property(tries = 60)
  void theDoubleExecutorAgreesWithTheGenericOne(
      @ForAll @IntRange(min = 1, max = 3) int dims, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    Random r = new Random(seed);
    int[] k = new int[dims];
    int[] s = new int[dims];
    int[] n = new int[dims];
    for (int m = 0; m < dims; m++) {
      k[m] = 1 + r.nextInt(3);
      s[m] = 1 + r.nextInt(3);
      n[m] = k[m] + r.nextInt(6);
    }
    Convolution plan = Convolution.compile(k, s, n);
    NumericConvolution c = new NumericConvolution(plan);
    double[] w = r.doubles(plan.filterEntries()).map(x -> 2 * x - 1).toArray();
    double[] x = r.doubles(plan.inputEntries()).map(v -> 2 * v - 1).toArray();
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

  @Property(tries = 60)
  void composingLayersIsTheEndToEndConvolution(
      @ForAll @IntRange(min = 1, max = 2) int dims, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    Random r = new Random(seed);
    Architecture a = random(r, dims);
    int[] outShape = new int[dims];
    for (int m = 0; m < dims; m++) {
      outShape[m] = 1 + r.nextInt(3);
    }
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
    double[] theta = new double[a.parameterCount()];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = r.nextGaussian();
    }
    double[] x = new double[e2e.inputEntries()];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
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
