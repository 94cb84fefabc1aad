package org.lcngeo.notebooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Evaluates notebook cells of Java code with JShell, in this JVM and on its class path (so the
 * whole toolkit is importable). Used both by the Jupyter kernel bridge and by the tests that run
 * every notebook, so a notebook that is checked in is a notebook that runs.
 */
public final class CellShell implements AutoCloseable {
  private final JShell shell;

  /**
   * Output of one cell: printed text, the value of the cell's last snippet if it is an expression
   * written without a closing {@code ;} (IPython's convention, so {@code System.out.printf(...);}
   * shows no {@code PrintStream}), or the error.
   */
  public record Result(String stdout, String value, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  public CellShell() {
    shell = JShell.builder().executionEngine("local").build();
    shell.addToClasspath(System.getProperty("java.class.path"));
  }

  /** Evaluates a cell: its complete snippets one after another, stopping at the first error. */
  public Result eval(String cell) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    String value = null;
    String error = null;
    System.setOut(capture);
    try {
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String rest = stripMagics(cell);
      while (!rest.isBlank() && error == null) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
          break;
        }
        String source = info.completeness().isComplete() ? info.source() : rest;
        rest = info.completeness().isComplete() ? info.remaining() : "";
        // As in IPython, only a final expression written without ';' shows its value.
        boolean shown = !source.strip().endsWith(";");
        value = null;
        for (SnippetEvent e : shell.eval(source)) {
          if (e.exception() != null) {
            error = describe(e.exception());
          } else if (e.status() == Snippet.Status.REJECTED) {
            error = "compile error: " + diagnostics(e.snippet());
          } else if (shown && e.causeSnippet() == null && e.value() != null
              && isExpression(e.snippet())) {
            value = e.value();
          }
        }
      }
    } finally {
      capture.flush();
      System.setOut(oldOut);
    }
    return new Result(captured.toString(StandardCharsets.UTF_8), value, error);
  }

  /** The exception the cell threw, by its own class name rather than JShell's wrapper's. */
  private static String describe(Exception ex) {
    String name = ex instanceof EvalException thrown
        ? thrown.getExceptionClassName() : ex.getClass().getName();
    return name + ": " + ex.getMessage();
  }

  private String diagnostics(Snippet s) {
    return shell.diagnostics(s).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
  }

  private static boolean isExpression(Snippet s) {
    return s.kind() == Snippet.Kind.EXPRESSION
        || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  /** IPython-style magics (%...) are not Java; the kernel ignores them. */
  static String stripMagics(String cell) {
    List<String> lines = new ArrayList<>();
    for (String line : cell.split("\n", -1)) {
      if (!line.stripLeading().startsWith("%")) {
        lines.add(line);
      }
    }
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    shell.close();
  }
}
