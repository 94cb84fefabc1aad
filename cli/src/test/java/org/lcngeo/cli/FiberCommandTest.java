package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.cli.CommandRun.jsonOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code lcn fiber} against cli.md: fields, the paper's Examples 16 and 19, and bad input. */
class FiberCommandTest {
  @Test
  void example16HasTwoPointsWithDifferentNtks() throws Exception {
    JsonNode j = jsonOf("fiber", "--sizes", "3,2", "--strides", "2,1", "--target", "[2,0,5,0,2]",
        "--json");
    assertThat(j.fieldNames()).toIterable().startsWith(
        "architecture", "target", "delta", "count", "points", "ntkEqual", "complete");
    assertThat(j.get("count").asInt()).isEqualTo(2);
    assertThat(j.get("delta").get(0).asText()).isEqualTo("0");
    assertThat(j.get("ntkEqual").asBoolean()).isFalse();
    assertThat(j.get("complete").asBoolean()).isTrue();
    assertThat(j.get("isSingular").asBoolean()).isTrue();
    Set<String> filters = new HashSet<>();
    for (JsonNode p : j.get("points")) {
      assertThat(p.fieldNames()).toIterable().startsWith(
          "filters", "filtersDecimal", "ntk", "ntkDecimal", "rank");
      assertThat(p.get("rank").asInt()).isEqualTo(4);
      filters.add(p.get("filters").toString());
    }
    assertThat(filters).containsExactlyInAnyOrder(
        "[[\"1\",\"0\",\"2\"],[\"2\",\"1\"]]", "[[\"2\",\"0\",\"1\"],[\"1\",\"2\"]]");
  }

  @Test
  void aTargetOutsideTheNeuromanifoldSaysSoWithItsCertificateAndNoNtkVerdict() throws Exception {
    // 1 + z^3 = (1 + z)(1 - z + z^2): three linear layers cannot take the non-real pair
    JsonNode j = jsonOf("fiber", "--sizes", "2,2,2", "--target", "[1,0,0,1]", "--json");
    assertThat(j.get("count").asInt()).isZero();
    assertThat(j.get("complete").asBoolean()).isTrue();
    assertThat(j.get("inManifold").isBoolean()).isTrue();
    assertThat(j.get("inManifold").asBoolean()).isFalse();
    assertThat(j.get("ntkEqual").isNull()).isTrue();
    assertThat(j.get("isSingular").isNull()).isTrue();
    assertThat(j.get("reason").asText()).contains("outside the neuromanifold", "z0^2 - z0 + 1",
        "non-real");
    String text = CommandRun.of("fiber", "--sizes", "2,2,2", "--target", "[1,0,0,1]").out();
    assertThat(text).contains("in the neuromanifold: false (outside the neuromanifold",
        "NTKs equal: undecided").doesNotContain("NTKs equal: true", "singular: false");
  }

  @Test
  void aTwoDimensionalTargetWhoseFactorsSplitOverROnlyIsComplete() throws Exception {
    // (2 z0^2 - 1)(2 z1^2 - 1): layer 1 takes one root in z0 and one in z1 (4 ordered points)
    JsonNode j = jsonOf("fiber", "--sizes", "2x2,2x2", "--target",
        "[[1,0,-2],[0,0,0],[-2,0,4]]", "--json");
    assertThat(j.get("count").asInt()).isEqualTo(4);
    assertThat(j.get("complete").asBoolean()).isTrue();
    assertThat(j.get("inManifold").asBoolean()).isTrue();
    assertThat(j.get("ntkEqual").isBoolean()).isTrue();
    assertThat(j.get("points").get(0).get("filters").toString()).contains("Sqrt(2)");
  }

  @Test
  void example19HasThreeBalancedPoints() throws Exception {
    JsonNode j = jsonOf("fiber", "--sizes", "3,2", "--target", "[0,1,1,0]", "--json",
        "--digits", "30");
    assertThat(j.get("count").asInt()).isEqualTo(3);
    assertThat(j.get("ntkEqual").asBoolean()).isFalse();
    assertThat(j.get("tangentSpacesEqual").asBoolean()).isTrue();
    Set<String> first = new HashSet<>();
    for (JsonNode p : j.get("points")) {
      first.add(p.get("ntkDecimal").get(0).get(0).asText());
    }
    // 1/sqrt(2) and 2/sqrt(2) = sqrt(2), to 30 digits
    assertThat(first).containsExactlyInAnyOrder(
        "0.707106781186547524400844362105", "1.41421356237309504880168872421");
  }

  @Test
  void irrationalPointsArePrintedExactlyAndAsDecimals() throws Exception {
    // pi = 1 - 2 z^2 = (1 - sqrt2 z)(1 + sqrt2 z) over two layers of size 2
    JsonNode j = jsonOf("fiber", "--sizes", "2,2", "--target", "[1,0,-2]", "--json",
        "--digits", "20");
    assertThat(j.get("count").asInt()).isEqualTo(2);
    assertThat(j.get("complete").asBoolean()).isTrue();
    assertThat(j.has("reason")).isFalse();
    assertThat(j.get("ntkEqual").asBoolean()).isTrue();
    Set<String> slopes = new HashSet<>();
    for (JsonNode p : j.get("points")) {
      assertThat(p.fieldNames()).toIterable().startsWith(
          "filters", "filtersDecimal", "ntk", "ntkDecimal", "rank");
      assertThat(p.get("filters").toString()).contains("Sqrt(2)");
      // balanced: ||w_1||^2 = ||w_2||^2 = 3 already, so lambda = 1 and the filters are (1, +-sqrt 2)
      assertThat(p.get("filtersDecimal").get(0).get(0).asText()).isEqualTo("1");
      slopes.add(p.get("filtersDecimal").get(0).get(1).asText());
      assertThat(p.get("layerPolynomials").toString()).contains("Sqrt(2)");
    }
    assertThat(slopes).containsExactlyInAnyOrder("1.4142135623730950488", "-1.4142135623730950488");
    String text = CommandRun.of("fiber", "--sizes", "2,2", "--target", "[1,0,-2]").out();
    assertThat(text).contains("the complete real fiber").contains("Sqrt(2)");
  }

  @Test
  void deltaWithEqualsAndMinus() throws Exception {
    JsonNode j = jsonOf("fiber", "--sizes", "3,2", "--target", "[0,1,1,0]", "--delta=-1/2",
        "--json");
    assertThat(j.get("delta").get(0).asText()).isEqualTo("-1/2");
    assertThat(j.get("count").asInt()).isEqualTo(3);
  }

  @Test
  void targetOutsideTheNeuromanifoldHasNoPoints() throws Exception {
    // 1 + z^3 has no factor in R[z^2] of degree 2 (layer 2 has dilation 2)
    JsonNode j = jsonOf("fiber", "--sizes", "2,2", "--strides", "2,1", "--target", "[1,0,0,1]",
        "--json");
    assertThat(j.get("count").asInt()).isZero();
    assertThat(j.get("complete").asBoolean()).isTrue();
  }

  @Test
  void textShowsFactoredLayersAndNtk() {
    CommandRun r = CommandRun.of("fiber", "--sizes", "3,2", "--target", "[0,1,1,0]");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("3 points (the complete real fiber)", "layer 1: (z0 + 1) * z0",
        "NTK K^(delta):", "NTKs equal: false");
  }

  @Test
  void badInputIsOneErrorLine() {
    for (String[] args : new String[][] {
      {"fiber", "--sizes", "3,2", "--target", "[0,0,0,0]"},
      {"fiber", "--sizes", "3,2", "--target", "[1,2,3]"},
      {"fiber", "--sizes", "3,2", "--target", "[[1,2],[3,4]]"},
      {"fiber", "--sizes", "3,2"},
      {"fiber", "--sizes", "3,2", "--target", "[1,2,3,4]", "--delta", "1,2"},
      {"fiber", "--sizes", "3,2", "--target", "[1,2,3,4]", "--delta", "x"},
      {"fiber", "--sizes", "201,2", "--target", "[" + "1,".repeat(201) + "1]"},
      // a 27x27 target: dense size 729, beyond the bivariate factoring bound
      {"fiber", "--sizes", "14x14,14x14", "--target",
          "[" + ("[" + "1,".repeat(26) + "1],").repeat(26) + "[" + "1,".repeat(26) + "1]]"},
    }) {
      CommandRun r = CommandRun.of(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("error: ").hasLineCount(1);
    }
  }
}
