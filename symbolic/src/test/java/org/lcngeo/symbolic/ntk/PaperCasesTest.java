package org.lcngeo.symbolic.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.model.FullyConnectedNetwork;
import org.lcngeo.core.plan.FullyConnectedPlan;

/**
 * The golden cases of shared/examples/paper-cases.json (a copy in the test resources; schema in
 * the README beside the original): every {@code ntk} and {@code fc} case must hold exactly.
 */
class PaperCasesTest {
  private static final RationalRing Q = RationalRing.INSTANCE;

  static JsonNode cases() throws IOException {
    try (InputStream in = PaperCasesTest.class.getResourceAsStream("/paper-cases.json")) {
      return new ObjectMapper().readTree(in).get("cases");
    }
  }

  static Stream<JsonNode> casesOfKind(String kind) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    cases().forEach(c -> {
      if (c.get("kind").asText().equals(kind)) {
        out.add(c);
      }
    });
    return out.stream();
  }

  static Stream<JsonNode> ntkCases() throws IOException {
    return casesOfKind("ntk");
  }

  static Stream<JsonNode> fcCases() throws IOException {
    return casesOfKind("fc");
  }

  @Test
  void everyKindWeOwnIsPresent() throws IOException {
    assertThat(ntkCases().count()).isEqualTo(2);
    assertThat(fcCases().count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ntkCases")
  void ntkCase(JsonNode c) {
    JsonNode in = c.get("input");
    JsonNode ex = c.get("expected");
    Architecture a = Architecture.of(ints2(in.get("filterSizes")), ints2(in.get("strides")));
    List<List<BigFraction>> layers = new ArrayList<>();
    in.get("filters").forEach(f -> layers.add(flatten(f)));
    FilterTuple<BigFraction> theta = FilterTuple.of(a, layers);
    ExactNtk e = ExactNtk.of(theta);

    for (int l = 0; l < a.depth(); l++) {
      assertThat(a.dilation(l)).isEqualTo(ints(ex.get("t").get(l)));
      assertThat(theta.squaredNorm(Q, l)).isEqualTo(q(ex.get("squaredNorms").get(l)));
    }
    assertThat(a.endToEndStride()).isEqualTo(ints(ex.get("totalStride")));
    assertThat(a.endToEndSize()).isEqualTo(ints(ex.get("endToEndSize")));
    assertThat(a.parameterCount()).isEqualTo(ex.get("numParameters").asInt());
    assertThat(e.endToEnd()).isEqualTo(flatten(ex.get("endToEndFilter")));
    assertThat(e.invariants()).isEqualTo(flatten(ex.get("deltas")));
    assertThat(e.jacobian()).isEqualTo(matrix(ex.get("jacobian")));
    assertThat(e.rank()).isEqualTo(ex.get("jacobianRank").asInt());
    for (int l = 0; l < a.depth(); l++) {
      assertThat(e.layerKernel(l).toFractions()).isEqualTo(matrix(ex.get("ntkLayers").get(l)));
    }
    assertThat(e.ntk().toFractions()).isEqualTo(matrix(ex.get("ntk")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fcCases")
  void fullyConnectedCase(JsonNode c) {
    JsonNode in = c.get("input");
    JsonNode ex = c.get("expected");
    List<List<List<BigFraction>>> wa = matrices(in.get("matricesA"));
    List<List<List<BigFraction>>> wb = matrices(in.get("matricesB"));
    FullyConnectedNetwork net = FullyConnectedNetwork.ofMatrices(wa);
    assertThat(net.widths()).isEqualTo(ints(in.get("dims")));
    FullyConnectedPlan plan = FullyConnectedPlan.of(net);
    List<List<BigFraction>> z = matrix(in.get("Z"));
    for (String s : new String[] {"A", "B"}) {
      List<List<List<BigFraction>>> w = s.equals("A") ? wa : wb;
      assertThat(plan.product(Q, w)).isEqualTo(matrix(ex.get("product" + s)));
      assertThat(plan.deltas(Q, w)).isEqualTo(matrices(ex.get("deltas" + s)));
      assertThat(plan.ntk(Q, w)).isEqualTo(matrix(ex.get("ntk" + s)));
      assertThat(plan.apply(Q, w, z)).isEqualTo(matrix(ex.get("ntkApplied" + s)));
      boolean balanced = plan.deltas(Q, w).stream()
          .allMatch(m -> m.stream().allMatch(r -> r.stream().allMatch(x -> Q.isZero(x))));
      assertThat(balanced).isEqualTo(ex.get("balanced" + s).asBoolean());
    }
    assertThat(plan.product(Q, wa).equals(plan.product(Q, wb)))
        .isEqualTo(ex.get("productsEqual").asBoolean());
    assertThat(plan.deltas(Q, wa).equals(plan.deltas(Q, wb)))
        .isEqualTo(ex.get("deltasEqual").asBoolean());
    assertThat(plan.ntk(Q, wa).equals(plan.ntk(Q, wb))).isEqualTo(ex.get("ntkEqual").asBoolean());
  }

  static BigFraction q(JsonNode n) {
    return Rationals.parse(n.asText());
  }

  static List<BigFraction> flatten(JsonNode n) {
    List<BigFraction> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.addAll(flatten(x)));
    } else {
      out.add(q(n));
    }
    return out;
  }

  static List<List<BigFraction>> matrix(JsonNode n) {
    List<List<BigFraction>> out = new ArrayList<>();
    n.forEach(r -> out.add(flatten(r)));
    return out;
  }

  static List<List<List<BigFraction>>> matrices(JsonNode n) {
    List<List<List<BigFraction>>> out = new ArrayList<>();
    n.forEach(m -> out.add(matrix(m)));
    return out;
  }

  static int[] ints(JsonNode n) {
    int[] out = new int[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).asInt();
    }
    return out;
  }

  static int[][] ints2(JsonNode n) {
    int[][] out = new int[n.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = ints(n.get(i));
    }
    return out;
  }
}
