package org.lcngeo.core.algebra;

/**
 * Double precision as a {@link Ring}: lets generic code of the plan run in floating point (for
 * tests and one-off preprocessing); hot numeric paths use the primitive kernels of the numeric
 * executor instead.
 */
public enum DoubleRing implements OrderedRing<Double> {
  INSTANCE;

  @Override
  public Double zero() {
    return 0.0;
  }

  @Override
  public Double one() {
    return 1.0;
  }

  @Override
  public Double add(Double a, Double b) {
    return a + b;
  }

  @Override
  public Double multiply(Double a, Double b) {
    return a * b;
  }

  @Override
  public Double negate(Double a) {
    return -a;
  }

  @Override
  public boolean isZero(Double a) {
    return a == 0.0;
  }

  @Override
  public int signum(Double a) {
    return a > 0 ? 1 : a < 0 ? -1 : 0;
  }

  /** The IEEE comparison, without the rounding of a - b. */
  @Override
  public int compare(Double a, Double b) {
    return a > b ? 1 : a < b ? -1 : 0;
  }
}
