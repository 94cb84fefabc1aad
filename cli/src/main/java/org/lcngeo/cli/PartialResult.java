package org.lcngeo.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lcngeo.core.TimeLimitException;

/**
 * The JSON fields a bounded command has computed so far, filled by its worker thread as each part
 * is done, and the stage it is in (shown by {@link Progress}). When the time limit stops the work,
 * {@link #stopped} prints what there is, marked {@code "complete": false} and {@code "stopped":
 * "timeout"} (docs/cli.md, "Time limits"), and returns exit status 3.
 */
public final class PartialResult {
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Progress progress;
  private volatile String stage = "starting";

  public PartialResult(Progress progress) {
    this.progress = progress;
  }

  /** Records a computed field. */
  public synchronized void put(String key, Object value) {
    fields.put(key, value);
  }

  /** Names the stage of the work now (for progress lines and the timeout's reason). */
  public void stage(String description) {
    stage = description;
    progress.stage(description);
  }

  /** A copy of the fields computed so far. */
  public synchronized Map<String, Object> snapshot() {
    return new LinkedHashMap<>(fields);
  }

  /**
   * Prints the fields computed before the time limit (JSON, or text lines ending with one that
   * says the work stopped), one line on stderr, and returns exit status 3.
   *
   * @param textHead the text output's first lines, printed before the stop line (may be empty)
   */
  public int stopped(String command, TimeLimitException e, boolean json, String textHead,
      PrintStream out, PrintStream err) {
    return stopped(command, e, json, textHead, line -> line, out, err);
  }

  /**
   * {@link #stopped(String, TimeLimitException, boolean, String, PrintStream, PrintStream)} for a
   * text output in another system's syntax: the stop line is written as its comment.
   */
  public int stopped(String command, TimeLimitException e, boolean json, String textHead,
      java.util.function.UnaryOperator<String> comment, PrintStream out, PrintStream err) {
    String reason = e.getMessage() + " while " + stage;
    Map<String, Object> m = snapshot();
    m.put("complete", false);
    m.put("stopped", "timeout");
    m.put("reason", reason);
    if (json) {
      Output.json(out, m);
    } else {
      out.print(textHead);
      out.println(comment.apply("stopped: " + reason + "; the output above is all that was computed"));
    }
    out.flush();
    err.println("lcn " + command + ": stopped: " + reason + " (exit 3)");
    err.flush();
    return ExitCode.TIME_LIMIT;
  }
}
