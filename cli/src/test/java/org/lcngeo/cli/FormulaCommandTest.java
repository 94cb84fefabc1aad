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

  @Test
  void notOneToOneHasNoInverse() {
    CommandRun r = CommandRun.of("formula", "--sizes", "3,2", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.json().get("genericallyOneToOne").asBoolean()).isFalse();
    assertThat(r.json().has("inverse")).isFalse();
    assertThat(r.json().has("ntkOfV")).isFalse();
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

  @Test
  void eliminationBoundIsAClearError() {
    CommandRun r =
        CommandRun.of("formula", "--sizes", "2x2,2x3", "--timeout", "2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: ").contains("--no-inverse");
    CommandRun only =
        CommandRun.of("formula", "--sizes", "2x2,2x3", "--no-inverse", "--json");
    assertThat(only.code()).isZero();
    assertThat(only.json().get("blocks").size()).isEqualTo(2);
  }
}
