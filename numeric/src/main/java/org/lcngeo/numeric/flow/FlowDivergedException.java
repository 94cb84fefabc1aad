package org.lcngeo.numeric.flow;

import org.lcngeo.core.InvalidInputException;

/**
 * The flow left the finite numbers (or grew beyond any meaningful size), or the integrator could not
 * continue: caused by the input (initial tuple, step size, tolerances), so reported like bad input.
 */
public final class FlowDivergedException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public FlowDivergedException(String message) {
    super(message);
  }
}
