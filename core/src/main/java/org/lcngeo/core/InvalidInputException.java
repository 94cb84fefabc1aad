package org.lcngeo.core;

/**
 * Bad user input: wrong shapes, zero filters, strides below one, malformed numbers, missing or
 * contradictory options, unusable output paths. Its message is one complete sentence meant for the
 * user; the command line prints it after {@code error:} and exits with status 2. Input that is well
 * formed but asks for more than a designed bound is a {@link LimitExceededException}; a failure of
 * floating point a {@link NumericalFailureException}; an expired {@link Deadline} a {@link
 * TimeLimitException}.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
