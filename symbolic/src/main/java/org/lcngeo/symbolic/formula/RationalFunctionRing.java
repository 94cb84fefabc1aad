package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.ufd.Quotient;
import edu.jas.ufd.QuotientRing;

/**
 * The field of rational functions Q(x_1, ..., x_n) (JAS {@link QuotientRing}, kept in lowest terms)
 * as a core {@link org.lcngeo.core.algebra.Ring} ({@link JasRing}): the plan of mu evaluated at
 * the rational inverse map v -> theta(v) (Ex. 15, eq. 15) gives K_l(theta(v)) and mu(theta(v))
 * directly.
 */
public final class RationalFunctionRing extends JasRing<Quotient<BigRational>> {
  private final QuotientRing<BigRational> jas;

  public RationalFunctionRing(GenPolynomialRing<BigRational> polynomials) {
    this(new QuotientRing<>(polynomials));
  }

  private RationalFunctionRing(QuotientRing<BigRational> jas) {
    super(jas);
    this.jas = jas;
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
}
