package org.lcngeo.symbolic.manifold;

import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.structure.RingElem;
import org.lcngeo.core.algebra.Ring;

/** A JAS polynomial ring over any coefficient ring as a core {@link Ring}, for mu over it. */
record JasRing<C extends RingElem<C>>(GenPolynomialRing<C> jas) implements Ring<GenPolynomial<C>> {
  @Override
  public GenPolynomial<C> zero() {
    return jas.getZERO();
  }

  @Override
  public GenPolynomial<C> one() {
    return jas.getONE();
  }

  @Override
  public GenPolynomial<C> add(GenPolynomial<C> a, GenPolynomial<C> b) {
    return a.sum(b);
  }

  @Override
  public GenPolynomial<C> multiply(GenPolynomial<C> a, GenPolynomial<C> b) {
    return a.multiply(b);
  }

  @Override
  public GenPolynomial<C> negate(GenPolynomial<C> a) {
    return a.negate();
  }

  @Override
  public boolean isZero(GenPolynomial<C> a) {
    return a.isZERO();
  }
}
