package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.TimeLimitException;

/**
 * Issue 10, item 4: every exact command is bounded by {@code --timeout}; when it expires the
 * command prints what it has, marked {@code "complete": false, "stopped": "timeout"}, and exits 3.
 */
class TimeLimitTest {
  /**
   * A target of degree 297 over sizes (100,100), strides (2,1) (issue 10: "no bound or progress"):
   * with {@code --timeout 1} the command ends at once with the partial JSON and exit 3. (The
   * fiber that ran past 400 s inside Symja, {@code --sizes 2,2,2,2 --target [1,10,35,50,24]
   * --delta 1}, ends the same way from the command line; it is not run here, because the worker
   * abandoned in Symja would keep a core busy for the rest of the test run.)
   */
  @Test
  void largeFiberEndsAtItsTimeLimitWithPartialJson() {
    long start = System.nanoTime();
    CommandRun r = CommandRun.of("fiber", "--sizes", "100,100", "--strides", "2,1",
        "--target", LARGE_TARGET, "--timeout", "1", "--json", "--progress");
    double seconds = (System.nanoTime() - start) * 1e-9;
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.TIME_LIMIT);
    assertThat(seconds).isLessThan(6);
    JsonNode j = r.json();
    assertThat(j.get("complete").asBoolean(true)).isFalse();
    assertThat(j.get("stopped").asText()).isEqualTo("timeout");
    assertThat(j.get("reason").asText()).contains("time limit of 1 s", "factoring");
    assertThat(j.get("architecture").get("endToEndSize").get(0).asInt()).isEqualTo(298);
    assertThat(j.get("target").size()).isEqualTo(298);
    assertThat(j.get("count").asInt()).isZero();
    assertThat(j.get("points").size()).isZero();
    assertThat(j.get("ntkEqual").isNull()).isTrue();
    assertThat(j.get("inManifold").isNull()).isTrue();
    assertThat(r.err().lines().toList()).last().asString().startsWith("lcn fiber: stopped:");
  }

  @Test
  void textOutputSaysItStopped() {
    CommandRun r = CommandRun.of("fiber", "--sizes", "100,100", "--strides", "2,1",
        "--target", LARGE_TARGET, "--timeout", "0.5");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).startsWith("1-D, H=2").contains("\nstopped: the time limit of 0.5 s");
  }

  /** mu of two seeded integer filters of size 100, strides (2,1): degree 297. */
  private static final String LARGE_TARGET = largeTarget();

  private static String largeTarget() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    long[] w1 = random.longs(100, 1, 4).toArray();
    long[] w2 = random.longs(100, -3, 4).map(x -> x == 0 ? 1 : x).toArray();
    long[] v = new long[298];
    for (int i = 0; i < 100; i++) {
      for (int j = 0; j < 100; j++) {
        v[i + 2 * j] += w1[i] * w2[j];
      }
    }
    return java.util.Arrays.toString(v);
  }

  /** reproduce keeps the parts it finished and names where it stopped. */
  @Test
  void reproduceStopsWithThePartsItHas() {
    CommandRun r = CommandRun.of("reproduce", "--timeout", "0.3", "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    JsonNode j = r.json();
    assertThat(j.get("stopped").asText()).isEqualTo("timeout");
    assertThat(j.get("complete").asBoolean(true)).isFalse();
    // Where the limit falls depends on the machine (a warm JVM computes Table 1 within 0.3 s and
    // stops while writing); what was computed before it is printed, and only that.
    String reason = j.get("reason").asText();
    assertThat(reason).startsWith("the time limit of 0.3 s was reached while ");
    assertThat(j.has("checks")).isTrue();
    assertThat(j.has("table1")).as(reason).isEqualTo(!reason.contains("Table 1"));
  }

  /** ntk --delta: the rescaling's root and the NTK are bounded too. */
  @Test
  void rescaledNtkIsBounded() {
    StringBuilder w1 = new StringBuilder("[");
    StringBuilder w2 = new StringBuilder("[");
    for (int i = 0; i < 150; i++) {
      w1.append(i == 0 ? "" : ",").append(i % 7 - 3 == 0 ? 1 : i % 7 - 3);
      w2.append(i == 0 ? "" : ",").append(i % 5 - 2 == 0 ? 1 : i % 5 - 2);
    }
    String filters = "[" + w1 + "]," + w2 + "]]";
    CommandRun r = CommandRun.of("ntk", "--sizes", "150,150", "--filters", filters, "--delta",
        "1", "--timeout", "0.5", "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    JsonNode j = r.json();
    assertThat(j.get("stopped").asText()).isEqualTo("timeout");
    assertThat(j.get("architecture").get("sizes").size()).isEqualTo(2);
  }

  @Test
  void timeoutsParse() {
    assertThat(TimeOptions.parse("600")).isEqualTo(Duration.ofSeconds(600));
    assertThat(TimeOptions.parse("0.25")).isEqualTo(Duration.ofMillis(250));
    assertThat(TimeOptions.parse("0.0001")).isEqualTo(Duration.ofMillis(1));
    for (String bad : new String[] {"0", "-3", "x", "", "604801", "1e9"}) {
      assertThatThrownBy(() -> TimeOptions.parse(bad)).isInstanceOf(InvalidInputException.class);
    }
  }

  /** Bounded returns results, rethrows failures, and gives up on a worker that never checks. */
  @Test
  void boundedAbandonsAWorkerThatNeverChecks() {
    assertThat(Bounded.call(Deadline.after(Duration.ofSeconds(5)), () -> 42)).isEqualTo(42);
    assertThatThrownBy(() -> Bounded.call(Deadline.after(Duration.ofSeconds(5)), () -> {
      throw new InvalidInputException("bad");
    })).isInstanceOf(InvalidInputException.class).hasMessage("bad");
    long start = System.nanoTime();
    assertThatThrownBy(() -> Bounded.call(Deadline.after(Duration.ofMillis(200)), () -> {
      long end = System.nanoTime() + 3_000_000_000L;
      while (System.nanoTime() < end) {
        Thread.onSpinWait();
      }
      return 0;
    })).isInstanceOf(TimeLimitException.class);
    assertThat((System.nanoTime() - start) * 1e-9).isLessThan(2.5);
    // the deadline is installed on the worker, so that checkCurrent bounds our own loops there
    assertThatThrownBy(() -> Bounded.call(Deadline.after(Duration.ofMillis(100)), () -> {
      while (true) {
        Deadline.checkCurrent();
        Thread.sleep(5);
      }
    })).isInstanceOf(TimeLimitException.class);
  }

  /** A progress line after 2 s naming the stage; none for piped JSON unless --progress. */
  @Test
  void progressLinesNameTheStage() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream err = new java.io.PrintStream(bytes, true, "UTF-8");
    try (Progress p = Progress.start("fiber", err)) {
      p.stage("factoring");
      Thread.sleep(1000);
      assertThat(bytes.toString("UTF-8")).isEmpty();
      Thread.sleep(Progress.QUIET_SECONDS * 1000L + 500 - 1000);
    }
    assertThat(bytes.toString("UTF-8")).matches("lcn fiber: factoring \\([23] s\\)\\R");
    // in tests stdout is not a terminal: piped JSON reports no progress unless asked to
    TimeOptions quiet = new TimeOptions();
    assertThat(quiet.progress("fiber", true)).isSameAs(Progress.OFF);
    quiet.progress = true;
    try (Progress forced = quiet.progress("fiber", true)) {
      assertThat(forced).isNotSameAs(Progress.OFF);
    }
  }
}
