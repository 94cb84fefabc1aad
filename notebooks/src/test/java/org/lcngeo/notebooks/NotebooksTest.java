package org.lcngeo.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every code cell of every notebook in notebooks/ as the kernel would; a notebook that fails is a failing test. */
class NotebooksTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("."))) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  @Test
  void thereAreNotebooks() throws IOException {
    assertThat(notebooks()).isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyCellRuns() throws IOException {
    return notebooks().stream()
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> runAll(p)));
  }

  private static void runAll(Path notebook) throws IOException {
    JsonNode nb = MAPPER.readTree(notebook.toFile());
    try (CellShell shell = new CellShell()) {
      int i = 0;
      for (JsonNode cell : nb.path("cells")) {
        if (!"code".equals(cell.path("cell_type").asText())) {
          continue;
        }
        StringBuilder src = new StringBuilder();
        cell.path("source").forEach(line -> src.append(line.asText()));
        CellShell.Result r = shell.eval(src.toString());
        assertThat(r.error()).as("%s, code cell %d:%n%s", notebook.getFileName(), i, src).isNull();
        i++;
      }
      assertThat(i).as("code cells in %s", notebook.getFileName()).isPositive();
    }
  }

  @Test
  void magicsAreIgnoredAndErrorsReported() {
    try (CellShell shell = new CellShell()) {
      assertThat(shell.eval("%classpath whatever\nint x = 2;\nx * 21").value()).isEqualTo("42");
      assertThat(shell.eval("undefinedName + 1").ok()).isFalse();
      assertThat(shell.eval("throw new IllegalStateException(\"boom\");").error()).contains("boom");
      assertThat(shell.eval("System.out.println(\"hi\");").stdout()).isEqualTo("hi\n");
      assertThat(shell.eval("System.out.printf(\"%d%n\", 7);").value()).isNull();
      assertThat(shell.eval("int y = 3;\ny + 1").value()).isEqualTo("4");
      assertThat(shell.eval("y + 1;").value()).isNull();
      assertThat(shell.eval("y + 1\nint z = 5;").value()).isNull();
    }
  }
}
