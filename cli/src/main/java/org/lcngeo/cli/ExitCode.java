package org.lcngeo.cli;

/**
 * The exit status of {@code lcn}, one per kind of outcome (docs/cli.md, "Exit status"). The
 * contract fixes 0 to 3; 4 is ours.
 */
public final class ExitCode {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** A bug: an exception that is none of the kinds below (stack trace with {@code LCN_DEBUG=1}). */
  public static final int INTERNAL = 1;
  /** Invalid input or usage ({@link org.lcngeo.core.InvalidInputException}). */
  public static final int INVALID_INPUT = 2;
  /**
   * A designed limit was reached ({@link org.lcngeo.core.LimitExceededException}): the same status
   * as invalid input, as the contract asks of every input the command refuses; the message names
   * the limit.
   */
  public static final int LIMIT = 2;
  /** {@code --timeout} stopped the work ({@link org.lcngeo.core.TimeLimitException}). */
  public static final int TIME_LIMIT = 3;
  /** Floating point failed: a diverged flow ({@link org.lcngeo.core.NumericalFailureException}). */
  public static final int NUMERICAL_FAILURE = 4;

  private ExitCode() {}
}
