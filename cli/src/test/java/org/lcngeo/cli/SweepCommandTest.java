package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.cli.FlowCommandTest.assertBadInput;
import static org.lcngeo.cli.FlowCommandTest.json;
import static org.lcngeo.cli.FlowCommandTest.lcn;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lcn sweep}: the contract's fields, the run log and its resumption, bad input. */
class SweepCommandTest {
  static final String[] ARCH = {"--sizes", "3,2", "--strides", "2,1"};

  static String[] args(String... more) {
    List<String> a = new ArrayList<>(List.of("sweep"));
    a.addAll(List.of(ARCH));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  static List<Double> finalLosses(JsonNode j) {
    List<Double> out = new ArrayList<>();
    j.get("finalLoss").forEach(x -> out.add(x.asDouble()));
    return out;
  }

  @Test
  void seededRunsGiveTheSpecFieldsTheLogAndTheHistogram(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("runs.csv");
    Path png = dir.resolve("losses.png");
    JsonNode j = json(lcn(args("--samples", "20", "--seed", "5", "--runs", "5", "--time", "2",
        "--json", "--csv", csv.toString(), "--plot", png.toString())));
    assertThat(j.get("runs").asInt()).isEqualTo(5);
    assertThat(j.get("zeroLimits").isInt()).isTrue();
    assertThat(j.get("incomplete").asInt()).isZero();
    assertThat(j.get("finalLoss").size()).isEqualTo(5);
    int counted = 0;
    for (JsonNode level : j.get("summary").get("levels")) {
      counted += level.get("count").asInt();
    }
    assertThat(counted).isEqualTo(5);
    assertThat(j.get("summary").get("minLoss").asDouble())
        .isLessThanOrEqualTo(j.get("summary").get("maxLoss").asDouble());
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("id,seed,finalLoss,zeroLimit,status,");
    assertThat(lines.subList(1, 6)).allMatch(l -> l.split(",")[4].equals("complete"));
    // rows in finishing order; the JSON in run order (run i from seed S + i)
    List<Double> losses = finalLosses(j);
    for (String line : lines.subList(1, 6)) {
      String[] f = line.split(",");
      int i = Integer.parseInt(f[1]) - 5;
      assertThat(f[0]).isEqualTo("seed-" + (5 + i));
      assertThat(Double.parseDouble(f[2])).isEqualTo(losses.get(i));
    }
    byte[] head = new byte[8];
    try (var in = Files.newInputStream(png)) {
      assertThat(in.read(head)).isEqualTo(8);
    }
    assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    // the log, its settings (for --resume) and the plot; no temporary file is left behind
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .containsExactlyInAnyOrder(csv.getFileName().toString(),
              csv.getFileName() + ".settings.json", png.getFileName().toString());
    }
  }

  @Test
  void initsOfTheDataFileAreTheRunsOfLcnFlow(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("d.json");
    Files.writeString(data, "{\"X\": [[1,2,3,4,5,6],[0,1,0,0,0,1],[1,0,0,2,0,0]],"
        + " \"Y\": [[1,2],[3,4],[0,1]],"
        + " \"inits\": [[0.5,0.1,0.3,0.2],[-0.4,0.7,0.2,0.9],[1.1,-0.3,0.6,-0.5]]}");
    JsonNode j = json(lcn("sweep", "--sizes", "2,2", "--strides", "2,1", "--data",
        data.toString(), "--time", "1", "--json", "--threads", "2"));
    assertThat(j.get("runs").asInt()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      JsonNode f = json(lcn("flow", "--sizes", "2,2", "--strides", "2,1", "--data",
          data.toString(), "--init-index", String.valueOf(i), "--time", "1", "--json"));
      assertThat(j.get("finalLoss").get(i).asDouble()).isEqualTo(f.get("loss").get(1).asDouble());
    }
    CommandRun text = lcn("sweep", "--sizes", "2,2", "--strides", "2,1", "--data",
        data.toString(), "--time", "1");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("3 runs").contains("loss levels");
  }

  @Test
  void resumeCompletesATornLogWithoutDuplicatingOrLosingRows(@TempDir Path dir)
      throws Exception {
    Path full = dir.resolve("full.csv");
    JsonNode whole = json(lcn(args("--samples", "20", "--runs", "6", "--time", "2", "--json",
        "--csv", full.toString())));
    List<String> rows = Files.readAllLines(full);
    // an interrupted sweep: header, two finished rows and the torn beginning of a third
    Path part = dir.resolve("part.csv");
    String torn = rows.get(0) + "\n" + rows.get(1) + "\n" + rows.get(2) + "\n"
        + rows.get(3).substring(0, rows.get(3).length() / 2);
    Files.writeString(part, torn);
    Files.copy(SweepSettings.sidecar(full), SweepSettings.sidecar(part));
    JsonNode resumed = json(lcn(args("--samples", "20", "--runs", "6", "--time", "2", "--json",
        "--csv", part.toString(), "--resume")));
    List<String> after = Files.readAllLines(part);
    assertThat(after).hasSize(7);
    assertThat(after.subList(0, 3)).isEqualTo(rows.subList(0, 3));
    assertThat(ids(after)).containsExactlyInAnyOrderElementsOf(ids(rows));
    assertThat(finalLosses(resumed)).isEqualTo(finalLosses(whole));
    // a finished log is left as it is
    String before = Files.readString(part);
    JsonNode again = json(lcn(args("--samples", "20", "--runs", "6", "--time", "2", "--json",
        "--csv", part.toString(), "--resume")));
    assertThat(Files.readString(part)).isEqualTo(before);
    assertThat(finalLosses(again)).isEqualTo(finalLosses(whole));
  }

  @Test
  void resumeAfterTheProcessIsKilled(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("killed.csv");
    String[] sweep = {"sweep", "--sizes", "4,3,3", "--strides", "2,2,1", "--samples", "200",
        "--runs", "60", "--time", "20", "--threads", "1", "--csv", csv.toString()};
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Lcn.class.getName()));
    cmd.addAll(List.of(sweep));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (p.isAlive() && lineCount(csv) < 4 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    List<String> before = Files.exists(csv) ? Files.readAllLines(csv) : List.of();
    assertThat(before.size()).as("killed mid-run").isBetween(2, 60);
    List<String> complete = before.subList(0, before.size() - 1);
    JsonNode j = json(lcn(resume(sweep)));
    List<String> after = Files.readAllLines(csv);
    assertThat(after).hasSize(61);
    assertThat(after.subList(0, complete.size())).isEqualTo(complete);
    assertThat(new HashSet<>(ids(after))).hasSize(60);
    assertThat(j.get("runs").asInt()).isEqualTo(60);
    assertThat(j.get("finalLoss").size()).isEqualTo(60);
  }

  static String[] resume(String[] sweep) {
    List<String> a = new ArrayList<>(List.of(sweep));
    a.set(a.indexOf("--threads") + 1, "2");
    a.add("--resume");
    a.add("--json");
    return a.toArray(String[]::new);
  }

  static long lineCount(Path f) {
    try {
      return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  static List<String> ids(List<String> lines) {
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList();
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    assertBadInput(lcn(args("--samples", "5", "--time", "1")), "--runs");
    assertBadInput(lcn(args("--samples", "5", "--time", "1", "--runs", "0")), "--runs");
    assertBadInput(lcn(args("--samples", "5", "--runs", "2")), "--time");
    assertBadInput(lcn(args("--samples", "5", "--time", "1", "--runs", "2", "--resume")),
        "--resume");
    assertBadInput(lcn(args("--samples", "5", "--time", "1", "--runs", "2", "--threads", "0")),
        "--threads");
    assertBadInput(lcn(args("--samples", "5", "--time", "1", "--runs", "2", "--method", "x")),
        "--method");
    assertBadInput(lcn(args("--samples", "5", "--time", "1", "--runs", "2", "--csv",
        dir.resolve("no/such/dir/r.csv").toString())), "--csv");
    Path data = dir.resolve("d.json");
    Files.writeString(data, "{\"X\": [[1,2,3,4,5,6]], \"Y\": [[1,2]], \"inits\": [[1,2,3]]}");
    assertBadInput(lcn("sweep", "--sizes", "2,2", "--strides", "2,1", "--data", data.toString(),
        "--time", "1"), "inits[0]");
    // gradient descent far beyond its stable step diverges: a numerical failure naming the log
    Path csv = dir.resolve("r.csv");
    FlowCommandTest.assertNumericalFailure(lcn(args("--samples", "50", "--time", "50", "--runs", "2", "--method", "gd",
        "--step", "0.5", "--init-scale", "3", "--csv", csv.toString())), "diverged");
  }
}
