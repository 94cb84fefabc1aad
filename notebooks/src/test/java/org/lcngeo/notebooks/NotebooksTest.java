package org.lcngeo.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every notebook headless with the lcngeo kernel (Debian's Jupyter, {@code jupyter nbconvert
 * --execute}, through {@code notebooks/regenerate --check}) on this test's class path, and fails
 * when a cell errs or a committed output differs from the re-executed one (exact text, floating
 * point within a tolerance, images by presence); and drives the kernel as Jupyter does: errors,
 * interrupt, restart, {@code %lcn}, rich output. Needs Jupyter ({@code .ci/run} installs it).
 */
class NotebooksTest {
  static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("."))) {
      return s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
    }
  }

  @Test
  void thereAreSevenNotebooks() throws IOException {
    assertThat(notebooks()).hasSize(7);
  }

  @Test
  void everyNotebookRunsWithTheKernelAndMatchesItsCommittedOutputs() throws Exception {
    String log = run(List.of("bash", "regenerate", "--check", "--classpath",
        System.getProperty("java.class.path")), 900);
    assertThat(log).contains("07-");
  }

  @Test
  void theKernelSurvivesErrorsAndInterruptsAndRestarts(@TempDir Path dir) throws Exception {
    run(List.of("/usr/bin/python3", "kernel/kernelspec.py", dir.resolve("kernels/lcngeo").toString(),
        Path.of("kernel").toAbsolutePath().toString(), System.getProperty("java.class.path")), 30);
    run(List.of("/usr/bin/python3", "kernel/kernel_check.py", dir.toString()), 600);
  }

  /** A one-cell notebook whose cell printed {@code text} and showed an image. */
  private static Path notebook(Path dir, String name, String text) throws IOException {
    String json = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{"
        + "\"cell_type\": \"code\", \"id\": \"c1\", \"metadata\": {}, \"execution_count\": 1,"
        + " \"source\": \"x\", \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\","
        + " \"text\": \"" + text + "\"}, {\"output_type\": \"display_data\", \"metadata\": {},"
        + " \"data\": {\"image/png\": \"" + name + "\", \"text/plain\": \"<figure>\"}}]}]}";
    return Files.writeString(dir.resolve(name + ".ipynb"), json);
  }

  private static int check(Path committed, Path executed) throws Exception {
    Process p = new ProcessBuilder("/usr/bin/python3", "kernel/nbcheck.py", committed.toString(),
        executed.toString()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  @Test
  void theCheckComparesTextExactlyNumbersWithinATolerance(@TempDir Path dir) throws Exception {
    Path committed = notebook(dir, "a", "rank 4, loss 15.409892510 after 6.3 s");
    assertThat(check(committed, notebook(dir, "b", "rank 4, loss 15.409892511 after 9.1 s"))).isZero();
    assertThat(check(committed, notebook(dir, "c", "rank 3, loss 15.409892510 after 6.3 s"))).isOne();
    assertThat(check(committed, notebook(dir, "d", "rank 4, loss 15.41 after 6.3 s"))).isOne();
    assertThat(check(committed, notebook(dir, "e", "rank 4, loss 15.409892510 in 6.3 s"))).isOne();
    assertThat(check(committed, notebook(dir, "f", "rank 4, loss [D@7516e4e5 after 6.3 s"))).isOne();
  }

  /** Runs a command in the module's directory; its combined output, or a failure with it. */
  private static String run(List<String> command, int seconds) throws Exception {
    Path out = Files.createTempFile("notebooks", ".log");
    try {
      Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
      if (!ended) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      String log = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(ended).as("%s ended within %d s:%n%s", command.get(1), seconds, log).isTrue();
      assertThat(p.exitValue()).as("%s:%n%s", command.get(1), log).isZero();
      return log;
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
