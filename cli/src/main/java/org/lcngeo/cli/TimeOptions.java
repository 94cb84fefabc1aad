package org.lcngeo.cli;

import java.math.BigDecimal;
import java.time.Duration;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.InvalidInputException;
import picocli.CommandLine.Option;

/**
 * {@code --timeout} and {@code --progress} of the exact commands (docs/cli.md, "Time limits"):
 * every exact command runs under a {@link Deadline} and reports progress on stderr when it takes
 * longer than {@link Progress#QUIET_SECONDS} seconds.
 */
public final class TimeOptions {
  /** The longest {@code --timeout}: one week. */
  static final long MAX_SECONDS = 7 * 24 * 3600;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "time limit in seconds (decimals allowed; default ${DEFAULT-VALUE}); when it"
          + " expires the command prints what it has, marked \"stopped\": \"timeout\", and exits 3")
  String timeout;

  @Option(
      names = "--progress",
      description = "progress lines on stderr even with --json when stdout is not a terminal")
  boolean progress;

  /** The validated time limit. */
  public Duration limit() {
    return parse(timeout);
  }

  /** A deadline {@link #limit()} from now. */
  public Deadline deadline() {
    return Deadline.after(limit());
  }

  /**
   * Progress reporting for a command: on unless the output is JSON to something other than a
   * terminal, or forced by {@code --progress}.
   */
  public Progress progress(String command, boolean json) {
    return wanted(progress, json) ? Progress.start(command, System.err) : Progress.OFF;
  }

  /**
   * Whether a command reports progress on stderr (docs/cli.md): always for text output and on a
   * terminal, for JSON into a pipe or file only when {@code --progress} asks for it.
   */
  static boolean wanted(boolean forced, boolean json) {
    return forced || !json || System.console() != null;
  }

  /**
   * Runs a command's exact work under the time limit and prints the text it returns; at the limit,
   * prints the partial result instead ({@link PartialResult#stopped}).
   *
   * @param start records the fields known before the work (the architecture, the input)
   * @param work computes the whole output, recording fields in the partial result as it goes
   * @param textHead the text output's first lines from a partial result
   * @return the exit status: 0, or 3 at the time limit
   */
  public int run(String command, boolean json, java.util.function.Consumer<PartialResult> start,
      java.util.function.Function<PartialResult, String> work,
      java.util.function.Function<PartialResult, String> textHead) {
    Deadline deadline = deadline();
    try (Progress p = progress(command, json)) {
      PartialResult partial = new PartialResult(p);
      start.accept(partial);
      try {
        System.out.print(Bounded.call(deadline, () -> work.apply(partial)));
        return ExitCode.OK;
      } catch (org.lcngeo.core.TimeLimitException e) {
        return partial.stopped(
            command, e, json, textHead.apply(partial), System.out, System.err);
      }
    }
  }

  /** Parses a positive number of seconds, at most {@value #MAX_SECONDS}. */
  static Duration parse(String text) {
    BigDecimal s;
    try {
      s = new BigDecimal(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new InvalidInputException("--timeout must be a number of seconds, not '" + text + "'");
    }
    if (s.signum() <= 0 || s.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
      throw new InvalidInputException(
          "--timeout must be more than 0 and at most " + MAX_SECONDS + " seconds, not " + text);
    }
    long millis = s.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    return Duration.ofMillis(millis);
  }
}
