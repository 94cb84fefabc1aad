package org.lcngeo.numeric.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
  static final int RUNS = 60;

  static List<RunSpec> specs() {
    return LongStream.range(0, RUNS).mapToObj(RunSpec::ofSeed).toList();
  }

  /** Deterministic in the seed: four loss levels, every seventh run "ends at zero". */
  static Map<String, Object> result(RunSpec r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(SweepRunner.FINAL_LOSS, 100.0 * (1 + r.seed() % 4) + 1e-12 * r.seed());
    m.put(SweepRunner.ZERO_LIMIT, r.seed() % 7 == 0);
    m.put("note", "seed, \"" + r.seed() + "\"");
    return m;
  }

  static Function<RunSpec, Map<String, Object>> slowTask(long millis) {
    return r -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return result(r);
    };
  }

  /** Every run has exactly one complete, correct row; the header is there once. */
  private static void assertCompleteAndUnique(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("id,seed,finalLoss,zeroLimit,note");
    assertThat(lines).hasSize(RUNS + 1);
    List<Map<String, String>> rows = SweepRunner.readRows(csv, new ArrayList<>());
    assertThat(rows).extracting(r -> r.get("id")).doesNotHaveDuplicates().hasSize(RUNS);
    for (Map<String, String> row : rows) {
      RunSpec spec = RunSpec.ofSeed(Long.parseLong(row.get("id")));
      Map<String, Object> expected = result(spec);
      assertThat(Double.parseDouble(row.get("finalLoss"))).isEqualTo(expected.get("finalLoss"));
      assertThat(row.get("zeroLimit")).isEqualTo(expected.get("zeroLimit").toString());
      assertThat(row.get("note")).isEqualTo(expected.get("note"));
    }
  }

  @Test
  void aSweepWritesOneRowPerRunAndSummarizes(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("sweep.csv");
    AtomicInteger reports = new AtomicInteger();
    SweepSummary s = new SweepRunner(4, (d, t) -> reports.incrementAndGet())
        .run(specs(), SweepRunnerTest::result, csv, false);
    assertCompleteAndUnique(csv);
    assertThat(reports).hasValue(RUNS);
    assertThat(s.runs()).isEqualTo(RUNS);
    assertThat(s.zeroLimits()).isEqualTo(9); // 0, 7, ..., 56
    assertThat(s.finalLosses()).hasSize(RUNS);
    assertThat(s.finalLosses().get(5)).isEqualTo((Double) result(RunSpec.ofSeed(5)).get("finalLoss"));
    assertThat(s.levels()).extracting(SweepSummary.LossLevel::count).containsExactly(15, 15, 15, 15);
    assertThat(s.minLoss()).isEqualTo(100.0);
    assertThat(s.maxLoss()).isEqualTo(400.0 + 59e-12);
    assertThat(s.medianLoss()).isBetween(200.0, 300.0 + 1e-9);
    // Without resume the file starts afresh.
    new SweepRunner().run(specs(), SweepRunnerTest::result, csv, false);
    assertCompleteAndUnique(csv);
  }

  @Test
  void aFailedSweepResumesWithoutDuplicatingOrLosingRows(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("sweep.csv");
    AtomicInteger calls = new AtomicInteger();
    Function<RunSpec, Map<String, Object>> failing = r -> {
      if (calls.incrementAndGet() == 12) {
        throw new IllegalStateException("killed");
      }
      return slowTask(2).apply(r);
    };
    assertThatThrownBy(() -> new SweepRunner(2, (d, t) -> { }).run(specs(), failing, csv, true))
        .isInstanceOf(SweepFailedException.class).hasMessageContaining("killed");
    int written = Files.readAllLines(csv).size() - 1;
    assertThat(written).isBetween(1, RUNS - 1);
    // A torn last line, as a kill in the middle of a write would leave it.
    Files.writeString(csv, "59,59,400.00", StandardOpenOption.APPEND);
    AtomicInteger reran = new AtomicInteger();
    SweepSummary s = new SweepRunner(2, (d, t) -> { }).run(specs(), r -> {
      reran.incrementAndGet();
      return result(r);
    }, csv, true);
    assertThat(reran).hasValue(RUNS - written);
    assertCompleteAndUnique(csv);
    assertThat(s.runs()).isEqualTo(RUNS);
  }

  @Test
  void resumingAFileOfOtherColumnsIsBadInputAndKeepsTheFile(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("sweep.csv");
    new SweepRunner(2, (d, t) -> { }).run(specs().subList(0, 5), SweepRunnerTest::result, csv, false);
    byte[] before = Files.readAllBytes(csv);
    assertThatThrownBy(() -> new SweepRunner(2, (d, t) -> { }).run(specs(), r -> {
      Map<String, Object> m = result(r);
      m.put("status", "complete");
      return m;
    }, csv, true)).isInstanceOf(org.lcngeo.core.InvalidInputException.class)
        .hasMessageContaining("--resume");
    assertThat(Files.readAllBytes(csv)).isEqualTo(before);
  }

  @Test
  void aKilledProcessResumesWithoutDuplicatingOrLosingRows(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("sweep.csv");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SweepKillTarget.class.getName(), csv.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline
        && (!Files.exists(csv) || Files.readAllLines(csv).size() < 8)) {
      Thread.sleep(20);
    }
    p.destroyForcibly().waitFor();
    // Complete rows only: the kill may have torn the last line.
    int written = (int) Files.readString(csv).chars().filter(c -> c == '\n').count() - 1;
    assertThat(written).as(Files.readString(dir.resolve("child.log"))).isBetween(7, RUNS - 1);
    AtomicInteger reran = new AtomicInteger();
    new SweepRunner(2, (d, t) -> { }).run(specs(), r -> {
      reran.incrementAndGet();
      return result(r);
    }, csv, true);
    assertThat(reran).hasValue(RUNS - written);
    assertCompleteAndUnique(csv);
  }

  @Test
  void lossLevelsAreClusteredByRelativeGap() {
    SweepSummary s =
        SweepSummary.of(5, 0, 0, List.of(2.0, 1.0, 5.0, 1.0 + 1e-9, 2.0 + 1e-10), 1e-6);
    assertThat(s.levels()).extracting(SweepSummary.LossLevel::count).containsExactly(2, 2, 1);
    assertThat(s.medianLoss()).isEqualTo(2.0);
    assertThat(s.finalLosses()).containsExactly(2.0, 1.0, 5.0, 1.0 + 1e-9, 2.0 + 1e-10);
  }

  @Test
  void runsThatStoppedBeforeTheEndAreCounted(@TempDir Path dir) throws IOException {
    // the status a flow reports (FlowResult.Status) is what the summary reads
    assertThat(SweepRunner.COMPLETE)
        .isEqualTo(org.lcngeo.numeric.flow.FlowResult.Status.COMPLETE.label());
    Path csv = dir.resolve("runs.csv");
    SweepSummary s = new SweepRunner(2, (d, t) -> { }).run(specs(), r -> {
      Map<String, Object> m = result(r);
      m.put(SweepRunner.STATUS, r.seed() % 10 == 3 ? "functionSpaceStalled" : SweepRunner.COMPLETE);
      return m;
    }, csv, false);
    assertThat(s.runs()).isEqualTo(RUNS);
    assertThat(s.incomplete()).isEqualTo(RUNS / 10);
  }
}
