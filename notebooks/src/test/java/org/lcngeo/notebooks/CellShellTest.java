package org.lcngeo.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cells as the kernel evaluates them: values, errors, magics, {@code %lcn}, rich output. */
class CellShellTest {
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

  @Test
  void lcnLinesRunCommandsInPlace() {
    try (CellShell shell = new CellShell()) {
      CellShell.Result r = shell.eval("System.out.println(\"before\");\n"
          + "%lcn mu --sizes 3,2 --strides 2,1 --filters '[[1,3,2],[2,-1]]'\n"
          + "System.out.println(\"after\");");
      assertThat(r.error()).isNull();
      assertThat(r.stdout()).startsWith("before\n").endsWith("after\n").contains("[2, 6, 3, -3, -2]");
      CellShell.Result bad = shell.eval("%lcn mu --sizes 3,2 --filters nonsense\nint never = 1;");
      assertThat(bad.error()).contains("exit status 2");
      assertThat(bad.stderr()).startsWith("error: ");
      assertThat(shell.eval("never").ok()).isFalse();
      CellShell.Result tex = shell.eval("%lcn formula --sizes 2,2 --strides 2,1 --no-inverse --format latex");
      assertThat(tex.displays()).isNotEmpty()
          .allMatch(d -> d.mime().equals("text/latex") && d.data().startsWith("$$"));
    }
  }

  @Test
  void displayedItemsBelongToTheirCell() {
    try (CellShell shell = new CellShell()) {
      CellShell.Result r = shell.eval("org.lcngeo.notebooks.Display.latex(\"x^2\");");
      assertThat(r.displays()).containsExactly(new Display.Item("text/latex", "$$x^2$$", "x^2"));
      assertThat(shell.eval("1").displays()).isEmpty();
    }
  }

  @Test
  void argumentsSplitAtBlanksOutsideQuotes() {
    assertThat(org.lcngeo.cli.CommandLines.split("fiber --target '[1, 0, -2]' --delta \"1/2\"  x"))
        .isEqualTo(List.of("fiber", "--target", "[1, 0, -2]", "--delta", "1/2", "x"));
  }
}
