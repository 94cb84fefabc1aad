package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.cli.FlowCommandTest.assertBadInput;
import static org.lcngeo.cli.FlowCommandTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lcn flow --matrices / --widths}: the fully connected flows of eq. 4 and eq. 6. */
class FlowFullyConnectedTest {
  private static CommandRun lcn(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void aBalancedStartFollowsTheBalancedFlowAndExample20DoesNot(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("fc.csv");
    // W_1 = W_2 = diag(1, 2): Delta_1 = 0
    JsonNode b = json(lcn("flow", "--matrices", "[[[1,0],[0,2]],[[1,0],[0,2]]]", "--samples", "10",
        "--time", "1", "--json", "--csv", csv.toString(), "--grid", "20"));
    assertThat(b.get("architecture").get("widths").toString()).isEqualTo("[2,2,2]");
    assertThat(b.get("architecture").get("dimension").asInt()).isEqualTo(4);
    assertThat(b.get("status").asText()).isEqualTo("complete");
    assertThat(b.get("balancedStart").asBoolean()).isTrue();
    assertThat(b.get("loss").size()).isEqualTo(2);
    assertThat(b.get("loss").get(1).asDouble()).isLessThan(b.get("loss").get(0).asDouble());
    assertThat(b.get("deltaDrift").asDouble()).isLessThan(1e-7);
    assertThat(b.get("functionSpaceDeviation").asDouble()).isLessThan(1e-7);
    assertThat(b.get("gradientNorm").isNumber()).isTrue();
    assertThat(b.get("limit").get("rank").asInt()).isEqualTo(4);
    assertThat(b.get("limit").get("zero").isBoolean()).isTrue();
    assertThat(b.get("rhsEvaluations").asLong()).isPositive();
    assertThat(b.get("filters").size()).isEqualTo(2);
    assertThat(b.get("filters").get(1).get(1).size()).isEqualTo(2);
    assertThat(b.get("Delta").get(0).get(1).get(1).asDouble()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(22);
    assertThat(lines.get(0)).isEqualTo(
        "t,loss,deltaDrift,theta0,theta1,theta2,theta3,theta4,theta5,theta6,theta7,"
            + "functionSpaceDeviation");
    // Example 20's V: Delta_1 = diag(0, 15/4), the product does not follow eq. 6
    JsonNode v = json(lcn("flow", "--matrices", "[[[1,0],[0,0.5]],[[1,0],[0,2]]]", "--samples",
        "10", "--time", "1", "--json", "--method", "dop853"));
    assertThat(v.get("balancedStart").asBoolean()).isFalse();
    assertThat(v.get("Delta").get(0).get(1).get(1).asDouble()).isEqualTo(3.75);
    assertThat(v.get("deltaDrift").asDouble()).isLessThan(1e-7);
    assertThat(v.get("functionSpaceDeviation").asDouble()).isGreaterThan(0.1);
  }

  @Test
  void widthsSeededAndDataFromAFile(@TempDir Path dir) throws Exception {
    CommandRun text = lcn("flow", "--widths", "3,2,1", "--samples", "6", "--seed", "4",
        "--time", "0.5", "--method", "rodas4");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("widths (3,2,1)").contains("Delta drift")
        .contains("deviation from the balanced flow");
    assertThat(lcn("flow", "--widths", "3,2,1", "--samples", "6", "--seed", "4", "--time", "0.5",
        "--method", "rodas4").out()).isEqualTo(text.out());
    Path data = dir.resolve("fc.json");
    Files.writeString(data, "{\"X\": [[1,0],[0,1],[1,1]], \"Y\": [[2],[1],[3]]}");
    JsonNode j = json(lcn("flow", "--matrices", "[[[0.5,0.1],[0.2,0.3]],[[1,1]]]", "--data",
        data.toString(), "--time", "2", "--json"));
    // Y = (2, 1) x is realizable: the loss goes to zero
    assertThat(j.get("loss").get(1).asDouble()).isLessThan(1e-2 * j.get("loss").get(0).asDouble());
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    assertBadInput(lcn("flow", "--matrices", "[[[1,0]],[[1,2]]]", "--samples", "5", "--time",
        "1"), "columns");
    assertBadInput(lcn("flow", "--widths", "2,x", "--samples", "5", "--time", "1"), "--widths");
    assertBadInput(lcn("flow", "--widths", "2,2", "--matrices", "[[[1]]]", "--samples", "5",
        "--time", "1"), "not both");
    assertBadInput(lcn("flow", "--widths", "2,2", "--sizes", "2", "--samples", "5", "--time",
        "1"), "fully connected");
    assertBadInput(lcn("flow", "--widths", "2,2", "--time", "1"), "--samples");
    Path data = dir.resolve("fc.json");
    Files.writeString(data, "{\"X\": [[1,0,0]], \"Y\": [[2,1]]}");
    assertBadInput(lcn("flow", "--widths", "2,2", "--data", data.toString(), "--time", "1"),
        "each sample needs 2");
  }
}
