package org.lcngeo.numeric.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.numeric.TestResources;

/** The numeric executor agrees with the exact generic executor of the same plan. */
class NumericMuTest {
  /**
   * An architecture (D 1..3, H 1..4, sizes 1..3 (1..2 for D = 3), strides 1..3), an exact tuple of
   * rationals p/q (|p| <= 9, 1 <= q <= 4), and Gaussian theta, x (parameters) and r (outputs).
   */
  record Case(
      Architecture architecture, List<BigFraction> exact, double[] theta, double[] x, double[] r) {
    @Override
    public String toString() {
      return architecture.summary() + " " + exact;
    }
  }

  private static Arbitrary<double[]> gaussians(int n) {
    return Arbitraries.doubles().between(-4, 4).withDistribution(RandomDistribution.gaussian())
        .array(double[].class).ofSize(n);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Architecture> architectures = Combinators.combine(
            Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 4))
        .flatAs((d, h) -> Combinators.combine(
                Arbitraries.integers().between(1, d == 3 ? 2 : 3).array(int[].class).ofSize(d)
                    .array(int[][].class).ofSize(h),
                Arbitraries.integers().between(1, 3).array(int[].class).ofSize(d)
                    .array(int[][].class).ofSize(h))
            .as((k, s) -> {
              int[][] sizes = java.util.Arrays.stream(k).map(int[]::clone).toArray(int[][]::new);
              sizes[0][0] = Math.max(sizes[0][0], 2);
              return Architecture.of(sizes, s);
            }));
    return architectures.flatMap(a -> Combinators.combine(
            Combinators.combine(Arbitraries.integers().between(-9, 9),
                    Arbitraries.integers().between(1, 4)).as(BigFraction::new)
                .list().ofSize(a.parameterCount()),
            gaussians(a.parameterCount()), gaussians(a.parameterCount()),
            gaussians(a.endToEndEntries()))
        .as((exact, theta, x, r) -> new Case(a, exact, theta, x, r)));
  }

  static double[] doubles(List<BigFraction> t) {
    return t.stream().mapToDouble(BigFraction::doubleValue).toArray();
  }

  static void assertClose(double[] actual, List<BigFraction> exact) {
    double scale = 1e-300;
    for (BigFraction e : exact) {
      scale = Math.max(scale, Math.abs(e.doubleValue()));
    }
    assertThat(actual).hasSize(exact.size());
    for (int i = 0; i < actual.length; i++) {
      assertThat(Math.abs(actual[i] - exact.get(i).doubleValue()))
          .as("entry %d", i)
          .isLessThanOrEqualTo(1e-12 * scale);
    }
  }

  static void assertClose(double[][] actual, List<List<BigFraction>> exact) {
    double scale = 1e-300;
    for (List<BigFraction> row : exact) {
      for (BigFraction e : row) {
        scale = Math.max(scale, Math.abs(e.doubleValue()));
      }
    }
    assertThat(actual.length).isEqualTo(exact.size());
    for (int i = 0; i < actual.length; i++) {
      for (int j = 0; j < actual[i].length; j++) {
        assertThat(Math.abs(actual[i][j] - exact.get(i).get(j).doubleValue()))
            .as("entry (%d, %d)", i, j)
            .isLessThanOrEqualTo(1e-12 * scale);
      }
    }
  }

  @Property(tries = 150)
  void agreesWithTheExactExecutor(@ForAll("cases") Case c) {
    Architecture a = c.architecture();
    MuPlan plan = MuPlan.compile(a);
    List<BigFraction> t = c.exact();
    FilterTuple<BigFraction> exact = FilterTuple.fromFlat(a, t);
    MuState s = NumericMu.of(plan).newState().at(doubles(t));
    assertClose(s.mu(), plan.mu(RationalRing.INSTANCE, exact));
    assertClose(s.jacobian(), plan.jacobian(RationalRing.INSTANCE, exact));
    if (plan.outputSize() <= 400) {
      assertClose(s.ntk(), plan.ntk(RationalRing.INSTANCE, exact));
      for (int l = 0; l < a.depth(); l++) {
        assertClose(s.ntkLayer(l), plan.ntkLayer(RationalRing.INSTANCE, exact, l));
      }
    }
    List<BigFraction> delta = exact.invariants(RationalRing.INSTANCE);
    assertClose(NumericMu.of(plan).invariants(doubles(t)), delta);
  }

  @Property(tries = 150)
  void structuredProductsEqualTheDenseJacobian(@ForAll("cases") Case c) {
    Architecture a = c.architecture();
    NumericMu mu = NumericMu.of(a);
    double[] theta = c.theta();
    double[] x = c.x();
    double[] res = c.r();
    MuState s = mu.newState().at(theta);
    double[][] j = s.jacobian();
    double[] jx = new double[res.length];
    double[] jtr = new double[theta.length];
    s.jacobianTimes(x, jx);
    s.jacobianTransposeTimes(res, jtr);
    for (int a0 = 0; a0 < res.length; a0++) {
      double e = 0;
      double sc = 0;
      for (int i = 0; i < theta.length; i++) {
        e += j[a0][i] * x[i];
        sc += Math.abs(j[a0][i] * x[i]);
      }
      assertThat(jx[a0]).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-12 * (1 + sc)));
    }
    for (int i = 0; i < theta.length; i++) {
      double e = 0;
      double sc = 0;
      for (int a0 = 0; a0 < res.length; a0++) {
        e += j[a0][i] * res[a0];
        sc += Math.abs(j[a0][i] * res[a0]);
      }
      assertThat(jtr[i]).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-12 * (1 + sc)));
    }
    double[][] gram = new double[theta.length][theta.length];
    s.jacobianGram(gram);
    for (int i = 0; i < theta.length; i++) {
      for (int k = 0; k < theta.length; k++) {
        double e = 0;
        double sc = 0;
        for (int a0 = 0; a0 < res.length; a0++) {
          e += j[a0][i] * j[a0][k];
          sc += Math.abs(j[a0][i] * j[a0][k]);
        }
        assertThat(gram[i][k]).as("J^T J (%d, %d)", i, k)
            .isCloseTo(e, org.assertj.core.data.Offset.offset(1e-12 * (1 + sc)));
      }
    }
  }

  /** A 2-D (or 1-D) architecture with larger filters and strides, and a Gaussian theta. */
  record Strided(Architecture architecture, double[] theta) {
    @Override
    public String toString() {
      return architecture.summary();
    }
  }

  @Provide
  Arbitrary<Strided> strided() {
    Arbitrary<Architecture> architectures = Combinators.combine(
            Arbitraries.integers().between(1, 2), Arbitraries.integers().between(2, 3))
        .flatAs((d, h) -> Combinators.combine(
                Arbitraries.integers().between(1, d == 1 ? 12 : 5).array(int[].class).ofSize(d)
                    .array(int[][].class).ofSize(h),
                Arbitraries.integers().between(1, 3).array(int[].class).ofSize(d)
                    .array(int[][].class).ofSize(h))
            .as(Architecture::of));
    return architectures.flatMap(a -> gaussians(a.parameterCount()).map(t -> new Strided(a, t)));
  }

  /**
   * J^T J by correlations equals the dense product, with runs of shifts of every length: one shift
   * per run (merge gap 0), split at every gap (1), the default, and one run per pair of layers.
   * The tolerance is twice the rounding bound gamma_n sum |J_ai J_ak| of a sum of n products (both
   * sides round).
   */
  @Property(tries = 60)
  void gramByCorrelationsEqualsTheDenseProduct(@ForAll("strided") Strided c) {
    NumericMu mu = NumericMu.of(c.architecture());
    MuState s = mu.newState().at(c.theta());
    double[][] j = s.jacobian();
    int p = mu.parameterCount();
    int n = mu.outputSize();
    double[][] partial = new double[mu.depth()][];
    for (int l = 0; l < partial.length; l++) {
      partial[l] = s.partialProduct(l);
    }
    // mu and the partial products (suffix products times a layer on their lattices) equal the
    // products over whole extents, bit for bit (the same terms in the same order)
    for (int l = -1; l < mu.depth(); l++) {
      double[] product = new double[n];
      product[0] = 1;
      int extent = 1;
      // in the state's order: the suffix S_{l+1} from the last layer down, then layers 0..l-1
      List<Integer> order = new ArrayList<>();
      for (int i = mu.depth() - 1; i > l; i--) {
        order.add(i);
      }
      for (int i = 0; i < l; i++) {
        order.add(i);
      }
      for (int i : order) {
        double[] next = new double[n];
        extent = mu.multiplyByLayer(product, extent, i, c.theta(), next);
        product = next;
      }
      double[] actual = l < 0 ? s.mu() : partial[l];
      for (int q = 0; q < n; q++) {
        // == (zeros of either sign are equal)
        assertThat(actual[q] == product[q]).as("product without layer %d at %d: %s, %s", l, q,
            actual[q], product[q]).isTrue();
      }
    }
    double u = Math.ulp(1.0) / 2;
    double gamma = n * u / (1 - n * u);
    for (int gap : new int[] {0, 1, GramPlan.MERGE_GAP, 1 << 20}) {
      GramPlan plan = new GramPlan(n, mu.offsets, mu.supports, mu.starts, gap);
      double[][] gram = new double[p][p];
      plan.gram(partial, mu.supports, gram, new double[plan.correlations],
          new double[plan.correlations], new double[plan.splitSize]);
      for (int i = 0; i < p; i++) {
        for (int k = 0; k < p; k++) {
          double e = 0;
          double sc = 0;
          for (int a0 = 0; a0 < n; a0++) {
            e += j[a0][i] * j[a0][k];
            sc += Math.abs(j[a0][i] * j[a0][k]);
          }
          assertThat(gram[i][k]).as("merge gap %d, J^T J (%d, %d)", gap, i, k)
              .isCloseTo(e, org.assertj.core.data.Offset.offset(2 * gamma * sc));
        }
      }
    }
  }

  @Test
  void paperCasesNtk() {
    int seen = 0;
    for (JsonNode c : TestResources.paperCases()) {
      if (!"ntk".equals(c.path("kind").asText())) {
        continue;
      }
      seen++;
      JsonNode in = c.get("input");
      JsonNode ex = c.get("expected");
      assertThat(in.get("dims").intValue()).isEqualTo(1);
      int[][] k = intMatrix(in.get("filterSizes"));
      int[][] s = intMatrix(in.get("strides"));
      Architecture a = Architecture.of(k, s);
      List<BigFraction> theta = new ArrayList<>();
      for (JsonNode layer : in.get("filters")) {
        for (JsonNode e : layer) {
          theta.add(Rationals.parse(e.textValue()));
        }
      }
      MuState st = NumericMu.of(a).newState().at(doubles(theta));
      assertClose(st.mu(), exactVector(ex.get("endToEndFilter")));
      assertClose(st.jacobian(), exactMatrix(ex.get("jacobian")));
      assertClose(st.ntk(), exactMatrix(ex.get("ntk")));
      JsonNode layers = ex.get("ntkLayers");
      for (int l = 0; l < a.depth(); l++) {
        assertClose(st.ntkLayer(l), exactMatrix(layers.get(l)));
      }
    }
    assertThat(seen).isEqualTo(2);
  }

  static int[][] intMatrix(JsonNode o) {
    int[][] m = new int[o.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = new int[o.get(i).size()];
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = o.get(i).get(j).intValue();
      }
    }
    return m;
  }

  static List<BigFraction> exactVector(JsonNode o) {
    List<BigFraction> v = new ArrayList<>();
    o.forEach(x -> v.add(Rationals.parse(x.textValue())));
    return v;
  }

  static List<List<BigFraction>> exactMatrix(JsonNode o) {
    List<List<BigFraction>> m = new ArrayList<>();
    o.forEach(r -> m.add(exactVector(r)));
    return m;
  }
}
