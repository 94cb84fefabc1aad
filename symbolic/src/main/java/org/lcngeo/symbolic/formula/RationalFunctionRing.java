package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.ufd.Quotient;
import edu.jas.ufd.QuotientRing;
import org.lcngeo.core.algebra.Ring;

/**
 * The field of rational functions Q(x_1, ..., x_n) (JAS {@link QuotientRing}, kept in lowest terms)
 * as a core {@link Ring}: the plan of mu evaluated at the rational inverse map v -> theta(v) (Ex. 15,
 * eq. 15) gives K_l(theta(v)) and mu(theta(v)) directly.
 */
public final class RationalFunctionRing implements Ring<Quotient<BigRational>> {
  private final QuotientRing<BigRational> jas;

  public RationalFunctionRing(GenPolynomialRing<BigRational> polynomials) {
    this.jas = new QuotientRing<>(polynomials);
  }

  public QuotientRing<BigRational> jas() {
    return jas;
  }

  public GenPolynomialRing<BigRational> polynomials() {
    return jas.ring;
  }

  /** The polynomial p as a rational function. */
  public Quotient<BigRational> of(GenPolynomial<BigRational> p) {
    return new Quotient<>(jas, p);
  }

  /** num / den in lowest terms. */
  public Quotient<BigRational> of(GenPolynomial<BigRational> num, GenPolynomial<BigRational> den) {
    return new Quotient<>(jas, num, den);
  }

  @Override
  public Quotient<BigRational> zero() {
    return jas.getZERO();
  }

  @Override
  public Quotient<BigRational> one() {
    return jas.getONE();
  }

  @Override
  public Quotient<BigRational> add(Quotient<BigRational> a, Quotient<BigRational> b) {
    return a.sum(b);
  }

  @Override
  public Quotient<BigRational> multiply(Quotient<BigRational> a, Quotient<BigRational> b) {
    return a.multiply(b);
  }

  @Override
  public Quotient<BigRational> negate(Quotient<BigRational> a) {
    return a.negate();
  }

  @Override
  public boolean isZero(Quotient<BigRational> a) {
    return a.isZERO();
  }

  @Override
  public Quotient<BigRational> subtract(Quotient<BigRational> a, Quotient<BigRational> b) {
    return a.subtract(b);
  }
}
