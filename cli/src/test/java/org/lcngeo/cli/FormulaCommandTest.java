package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.cli.CommandRun.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaCommandTest {
  @Test
  void example15Json() {
    CommandRun r = CommandRun.of("formula", "--sizes", "3,2", "--strides", "2,1", "--json");
    assertThat(r.code()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("architecture").get("dimension").asInt()).isEqualTo(4);
    assertThat(j.get("parameters").toString())
        .isEqualTo("[\"a0\",\"a1\",\"a2\",\"b0\",\"b1\"]");
    assertThat(strings(j.get("blocks").get(0)))
        .containsExactly(
            List.of("b0^2", "0", "b0*b1", "0", "0"),
            List.of("0", "b0^2", "0", "b0*b1", "0"),
            List.of("b0*b1", "0", "b0^2 + b1^2", "0", "b0*b1"),
            List.of("0", "b0*b1", "0", "b1^2", "0"),
            List.of("0", "0", "b0*b1", "0", "b1^2"));
    assertThat(j.get("ntk").get(2).get(2).asText()).isEqualTo("a0^2 + a2^2 + b0^2 + b1^2");
    assertThat(j.get("inverse").get("filters").toString())
        .isEqualTo("[[\"v0/v1\",\"1\",\"v4/v3\"],[\"v1\",\"v3\"]]");
    assertThat(j.get("ntkOfV").get(0).get(1).asText()).isEqualTo("lambda2*(v0/v1)");
    assertThat(j.get("ntkOfVScalar").get("symbol").asText()).isEqualTo("lambda2");
    assertThat(j.get("lambdaSquared").asText()).contains("Sqrt(delta^2 + 4*");
  }

  @Test
  void latexAndJava() {
    CommandRun latex = CommandRun.of("formula", "--sizes", "3,2", "--strides", "2,1", "--format", "latex");
    assertThat(latex.code()).isZero();
    assertThat(latex.out()).contains("\\begin{pmatrix}", "b_{0}^{2}", "\\lambda^{2}", "\\sqrt{");
    CommandRun java =
        CommandRun.of("formula", "--sizes", "3,2", "--strides", "2,1", "--format", "java", "--delta", "1/2");
    assertThat(java.code()).isZero();
    assertThat(java.out())
        .contains("implements org.lcngeo.core.plan.NtkOfV", "double offset2 = (1.0/2.0);", "return k;");
  }

  /** Issue 13: Cor. 10's condition is sufficient, not necessary: mu(a, b) = a b^T is one-to-one. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"2x1,1x2", "2x1,2x2", "2x1x1,1x2x2"})
  void oneToOneBeyondCorollary10(String sizes) {
    CommandRun r = CommandRun.of("formula", "--sizes", sizes, "--json");
    assertThat(r.code()).isZero();
    assertThat(r.json().get("genericallyOneToOne").asBoolean()).isTrue();
    assertThat(r.json().has("inverse")).isTrue();
    assertThat(r.json().has("ntkOfV")).isTrue();
  }

  @Test
  void notOneToOneHasNoInverse() {
    CommandRun r = CommandRun.of("formula", "--sizes", "3,2", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.json().get("genericallyOneToOne").asBoolean()).isFalse();
    assertThat(r.json().has("inverse")).isFalse();
    assertThat(r.json().has("ntkOfV")).isFalse();
    assertThat(r.json().get("missing").get("inverse").asText()).contains("exchange roots", "Ex. 19");
    CommandRun java = CommandRun.of("formula", "--sizes", "3,2", "--format", "java");
    assertThat(java.code()).isEqualTo(2);
    assertThat(java.out()).isEmpty();
  }

  @Test
  void help() {
    CommandRun r = CommandRun.of("formula", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--delta", "--format", "--timeout", "--no-inverse");
    CommandRun m = CommandRun.of("manifold", "--help");
    assertThat(m.code()).isZero();
    assertThat(m.out()).contains("--format", "macaulay2");
  }

  @Test
  void badInput() {
    CommandRun big = CommandRun.of("formula", "--sizes", "40,40");
    assertThat(big.code()).isEqualTo(2);
    assertThat(big.out()).isEmpty();
    assertThat(big.err()).startsWith("error: ").contains("too large to print");
    CommandRun delta = CommandRun.of("formula", "--sizes", "3,2", "--strides", "2,1", "--delta", "x");
    assertThat(delta.code()).isEqualTo(2);
    assertThat(delta.err()).startsWith("error: --delta");
    CommandRun symbol =
        CommandRun.of("formula", "--sizes", "2,2,2", "--strides", "2,2,1", "--delta", "d1,d3");
    assertThat(symbol.code()).isEqualTo(2);
    assertThat(symbol.err()).contains("d3 names no invariant");
  }

  /** Without the inverse (time limit or bound) the rest is printed and the missing part named. */
  @Test
  void missingInverseIsNamedAndTheRestPrinted() {
    CommandRun r =
        CommandRun.of("formula", "--sizes", "3x3,2x2", "--timeout", "1", "--json");
    assertThat(r.json().get("blocks").size()).isEqualTo(2);
    if (r.json().has("inverse")) {
      assertThat(r.code()).isZero();
    } else {
      assertThat(r.code()).isEqualTo(3);
      assertThat(r.json().get("stopped").asText()).isEqualTo("timeout");
      assertThat(r.json().get("missing").get("inverse").asText()).contains("time limit");
    }
  }

  /**
   * Issue 10, item 4: when the inverse map is cut off by the time limit, the NTK and its blocks
   * are still printed, the missing parts are named, and the exit status is 3.
   */
  @Test
  void inverseCutOffByTheTimeLimitStillPrintsTheNtk() {
    CommandRun r =
        CommandRun.of("formula", "--sizes", "2x2,2x3", "--timeout", "2", "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    JsonNode j = r.json();
    assertThat(j.get("complete").asBoolean(true)).isFalse();
    assertThat(j.get("stopped").asText()).isEqualTo("timeout");
    assertThat(j.get("blocks").size()).isEqualTo(2);
    assertThat(j.get("ntk").size()).isEqualTo(12);
    assertThat(j.get("missing").has("ntkOfV")).isTrue();
    assertThat(r.err().strip().lines()).last().asString().contains("stopped", "time limit");
    CommandRun text = CommandRun.of("formula", "--sizes", "2x2,2x3", "--timeout", "2");
    assertThat(text.code()).isEqualTo(3);
    assertThat(text.out()).contains("ntk = ", "K2 = ", "not computed: ntkOfV", "(* stopped: ");
    CommandRun only =
        CommandRun.of("formula", "--sizes", "2x2,2x3", "--no-inverse", "--json");
    assertThat(only.code()).isZero();
    assertThat(only.json().get("blocks").size()).isEqualTo(2);
  }

  /**
   * (5,5,5)/(2,2,1): the interpolation ends by its work bound (not by a share of the time left),
   * so the nested determinant form is printed, with K^(delta)(v) as the composition, whatever the
   * load; the 1-D architectures the interpolation inverts keep their rational inverse maps.
   */
  @Test
  void nestedDeterminantsWhereTheInterpolationReachesItsWorkBound() {
    JsonNode j = CommandRun.jsonOf("formula", "--sizes", "5,5,5", "--strides", "2,2,1", "--json");
    assertThat(j.has("missing")).isFalse();
    assertThat(j.get("inverse").get("form").asText()).startsWith("nested determinants");
    assertThat(j.get("ntkOfV").get("form").asText()).startsWith("composition");
    assertThat(j.get("ntkOfV").has("reason")).isFalse();
    JsonNode rational = CommandRun.jsonOf("formula", "--sizes", "3,3,2", "--strides", "2,2,1", "--json");
    assertThat(rational.get("inverse").has("form")).isFalse();
    assertThat(rational.get("ntkOfV").isArray()).isTrue();
  }
}
