package org.lcngeo.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Runs an atlas row's witness with lcn fiber (in-process) and checks that it decides the verdict
 * the row states: a complete fiber over a smooth point whose NTKs agree exactly when the verdict
 * for its kind of invariants (delta = 0: balanced, else generic) is true.
 */
final class WitnessCheck {
  private WitnessCheck() {}

  static void confirm(JsonNode row) {
    String witness = row.get("witness").asText();
    List<String> args = org.lcngeo.cli.CommandLines.split(witness);
    assertThat(args.subList(0, 2)).containsExactly("./lcn", "fiber");
    Run r = Run.of(args.subList(1, args.size()).toArray(new String[0]));
    assertThat(r.code()).as(witness + "\n" + r.err()).isZero();
    JsonNode fiber = r.json();
    boolean balanced = allZero(fiber.get("delta"));
    JsonNode verdict = row.get(balanced ? "balancedIndependent" : "genericIndependent");
    assertThat(verdict.isBoolean()).as("the verdict the witness stands for is decided: " + row).isTrue();
    assertThat(fiber.get("complete").asBoolean()).isTrue();
    assertThat(fiber.get("isSingular").asBoolean()).isFalse();
    assertThat(fiber.get("ntkEqual").asBoolean()).as(witness).isEqualTo(verdict.asBoolean());
  }

  private static boolean allZero(JsonNode delta) {
    for (JsonNode d : delta) {
      if (!d.asText().equals("0")) {
        return false;
      }
    }
    return true;
  }
}
