package org.lcngeo.symbolic.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/** The {@code fiber} golden cases of shared/examples/paper-cases.json (a copy in the test resources) (Examples 16, 19). */
class PaperCaseFiberTest {
  private static final java.net.URL CASES = PaperCaseFiberTest.class.getResource("/paper-cases.json");
  private static final BigDecimal TOLERANCE = new BigDecimal("1e-35");

  static Stream<JsonNode> cases() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : new ObjectMapper().readTree(CASES).get("cases")) {
      if (c.get("kind").asText().equals("fiber")) {
        out.add(c);
      }
    }
    assertThat(out).extracting(c -> c.get("id").asText())
        .contains("fib_paper_ex16", "fib_paper_ex19");
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGoldenCase(JsonNode c) {
    JsonNode in = c.get("input");
    JsonNode ex = c.get("expected");
    Architecture a = Architecture.of(ints(in.get("filterSizes")), ints(in.get("strides")));
    List<List<BigFraction>> layers = new ArrayList<>();
    for (JsonNode w : in.get("filters")) {
      layers.add(flat(w));
    }
    FilterTuple<BigFraction> generating = FilterTuple.of(a, layers);
    List<BigFraction> v = MuPlan.compile(a).mu(RationalRing.INSTANCE, generating);
    assertThat(v).isEqualTo(flat(ex.get("target")));

    Fiber fiber = Fiber.compute(a, v, flat(in.get("delta")));

    assertThat(fiber.complete()).isTrue();
    Set<String> factors = new HashSet<>();
    for (JsonNode f : ex.get("factorsOverQ")) {
      factors.add(f.get("factor").asText().replace("**", "^").replace(" ", ""));
    }
    assertThat(fiber.enumeration().factors())
        .extracting(f -> f.display().replace(" ", ""))
        .containsExactlyInAnyOrderElementsOf(factors);
    assertThat(fiber.enumeration().factors()).allMatch(f -> f.realCertificate().isPresent());
    assertThat(fiber.points()).hasSize(ex.get("numFiberPoints").asInt());
    assertThat(fiber.genericRank()).isEqualTo(ex.get("genericRank").asInt());
    assertThat(fiber.ntkEqual()).isEqualTo(ex.get("ntkAllEqual").asBoolean());
    assertThat(fiber.tangentSpacesEqual()).isEqualTo(ex.get("tangentSpacesEqual").asBoolean());
    assertThat(fiber.isSingular()).isEqualTo(ex.get("isSingular").asBoolean());

    // the points as a set: match by the rational representative
    Set<List<List<BigFraction>>> seen = new HashSet<>();
    for (JsonNode p : ex.get("points")) {
      List<List<BigFraction>> rep = new ArrayList<>();
      for (JsonNode w : p.get("filtersExact")) {
        rep.add(flat(w));
      }
      Fiber.Point ours = fiber.points().stream()
          .filter(q -> q.representative().layers().equals(rep))
          .findFirst()
          .orElseThrow(() -> new AssertionError("missing point " + rep));
      seen.add(rep);
      assertThat(ours.rank()).isEqualTo(p.get("jacobianRank").asInt());
      FilterTuple<RealAlgebraicNumber> f = ours.rescaled().filters();
      List<String> expectedFilters = new ArrayList<>();
      for (JsonNode w : p.get("filters")) {
        w.forEach(x -> expectedFilters.add(x.asText()));
      }
      List<String> ourFilters = f.flat().stream().map(x -> x.toDecimalString(45)).toList();
      assertClose(ourFilters, expectedFilters);
      List<String> expectedNtk = new ArrayList<>();
      p.get("ntk").forEach(r -> r.forEach(x -> expectedNtk.add(x.asText())));
      List<String> ourNtk = new ArrayList<>();
      ours.ntk().ntkDecimal(45).forEach(ourNtk::addAll);
      assertClose(ourNtk, expectedNtk);
      assertThat(MuPlan.compile(a).mu(RationalRing.INSTANCE, ours.representative())).isEqualTo(v);
    }
    assertThat(seen).hasSize(fiber.points().size());
  }

  private static void assertClose(List<String> ours, List<String> expected) {
    assertThat(ours).hasSameSizeAs(expected);
    for (int i = 0; i < ours.size(); i++) {
      BigDecimal x = new BigDecimal(ours.get(i));
      BigDecimal y = new BigDecimal(expected.get(i));
      BigDecimal scale = y.abs().max(BigDecimal.ONE);
      assertThat(x.subtract(y).abs().divide(scale, MathContext.DECIMAL128))
          .as("entry %d: %s vs %s", i, ours.get(i), expected.get(i))
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }

  static int[][] ints(JsonNode n) {
    int[][] out = new int[n.size()][];
    for (int i = 0; i < n.size(); i++) {
      out[i] = new int[n.get(i).size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = n.get(i).get(j).asInt();
      }
    }
    return out;
  }

  static List<BigFraction> flat(JsonNode n) {
    List<BigFraction> out = new ArrayList<>();
    collect(n, out);
    return out;
  }

  private static void collect(JsonNode n, List<BigFraction> out) {
    if (n.isArray()) {
      n.forEach(x -> collect(x, out));
    } else {
      out.add(Rationals.parse(n.asText()));
    }
  }
}
