package org.lcngeo.core.algebra;

import org.hipparchus.fraction.BigFraction;

/** The field Q on Hipparchus' {@link BigFraction}: the generic exact arithmetic of the plan. */
public enum RationalRing implements OrderedRing<BigFraction> {
  INSTANCE;

  @Override
  public BigFraction zero() {
    return BigFraction.ZERO;
  }

  @Override
  public BigFraction one() {
    return BigFraction.ONE;
  }

  @Override
  public BigFraction add(BigFraction a, BigFraction b) {
    return a.add(b);
  }

  @Override
  public BigFraction multiply(BigFraction a, BigFraction b) {
    return a.multiply(b);
  }

  @Override
  public BigFraction negate(BigFraction a) {
    return a.negate();
  }

  @Override
  public boolean isZero(BigFraction a) {
    return a.getNumerator().signum() == 0;
  }

  @Override
  public int signum(BigFraction a) {
    return a.getNumerator().signum();
  }

  @Override
  public int compare(BigFraction a, BigFraction b) {
    return a.compareTo(b);
  }
}
