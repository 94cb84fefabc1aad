package org.lcngeo.notebooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.lcngeo.cli.Lcn;

/**
 * Evaluates notebook cells of Java code with JShell, in this JVM and on its class path (so the
 * whole toolkit is importable). Used both by the Jupyter kernel bridge and by the tests that run
 * every notebook, so a notebook that is checked in is a notebook that runs.
 *
 * <p>A line {@code %lcn ARGS} runs the command line {@code lcn ARGS} in-process ({@link Lcn#execute})
 * at its place in the cell; its output is the cell's output, a non-zero exit status is the cell's
 * error, and the output of {@code --format latex} is shown as LaTeX. Other {@code %} lines are
 * ignored.
 */
public final class CellShell implements AutoCloseable {
  private static final long STOP_REPEAT_MILLIS = 100;
  private final JShell shell;
  /** Set by {@link #stop}: JShell ends a stopped snippet without an exception. */
  private volatile boolean stopped;
  /** Whether a cell is being evaluated (compiled or run). */
  private volatile boolean running;

  /**
   * Output of one cell: printed text (stdout, stderr), the value of the cell's last snippet if it is
   * an expression written without a closing {@code ;} (IPython's convention, so
   * {@code System.out.printf(...);} shows no {@code PrintStream}), the items it displayed, or the
   * error.
   */
  public record Result(String stdout, String stderr, String value, List<Display.Item> displays,
      String error) {
    public boolean ok() {
      return error == null;
    }
  }

  public CellShell() {
    shell = JShell.builder().executionEngine("local").build();
    shell.addToClasspath(System.getProperty("java.class.path"));
  }

  /** Evaluates a cell: its parts one after another, stopping at the first error. */
  public Result eval(String cell) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream captureErr = new PrintStream(err, true, StandardCharsets.UTF_8);
    String[] value = {null};
    String error = null;
    Display.drain();
    stopped = false;
    running = true;
    System.setOut(capture);
    System.setErr(captureErr);
    try {
      StringBuilder java = new StringBuilder();
      for (String line : cell.split("\n", -1)) {
        String magic = line.strip();
        if (!magic.startsWith("%")) {
          java.append(line).append('\n');
          continue;
        }
        error = evalJava(java.toString(), value);
        java.setLength(0);
        if (error != null) {
          break;
        }
        if (magic.startsWith("%lcn ") || magic.equals("%lcn")) {
          error = evalLcn(magic.substring(4).strip(), value);
          if (error != null) {
            break;
          }
        }
      }
      if (error == null) {
        error = evalJava(java.toString(), value);
      }
    } finally {
      running = false;
      capture.flush();
      captureErr.flush();
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        value[0], Display.drain(), error);
  }

  /** Evaluates Java source snippet by snippet; sets {@code value[0]}; returns the error or null. */
  private String evalJava(String source, String[] value) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = source;
    while (!rest.isBlank()) {
      if (stopped) {
        return "interrupted";
      }
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      String snippet = info.completeness().isComplete() ? info.source() : rest;
      rest = info.completeness().isComplete() ? info.remaining() : "";
      // As in IPython, only a final expression written without ';' shows its value.
      boolean shown = !snippet.strip().endsWith(";");
      value[0] = null;
      for (SnippetEvent e : shell.eval(snippet)) {
        if (stopped) {
          return "interrupted";
        } else if (e.exception() != null) {
          return describe(e.exception());
        } else if (e.status() == Snippet.Status.REJECTED) {
          return "compile error: " + diagnostics(e.snippet());
        } else if (shown && e.causeSnippet() == null && e.value() != null
            && isExpression(e.snippet())) {
          value[0] = e.value();
        }
      }
    }
    return null;
  }

  /** A {@code %lcn} command that ended with a non-zero exit status. */
  public static final class CommandFailedException extends RuntimeException {
    CommandFailedException(String message) {
      super(message);
    }
  }

  /** Runs {@code %lcn args} as a JShell snippet, so that an interrupt stops it like any cell. */
  private String evalLcn(String args, String[] value) {
    String array = org.lcngeo.cli.CommandLines.split(args).stream()
        .map(a -> '"' + a.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
        .collect(Collectors.joining(", "));
    String error = evalJava("org.lcngeo.notebooks.CellShell.lcn(new String[] {" + array + "});", value);
    value[0] = null;
    return error;
  }

  /**
   * Runs the command line {@code lcn args} in this JVM and prints its output; the output of
   * {@code --format latex} is displayed as LaTeX, its {@code %} comment lines printed as text.
   *
   * @throws CommandFailedException if the command's exit status is not 0
   */
  public static void lcn(String... args) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream cellOut = System.out;
    int code;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      code = Lcn.execute(args);
    } finally {
      System.out.flush();
      System.setOut(cellOut);
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    List<String> argv = List.of(args);
    int format = argv.indexOf("--format");
    boolean latex = argv.contains("--format=latex")
        || format >= 0 && format + 1 < argv.size() && argv.get(format + 1).equals("latex");
    if (!latex || code != 0) {
      System.out.print(text);
    } else if (text.startsWith("\\documentclass")) {
      showLatexDocument(text);
    } else {
      for (String block : text.split("\n\\s*\n")) {
        StringBuilder tex = new StringBuilder();
        for (String line : block.split("\n")) {
          if (line.startsWith("%")) {
            System.out.println(line.substring(1).strip());
          } else if (!line.isBlank()) {
            tex.append(line).append('\n');
          }
        }
        if (!tex.isEmpty()) {
          Display.latex(tex.toString().strip());
        }
      }
    }
    if (code != 0) {
      throw new CommandFailedException("lcn " + String.join(" ", args) + ": exit status " + code);
    }
  }

  /**
   * Shows a LaTeX document written by lcn ({@code formula --format latex}): each display
   * ({@code \\resizebox{...}{!}{$\\displaystyle ...$}}) as LaTeX, section titles, paragraphs and
   * {@code %} comments as text; the preamble and the centering are left out.
   */
  static void showLatexDocument(String text) {
    StringBuilder math = null;
    for (String line : text.split("\n")) {
      if (math != null) {
        math.append('\n').append(line);
        if (line.endsWith("$}")) {
          Display.latex(math.substring(0, math.length() - 2).strip());
          math = null;
        }
      } else if (line.startsWith("\\resizebox")) {
        int start = line.indexOf("$\\displaystyle ");
        math = new StringBuilder(line.substring(start + "$\\displaystyle ".length()));
        if (line.endsWith("$}")) {
          Display.latex(math.substring(0, math.length() - 2).strip());
          math = null;
        }
      } else if (line.startsWith("%")) {
        System.out.println(line.substring(1).strip());
      } else if (line.startsWith("\\section*{") && line.endsWith("}")) {
        System.out.println(line.substring("\\section*{".length(), line.length() - 1));
      } else if (!line.isBlank() && !line.startsWith("\\")) {
        System.out.println(line);
      }
    }
  }

  /**
   * Stops the cell that is being evaluated, which then ends with the error "interrupted". JShell's
   * stop reaches only code that runs, so it is repeated until the cell ends: an interrupt during
   * compilation stops the cell as soon as it starts running. Between cells it does nothing.
   */
  public void stop() {
    if (!running) {
      return;
    }
    stopped = true;
    Thread repeat = new Thread(() -> {
      while (stopped && running) {
        shell.stop();
        try {
          Thread.sleep(STOP_REPEAT_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "cell-stop");
    repeat.setDaemon(true);
    repeat.start();
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

  @Override
  public void close() {
    shell.close();
  }
}
