package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 5: output paths are checked before any work, a read-only file is never
 * replaced, whole files are written atomically, and {@code sweep --resume} continues only a file
 * written with the same settings.
 */
class OutputFilesTest {
  private static String[] flow(String... more) {
    List<String> args = new ArrayList<>(List.of("flow", "--sizes", "3,2", "--strides", "2,1",
        "--time", "1", "--samples", "5", "--seed", "1"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String[] sweep(Path csv, String... more) {
    List<String> args = new ArrayList<>(List.of("sweep", "--sizes", "3,2", "--strides", "2,1",
        "--time", "0.5", "--samples", "5", "--runs", "2", "--threads", "1", "--csv",
        csv.toString(), "--json"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static void assertOneErrorLine(CommandRun r, String fragment) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: ").contains(fragment);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void readOnlyCsvIsNeverReplaced(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "mine\n");
    Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("r--r--r--"));
    FileTime before = Files.getLastModifiedTime(csv);
    assertOneErrorLine(CommandRun.of(flow("--csv", csv.toString())), "read-only");
    assertThat(Files.readString(csv)).isEqualTo("mine\n");
    assertThat(Files.getLastModifiedTime(csv)).isEqualTo(before);
    assertOneErrorLine(CommandRun.of(sweep(csv)), "read-only");
    assertThat(Files.readString(csv)).isEqualTo("mine\n");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(csv);
    }
  }

  @Test
  void directoriesAndMissingOrReadOnlyDirectoriesAreRefusedBeforeAnyWork(@TempDir Path dir)
      throws Exception {
    assertOneErrorLine(CommandRun.of(flow("--csv", dir.toString())), "is a directory");
    assertOneErrorLine(CommandRun.of(flow("--plot", dir.resolve("none/p.png").toString())),
        "does not exist");
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    long start = System.nanoTime();
    assertOneErrorLine(CommandRun.of("reproduce", "--latex", locked.resolve("t.tex").toString()),
        "not writable");
    // found before the work: reproduce itself takes seconds
    assertThat((System.nanoTime() - start) * 1e-9).isLessThan(2);
    assertOneErrorLine(CommandRun.of("reproduce", "--latex", dir.toString()), "is a directory");
    try (var files = Files.list(locked)) {
      assertThat(files.toList()).isEmpty();
    }
  }

  @Test
  void wholeFilesAreWrittenThroughATemporaryFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("x.txt");
    OutputFiles.write(out, "--x", "one\n");
    OutputFiles.write(out, "--x", "two\n");
    assertThat(Files.readString(out)).isEqualTo("two\n");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(out);
    }
  }

  @Test
  void resumeChecksTheSettingsTheFileWasWrittenWith(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("s.csv");
    CommandRun first = CommandRun.of(sweep(csv));
    assertThat(first.code()).as(first.err()).isZero();
    byte[] written = Files.readAllBytes(csv);
    assertThat(Files.exists(SweepSettings.sidecar(csv))).isTrue();
    byte[] sidecar = Files.readAllBytes(SweepSettings.sidecar(csv));
    FileTime before = Files.getLastModifiedTime(csv);
    // another time, another method, other data: refused, and the files are left as they were
    for (String[] other : List.of(new String[] {"--time", "0.7"}, new String[] {"--method", "dop853"},
        new String[] {"--seed", "9"}, new String[] {"--rtol", "1e-8"})) {
      List<String> args = new ArrayList<>(List.of(sweep(csv, "--resume")));
      int i = args.indexOf(other[0]);
      if (i >= 0) {
        args.set(i + 1, other[1]);
      } else {
        args.addAll(List.of(other));
      }
      CommandRun r = CommandRun.of(args.toArray(String[]::new));
      assertOneErrorLine(r, "other settings");
      assertThat(Files.readAllBytes(csv)).isEqualTo(written);
      assertThat(Files.readAllBytes(SweepSettings.sidecar(csv))).isEqualTo(sidecar);
      assertThat(Files.getLastModifiedTime(csv)).isEqualTo(before);
    }
    // the same settings resume: nothing recomputed, the same summary; more runs may be added
    JsonNode same = CommandRun.jsonOf(sweep(csv, "--resume"));
    assertThat(same.get("runs").asInt()).isEqualTo(2);
    assertThat(Files.readAllBytes(csv)).isEqualTo(written);
    List<String> more = new ArrayList<>(List.of(sweep(csv, "--resume")));
    more.set(more.indexOf("--runs") + 1, "3");
    JsonNode three = CommandRun.jsonOf(more.toArray(String[]::new));
    assertThat(three.get("runs").asInt()).isEqualTo(3);
    // a file without its settings cannot be checked, so it is not resumed
    Path foreign = dir.resolve("foreign.csv");
    Files.write(foreign, written);
    assertOneErrorLine(CommandRun.of(sweep(foreign, "--resume")), "no settings file");
    assertThat(Files.readAllBytes(foreign)).isEqualTo(written);
  }

  /** A closed form written by lcn formula for Ex. 15 is refused as input for another network. */
  @Test
  void closedFormOfAnotherArchitectureIsBadInput(@TempDir Path dir) throws Exception {
    CommandRun formula =
        CommandRun.of("formula", "--sizes", "3,2", "--strides", "2,1", "--format", "java");
    assertThat(formula.code()).as(formula.err()).isZero();
    Path java = dir.resolve("k.java");
    Files.writeString(java, formula.out());
    for (String[] arch : List.of(new String[] {"4,2", "2,1"}, new String[] {"2,2", "2,1"},
        new String[] {"2,2,2", "2,2,1"})) {
      CommandRun r = CommandRun.of("flow", "--sizes", arch[0], "--strides", arch[1], "--time",
          "1", "--samples", "5", "--closed-form", java.toString());
      assertOneErrorLine(r, "another architecture");
    }
  }

  /** gd takes steps of --step: the grid is coarsened, or a finer --grid is refused. */
  @Test
  void gradientDescentStepIsNeverSilentlyCapped() {
    // T/step = 100 steps of 0.001 (with the default grid of 200 intervals every step was 0.0005)
    List<String> args = new ArrayList<>(List.of(flow("--method", "gd", "--step", "0.001",
        "--json")));
    args.set(args.indexOf("--time") + 1, "0.1");
    JsonNode j = CommandRun.jsonOf(args.toArray(String[]::new));
    assertThat(j.get("steps").asLong()).isEqualTo(100);
    assertOneErrorLine(CommandRun.of(flow("--method", "gd", "--step", "0.25", "--grid", "10")),
        "--grid 4");
    assertOneErrorLine(CommandRun.of(flow("--method", "gd", "--step", "5")), "--time");
  }

  @Test
  void smallerMessages() {
    assertOneErrorLine(CommandRun.of("ntk", "--sizes", "2,2", "--filters", "[[1,2],[3,4]]",
        "--delta", "1,2"), "one invariant");
    assertOneErrorLine(CommandRun.of("mu", "--sizes", "1000000000", "--filters", "[[1]]"),
        "exceeds the limit of 100000");
    assertOneErrorLine(CommandRun.of("ntk", "--sizes", "3,2", "--filters", "[[1,0,2],[2,1]]",
        "--digits", "0"), "--digits must be between 1 and 10000");
    CommandRun json = CommandRun.of("fiber", "--sizes", "2,2", "--target", "[1,2");
    assertOneErrorLine(json, "not valid JSON");
    assertThat(json.err()).doesNotContain("Source", "REDACTED").contains("column");
  }
}
