package org.lcngeo.core;

/**
 * A designed limit was reached: the input is well formed, but the work it asks for lies beyond a
 * bound that keeps a computation within memory and time on an ordinary machine ({@link Limits},
 * factoring and field degree bounds, the size of printed formulas). The message names the limit
 * and its value; the command line prints it after {@code error:} and exits with status 2, like
 * invalid input, because the user's remedy is the same: a smaller input.
 */
public class LimitExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LimitExceededException(String message) {
    super(message);
  }
}
