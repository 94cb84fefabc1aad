package org.lcngeo.core;

/**
 * Bad user input: wrong shapes, zero filters, strides below one, malformed numbers, sizes beyond
 * {@link Limits}. Its message is one complete sentence meant for the user; the command line prints
 * it after {@code error:} and exits with status 2.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
