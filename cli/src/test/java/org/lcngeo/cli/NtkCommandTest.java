package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.cli.CommandRun.jsonOf;
import static org.lcngeo.cli.CommandRun.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lcn ntk} against cli.md: fields, values of the paper's examples, and bad input. */
class NtkCommandTest {
  @Test
  void example16Json() throws Exception {
    JsonNode j = jsonOf("ntk", "--sizes", "3,2", "--strides", "2,1", "--filters", "[[1,0,2],[2,1]]",
        "--json");
    assertThat(j.fieldNames()).toIterable().containsExactly(
        "architecture", "filters", "filtersDecimal", "endToEnd", "delta", "ntk", "ntkDecimal",
        "rank");
    assertThat(j.get("architecture").get("dimension").asInt()).isEqualTo(4);
    assertThat(j.get("filters").toString()).isEqualTo("[[\"1\",\"0\",\"2\"],[\"2\",\"1\"]]");
    assertThat(j.get("filtersDecimal").get(0).get(2).asText()).isEqualTo("2");
    assertThat(j.get("endToEnd").toString()).isEqualTo("[\"2\",\"0\",\"5\",\"0\",\"2\"]");
    assertThat(j.get("delta").toString()).isEqualTo("[\"0\"]");
    assertThat(strings(j.get("ntk"))).containsExactly(
        List.of("5", "0", "4", "0", "0"),
        List.of("0", "4", "0", "2", "0"),
        List.of("4", "0", "10", "0", "4"),
        List.of("0", "2", "0", "1", "0"),
        List.of("0", "0", "4", "0", "5"));
    assertThat(j.get("ntkDecimal").get(2).get(2).asText()).isEqualTo("10");
    assertThat(j.get("rank").asInt()).isEqualTo(4);
  }

  @Test
  void rationalAndDecimalFiltersIn2d() throws Exception {
    JsonNode j = jsonOf("ntk", "--sizes", "2x2", "--filters", "[[[\"1/3\", 0.5],[2, \"-1\"]]]",
        "--json", "--digits", "5");
    assertThat(j.get("filters").get(0).toString()).isEqualTo("[[\"1/3\",\"1/2\"],[\"2\",\"-1\"]]");
    assertThat(j.get("filtersDecimal").get(0).get(0).get(0).asText()).isEqualTo("0.33333");
    // H = 1: J is the identity, K = I, no invariants
    assertThat(j.get("delta").size()).isZero();
    assertThat(j.get("ntk").get(0).toString()).isEqualTo("[\"1\",\"0\",\"0\",\"0\"]");
    assertThat(j.get("rank").asInt()).isEqualTo(4);
  }

  @Test
  void example16Text() {
    CommandRun r = CommandRun.of("ntk", "--sizes", "3,2", "--strides", "2,1", "--filters", "[[2,0,1],[1,2]]");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("H=2", "end-to-end filter: [2, 0, 5, 0, 2]", "rank of J: 4")
        .contains("  [ 0   1   0   2   0]\n"); // row 2 of K at Example 16's second point
  }

  @Test
  void example20FullyConnected() throws Exception {
    JsonNode j = jsonOf("ntk", "--matrices", "[[[1,0],[0,\"1/2\"]],[[1,0],[0,2]]]", "--json");
    assertThat(j.has("ntk") && j.has("ntkDecimal") && j.has("rank") && j.has("product")
        && j.has("Delta") && j.has("architecture")).isTrue();
    assertThat(j.get("architecture").get("widths").toString()).isEqualTo("[2,2,2]");
    assertThat(j.get("architecture").get("dimension").asInt()).isEqualTo(4);
    assertThat(strings(j.get("product"))).containsExactly(List.of("1", "0"), List.of("0", "1"));
    assertThat(strings(j.get("Delta").get(0))).containsExactly(
        List.of("0", "0"), List.of("0", "15/4"));
    assertThat(strings(j.get("ntk"))).containsExactly(
        List.of("2", "0", "0", "0"),
        List.of("0", "5/4", "0", "0"),
        List.of("0", "0", "5", "0"),
        List.of("0", "0", "0", "17/4"));
    assertThat(j.get("ntkDecimal").get(1).get(1).asText()).isEqualTo("1.25");
    assertThat(j.get("rank").asInt()).isEqualTo(4);
  }

  @Test
  void fullyConnectedText() {
    CommandRun r = CommandRun.of("ntk", "--matrices", "[[[0,1],[\"1/2\",0]],[[0,2],[1,0]]]");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("fully connected", "Delta_1", "15/4", "17/4", "rank of J: 4");
  }

  static void assertBadInput(CommandRun r, String... fragments) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: ").endsWith("\n");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains(fragments);
  }

  @Test
  void wrongFilterShape() {
    assertBadInput(CommandRun.of("ntk", "--sizes", "3,2", "--filters", "[[1,0],[2,1]]"),
        "layer 1", "shape 2", "size 3");
    assertBadInput(CommandRun.of("ntk", "--sizes", "2x2", "--filters", "[[1,2,3,4]]"), "--filters");
    assertBadInput(CommandRun.of("ntk", "--sizes", "3,2", "--filters", "[[1,0,2]]"), "2 filters");
  }

  @Test
  void layersOfDifferentDimension() {
    assertBadInput(CommandRun.of("ntk", "--sizes", "3x3,2", "--filters", "[[[1]],[1]]"),
        "layer 2", "1-dimensional", "2-dimensional");
  }

  @Test
  void sizesAndStridesBelowOne() {
    assertBadInput(CommandRun.of("ntk", "--sizes", "0,2", "--filters", "[[],[1,2]]"), "less than 1");
    assertBadInput(CommandRun.of("ntk", "--sizes", "3,2", "--strides", "0,1", "--filters", "[[1,0,2],[2,1]]"),
        "stride 0 is less than 1");
    assertBadInput(CommandRun.of("ntk", "--sizes", "3,-2", "--filters", "[[1,0,2],[2,1]]"), "less than 1");
  }

  @Test
  void malformedJson() {
    assertBadInput(CommandRun.of("ntk", "--sizes", "3,2", "--filters", "[[1,0,2],[2,1]"), "not valid JSON");
    assertBadInput(CommandRun.of("ntk", "--matrices", "[[[1,0],[0,1]]"), "not valid JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2/0", "abc", "1e", "0x10", "1/2/3", "Sqrt(2)", "", " "})
  void malformedNumbers(String literal) {
    String json = "[[1,0,\"" + literal + "\"],[2,1]]";
    assertBadInput(CommandRun.of("ntk", "--sizes", "3,2", "--filters", json), "layer 1");
    assertBadInput(CommandRun.of("ntk", "--matrices", "[[[\"" + literal + "\"]]]"), "W_1");
  }

  @Test
  void bareMalformedNumbersAreNotJson() {
    assertBadInput(CommandRun.of("ntk", "--sizes", "1", "--filters", "[[1e]]"), "not valid JSON");
    assertBadInput(CommandRun.of("ntk", "--sizes", "1", "--filters", "[[0x10]]"), "not valid JSON");
  }

  @Test
  void mismatchedMatrixShapes() {
    assertBadInput(CommandRun.of("ntk", "--matrices", "[[[1,0],[0,1]],[[1,0,0],[0,1,0]]]"),
        "W_2 has 3 columns but W_1 has 2 rows");
    assertBadInput(CommandRun.of("ntk", "--matrices", "[[[1,0],[0]]]"), "ragged");
    assertBadInput(CommandRun.of("ntk", "--matrices", "[[1,2]]"), "W_1");
    assertBadInput(CommandRun.of("ntk", "--matrices", "[]"), "--matrices");
  }

  @Test
  void ntkTooLarge() {
    assertBadInput(CommandRun.of("ntk", "--sizes", "100x100,100x100", "--filters", "[]"),
        "the NTK would be 39601x39601");
    StringBuilder row = new StringBuilder("[0");
    row.append(",0".repeat(69)).append(']');
    StringBuilder m = new StringBuilder("[[").append(row);
    m.append((',' + row.toString()).repeat(69)).append("]]");
    assertBadInput(CommandRun.of("ntk", "--matrices", m.toString()), "the NTK would be 4900x4900");
  }

  @Test
  void usageErrors() {
    assertBadInput(CommandRun.of("ntk", "--sizes", "3,2", "--strides", "2,1"), "--filters is required");
    assertBadInput(CommandRun.of("ntk", "--filters", "[[1]]"), "--sizes is required");
    assertBadInput(CommandRun.of("ntk", "--sizes", "2", "--matrices", "[[[1]]]"), "--matrices");
    assertBadInput(CommandRun.of("ntk", "--no-such-option"), "no-such-option");
  }

  /** The golden case nd_paper_ex15_delta3: Ex. 15's tuple rescaled to delta = 3. */
  @Test
  void deltaRescalesExactly() throws Exception {
    JsonNode j = jsonOf("ntk", "--sizes", "3,2", "--strides", "2,1", "--filters", "[[1,0,2],[2,1]]",
        "--delta", "3", "--digits", "40", "--json");
    assertThat(j.get("delta").toString()).isEqualTo("[\"3\"]");
    assertThat(j.get("ntk").get(2).get(2).asText()).isEqualTo("Sqrt(109)");
    assertThat(j.get("ntkDecimal").get(0).get(0).asText())
        .isEqualTo("6.120153254455275089878877011274023839145");
    assertThat(j.get("filtersDecimal").get(1).get(0).asText())
        .isEqualTo("2.318646718144922584079947588989020274055");
    assertThat(j.get("rank").asInt()).isEqualTo(4);
  }

  @Test
  void example19BalancedNtkIsOneOverSqrt2TimesThePaperMatrix() throws Exception {
    JsonNode j = jsonOf("ntk", "--sizes", "3,2", "--filters", "[[0,1,0],[1,1]]", "--delta=0",
        "--json");
    assertThat(strings(j.get("ntk"))).containsExactly(
        List.of("Sqrt(2)/2", "Sqrt(2)/2", "0", "0"),
        List.of("Sqrt(2)/2", "2*Sqrt(2)", "Sqrt(2)/2", "0"),
        List.of("0", "Sqrt(2)/2", "2*Sqrt(2)", "Sqrt(2)/2"),
        List.of("0", "0", "Sqrt(2)/2", "Sqrt(2)/2"));
  }

  @Test
  void deltaBadInput() {
    String[] base = {"ntk", "--sizes", "3,2,2", "--filters", "[[1,0,2],[2,1],[1,1]]"};
    assertBadInput(CommandRun.of(concat(base, "--delta", "1,2,3")), "--delta needs 1 or 2 values");
    assertBadInput(CommandRun.of(concat(base, "--delta", "1/0")), "zero denominator");
    assertBadInput(CommandRun.of(concat(base, "--delta", "x")), "not a rational");
    assertBadInput(
        CommandRun.of("ntk", "--sizes", "3,2", "--filters", "[[0,0,0],[2,1]]", "--delta", "0"),
        "non-zero filters");
  }

  private static String[] concat(String[] a, String... b) {
    String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
