package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lcn flow}: the contract's fields, the trajectory file, and bad input. */
class FlowCommandTest {
  static CommandRun lcn(String... args) {
    return CommandRun.of(args);
  }

  static JsonNode json(CommandRun r) throws Exception {
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void generatedDataGiveTheSpecFields(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("trajectory.csv");
    JsonNode j = json(lcn("flow", "--sizes", "3,2", "--strides", "2,1", "--samples", "20",
        "--seed", "3", "--time", "2", "--json", "--csv", csv.toString()));
    assertThat(j.get("architecture").get("dimension").asInt()).isEqualTo(4);
    assertThat(j.get("method").asText()).isEqualTo("bdf");
    assertThat(j.get("status").asText()).isEqualTo("complete");
    assertThat(j.get("functionSpaceReached").asDouble()).isEqualTo(2.0);
    assertThat(j.get("loss").size()).isEqualTo(2);
    assertThat(j.get("loss").get(1).asDouble()).isLessThan(j.get("loss").get(0).asDouble());
    // the default NDF/BDF method keeps delta to the tolerance's level (a multistep method's global
    // error); RODAS4, whose error estimate is pessimistic, keeps it far below (checked below)
    assertThat(j.get("deltaDrift").asDouble()).isLessThan(1e-8);
    assertThat(j.get("gradientNorm").isNumber()).isTrue();
    assertThat(j.get("functionSpaceDeviation").asDouble()).isLessThan(1e-8);
    assertThat(j.get("limit").get("zero").isBoolean()).isTrue();
    assertThat(j.get("limit").get("rank").asInt()).isEqualTo(4);
    assertThat(j.get("limit").get("dimension").asInt()).isEqualTo(4);
    assertThat(j.get("rhsEvaluations").asLong()).isPositive();
    JsonNode f = j.get("filters");
    assertThat(f.size()).isEqualTo(2);
    assertThat(f.get(0).size()).isEqualTo(3);
    assertThat(f.get(1).size()).isEqualTo(2);
    assertThat(f.get(0).get(0).isNumber()).isTrue();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(202);
    assertThat(lines.get(0)).startsWith("t,loss,delta1,theta0");
    try (var files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(1);
    }
    JsonNode ros = json(lcn("flow", "--sizes", "3,2", "--strides", "2,1", "--samples", "20",
        "--seed", "3", "--time", "2", "--json", "--method", "rodas4"));
    assertThat(ros.get("deltaDrift").asDouble()).isLessThan(1e-9);
    assertThat(ros.get("loss").get(1).asDouble())
        .isCloseTo(j.get("loss").get(1).asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(j.get("rhsEvaluations").asLong()).isLessThan(ros.get("rhsEvaluations").asLong());
  }

  @Test
  void decimalFiltersTwoDimensionsAndDop853() throws Exception {
    JsonNode j = json(lcn("flow", "--sizes", "2x2,2x2", "--strides", "2x2,1x1", "--samples", "10",
        "--time", "1", "--method", "dop853", "--filters",
        "[[[0.5,-0.25],[0.1,0.3]],[[1,0.2],[-0.4,0.6]]]", "--json"));
    assertThat(j.get("method").asText()).isEqualTo("dop853");
    assertThat(j.get("filters").get(1).get(1).size()).isEqualTo(2);
    assertThat(j.get("functionSpaceDeviation").asDouble()).isLessThan(1e-6);
    CommandRun text = lcn("flow", "--sizes", "3,2", "--strides", "2,1", "--samples", "5", "--time",
        "0.5", "--method", "gd", "--step", "1e-3");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("loss:").contains("delta drift");
  }

  @Test
  void dataFromAFile(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("d.json");
    // k = 4, s = 2 (sizes 2,2 strides 2,1): two outputs need six inputs
    Files.writeString(data, "{\"X\": [[1,2,3,4,5,6],[0,1,0,0,0,1],[1,0,0,2,0,0]],"
        + " \"Y\": [[1,2],[3,4],[0,1]], \"inits\": [[0.5,0.1,0.3,0.2]]}");
    JsonNode j = json(lcn("flow", "--sizes", "2,2", "--strides", "2,1", "--data", data.toString(),
        "--init-index", "0", "--time", "1", "--json"));
    assertThat(j.get("loss").get(0).asDouble()).isPositive();
  }

  static void assertNumericalFailure(CommandRun r, String message) {
    assertThat(r.code()).isEqualTo(ExitCode.NUMERICAL_FAILURE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: numerical failure: ").contains(message);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  static void assertBadInput(CommandRun r, String message) {
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: ").contains(message);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    assertBadInput(lcn("flow", "--sizes", "3,2", "--samples", "5"), "--time");
    assertBadInput(lcn("flow", "--sizes", "3,2", "--time", "1"), "--samples");
    assertBadInput(lcn("flow", "--sizes", "3,2", "--time", "1", "--samples", "5", "--method",
        "euler"), "--method");
    assertBadInput(lcn("flow", "--sizes", "3,2", "--time", "-1", "--samples", "5"), "--time");
    assertBadInput(lcn("flow", "--sizes", "3,2", "--time", "1", "--samples", "5", "--filters",
        "[[1,2],[3,4]]"), "filter");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"X\": [[1,2,3]");
    assertBadInput(lcn("flow", "--sizes", "3,2", "--time", "1", "--data", bad.toString()),
        "not valid JSON");
    assertBadInput(lcn("flow", "--sizes", "3,2", "--time", "1", "--data", bad.toString(),
        "--samples", "3"), "not both");
    // gradient descent with a step far beyond stability diverges: a numerical failure (exit 4),
    // not bad input, with one clear line and no NaN output
    assertNumericalFailure(lcn("flow", "--sizes", "3,2", "--strides", "2,1", "--time", "50",
        "--samples", "50", "--method", "gd", "--step", "0.5", "--filters", "[[1,2,3],[4,5]]"),
        "diverged");
  }

  /**
   * Issue 5, item 4(b) end to end: the closed form printed by {@code lcn formula --format java}
   * drives the function-space flow and agrees with mu(theta(t)) (a trajectory that stays off the
   * singular locus v1 = v3 = 0, where Ex. 15's chart of the inverse ends).
   */
  @Test
  void closedFormFromLcnFormulaDrivesTheFunctionSpaceFlow(@TempDir Path dir) throws Exception {
    CommandRun formula = CommandRun.of("formula", "--sizes", "3,2", "--strides", "2,1", "--format", "java");
    assertThat(formula.code()).as(formula.err()).isZero();
    Path java = dir.resolve("k.java");
    Files.writeString(java, formula.out());
    JsonNode j = json(lcn("flow", "--sizes", "3,2", "--strides", "2,1", "--samples", "40", "--seed", "2",
        "--time", "3", "--json", "--closed-form", java.toString()));
    assertThat(j.get("functionSpaceDeviation").asDouble()).isLessThan(1e-8);
    Files.writeString(java, "garbage(");
    assertBadInput(lcn("flow", "--sizes", "3,2", "--strides", "2,1", "--samples", "40", "--time", "1",
        "--closed-form", java.toString()), "does not compile");
    assertBadInput(lcn("flow", "--sizes", "3,2", "--strides", "2,1", "--samples", "40", "--time", "1",
        "--closed-form", dir.resolve("missing.java").toString()), "--closed-form");
  }

  /**
   * Ex. 19's architecture from a start whose parameter flow runs into the locus where the two
   * factors share a root (numeric FunctionSpaceFlowTest, seed 28): the function-space flow stalls
   * there, and the output says so instead of passing the run off as complete.
   */
  @Test
  void aStalledFunctionSpaceFlowIsReportedAsStalled() throws Exception {
    CommandRun r = lcn("flow", "--sizes", "3,2", "--strides", "1,1", "--samples", "20", "--seed",
        "28", "--time", "5", "--json", "--filters",
        "[[0.8281691253815544,0.2232504522821962,-0.9264502576642973],"
            + "[-0.5070241200786162,-0.4213902752830748]]");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("status").asText()).isEqualTo("functionSpaceStalled");
    assertThat(j.get("functionSpaceReached").asDouble()).isLessThan(5.0);
    // progress lines ("flow: 50% ...") come first when the run takes more than a second
    assertThat(r.err().lines().filter(l -> !l.startsWith("flow: ")).findFirst())
        .hasValueSatisfying(l -> assertThat(l).startsWith("warning: the function-space flow stalled at t = "));
    // the parameter-space flow itself reached T
    assertThat(j.get("loss").get(1).asDouble()).isLessThan(j.get("loss").get(0).asDouble());
  }
}
