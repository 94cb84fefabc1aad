package org.lcngeo.numeric.flow;

/** Receives an integration's states: every accepted step, and the exact states at grid times. */
public interface TrajectoryObserver {
  /** The state at grid time index k (time t); y is a view, copy what you keep. */
  void atGrid(int k, double t, double[] y);

  /** The state after an accepted step (time t); y is a view. */
  default void afterStep(double t, double[] y) {}
}
