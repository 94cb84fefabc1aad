package org.lcngeo.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A census killed with SIGKILL in the middle (a child JVM, one thread, killed as soon as its
 * first row is on disk) loses only the architecture in flight: the same command continues it,
 * keeps the rows the killed run wrote, byte for byte, and computes only the others.
 */
class KilledCensusTest {
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void theSameCommandContinuesACensusKilledMidRun(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("census");
    Path dataset = out.resolve("atlas.parquet");
    String[] census = {"atlas", "--max-size", "3", "--max-stride", "2", "--seed", "7",
        "--engine", "threads", "--threads", "1", "--json", "--out", out.toString()};
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Path.of("spark-jvm.options").toAbsolutePath(),
        "-cp", System.getProperty("java.class.path"), AtlasMain.class.getName()));
    cmd.addAll(List.of(census));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile()).start();
    Map<String, byte[]> written;
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (rows(dataset).isEmpty() && child.isAlive() && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(child.isAlive()).as("the census is still running: " + log(tmp)).isTrue();
    } finally {
      child.destroyForcibly(); // SIGKILL
      child.waitFor(60, TimeUnit.SECONDS);
    }
    written = rows(dataset);
    // eight architectures, one thread: the first row is written, the rest in flight or not begun
    assertThat(written).isNotEmpty().hasSizeLessThan(8);

    Run again = Run.of(census);
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("continuing the census")
        .contains("8 architectures, " + (8 - written.size()) + " to do");
    JsonNode result = again.json();
    assertThat(result.get("count").asInt()).isEqualTo(8);
    for (JsonNode r : result.get("architectures")) {
      assertThat(r.get("status").asText()).isEqualTo("complete");
    }
    Map<String, byte[]> after = rows(dataset);
    assertThat(after).hasSize(8);
    for (Map.Entry<String, byte[]> e : written.entrySet()) {
      assertThat(after.get(e.getKey())).as("kept: " + e.getKey()).isEqualTo(e.getValue());
    }
    try (Stream<Path> files = Files.list(dataset)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(name -> name.startsWith("part-"), "no temporary rows left");
    }
  }

  /** The finished rows' files (part-*.parquet), by name. */
  private static Map<String, byte[]> rows(Path dataset) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (!Files.isDirectory(dataset)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dataset)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("part-") && name.endsWith(".parquet")) {
          out.put(name, Files.readAllBytes(p));
        }
      }
    }
    return out;
  }

  private static String log(Path tmp) throws IOException {
    Path log = tmp.resolve("child.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
