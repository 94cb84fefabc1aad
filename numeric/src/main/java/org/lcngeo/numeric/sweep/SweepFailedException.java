package org.lcngeo.numeric.sweep;

/** A run of a sweep failed or the sweep was interrupted; completed rows are kept on disk. */
public class SweepFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SweepFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
