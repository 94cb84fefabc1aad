package org.lcngeo.core;

/**
 * A time limit ({@code --timeout}) stopped the work. It is not a failure of the input or of the
 * program: the command line prints what was computed before the limit, marks it {@code "stopped":
 * "timeout"} and exits with status 3.
 */
public class TimeLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TimeLimitException(String message) {
    super(message);
  }
}
