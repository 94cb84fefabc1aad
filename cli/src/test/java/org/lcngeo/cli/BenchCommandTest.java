package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lcn bench ntk}: the digests recorded in a workload are checked, and a mismatch fails. */
class BenchCommandTest {
  static Path workload(Path dir, String replaceFrom, String replaceTo) throws Exception {
    String text;
    try (var in = BenchCommandTest.class.getResourceAsStream("/W1.json")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Path p = dir.resolve("W1.json");
    Files.writeString(p, text.replace(replaceFrom, replaceTo));
    return p;
  }

  @Test
  void w1MatchesItsDigests(@TempDir Path dir) throws Exception {
    Path p = workload(dir, "", "");
    CommandRun r =
        CommandRun.of("bench", "ntk", p.toString(), "--runs", "3", "--warmup", "1", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode w = new ObjectMapper().readTree(r.out()).get("workloads").get(0);
    assertThat(w.get("ok").asBoolean()).isTrue();
    assertThat(w.get("checks").size()).isEqualTo(8);
    assertThat(w.get("ntkSize").asInt()).isEqualTo(225);
    assertThat(w.get("rank").asInt()).isEqualTo(25);
  }

  @Test
  void aWrongDigestFails(@TempDir Path dir) throws Exception {
    Path p = workload(dir, "\"K_trace\": 46710", "\"K_trace\": 46711");
    CommandRun r =
        CommandRun.of("bench", "ntk", p.toString(), "--runs", "1", "--warmup", "0");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("K_trace=false", "FAILED");
    assertThat(r.err()).startsWith("error: ");
  }

  @Test
  void aMissingFileIsBadInput(@TempDir Path dir) {
    CommandRun r = CommandRun.of("bench", "ntk", dir.resolve("none.json").toString());
    NtkCommandTest.assertBadInput(r, "no such workload file");
  }
}
