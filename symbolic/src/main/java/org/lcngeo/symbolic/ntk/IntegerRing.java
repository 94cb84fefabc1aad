package org.lcngeo.symbolic.ntk;

import java.math.BigInteger;
import org.lcngeo.core.algebra.Ring;

/** The integers Z on {@link BigInteger}: runs the generic plan on denominator-free layers. */
enum IntegerRing implements Ring<BigInteger> {
  INSTANCE;

  @Override
  public BigInteger zero() {
    return BigInteger.ZERO;
  }

  @Override
  public BigInteger one() {
    return BigInteger.ONE;
  }

  @Override
  public BigInteger add(BigInteger a, BigInteger b) {
    return a.add(b);
  }

  @Override
  public BigInteger multiply(BigInteger a, BigInteger b) {
    return a.multiply(b);
  }

  @Override
  public BigInteger negate(BigInteger a) {
    return a.negate();
  }

  @Override
  public boolean isZero(BigInteger a) {
    return a.signum() == 0;
  }
}
