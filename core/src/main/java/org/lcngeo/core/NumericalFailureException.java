package org.lcngeo.core;

/**
 * A computation in floating point failed: a flow left the finite numbers, an integrator could not
 * reach the end of its interval, a result is not finite. The input was valid and no designed limit
 * was reached; the user's remedy is another method, step or tolerance. The command line prints the
 * message after {@code error:} and exits with status 4.
 */
public class NumericalFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NumericalFailureException(String message) {
    super(message);
  }
}
