package org.lcngeo.symbolic.formula;

import edu.jas.structure.RingElem;
import edu.jas.structure.RingFactory;
import org.lcngeo.core.algebra.Ring;

/**
 * A JAS ring (polynomials over any coefficient ring, rational functions, ...) as a core {@link
 * Ring}, so that the generic executor of the plan of mu runs over it: the ring operations are JAS's
 * own. {@link PolynomialRing} and {@link RationalFunctionRing} add their constructors of elements.
 *
 * @param <C> the JAS element type
 */
public class JasRing<C extends RingElem<C>> implements Ring<C> {
  private final RingFactory<C> factory;

  public JasRing(RingFactory<C> factory) {
    this.factory = factory;
  }

  @Override
  public C zero() {
    return factory.getZERO();
  }

  @Override
  public C one() {
    return factory.getONE();
  }

  @Override
  public C add(C a, C b) {
    return a.sum(b);
  }

  @Override
  public C multiply(C a, C b) {
    return a.multiply(b);
  }

  @Override
  public C negate(C a) {
    return a.negate();
  }

  @Override
  public boolean isZero(C a) {
    return a.isZERO();
  }

  @Override
  public C subtract(C a, C b) {
    return a.subtract(b);
  }
}
