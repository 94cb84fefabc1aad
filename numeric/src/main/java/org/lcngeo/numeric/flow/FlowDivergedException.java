package org.lcngeo.numeric.flow;

import org.lcngeo.core.NumericalFailureException;

/**
 * The flow left the finite numbers (or grew beyond any meaningful size), or the integrator could not
 * continue: a numerical failure, not bad input; another method, step or tolerance may succeed.
 */
public final class FlowDivergedException extends NumericalFailureException {
  private static final long serialVersionUID = 1L;

  public FlowDivergedException(String message) {
    super(message);
  }
}
