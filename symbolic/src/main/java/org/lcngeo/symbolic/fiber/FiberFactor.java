package org.lcngeo.symbolic.fiber;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.Optional;
import org.lcngeo.symbolic.expr.Exprs;

/**
 * A Q-irreducible factor of the multi-homogeneous pi_1(v) (Lemma 9), with its multiplicity: either
 * a polynomial in the dehomogenised variables z_m = y_m / x_m, or the variable x_m itself (a factor
 * "at infinity", restored from the degree deficit of the dehomogenised polynomial).
 *
 * @param polynomial the factor in z_0..z_{D-1}, primitive with integer coefficients; {@code null}
 *     for x_m
 * @param infinityVariable m for the factor x_m, else -1
 * @param multiplicity its exponent in pi_1(v)
 * @param realCertificate why it stays irreducible over R, or empty when it may split
 */
public record FiberFactor(
    GenPolynomial<BigRational> polynomial,
    int infinityVariable,
    long multiplicity,
    Optional<String> realCertificate) {

  static FiberFactor atInfinity(int m, long multiplicity) {
    return new FiberFactor(null, m, multiplicity, Optional.of("linear (at infinity)"));
  }

  public boolean isAtInfinity() {
    return infinityVariable >= 0;
  }

  /** This factor as data: the polynomial, or the variable x_m. */
  public LayerFactor toLayerFactor() {
    return isAtInfinity()
        ? new LayerFactor.Variable(Exprs.symbol("x", infinityVariable))
        : new LayerFactor.Rational(polynomial);
  }

  /** {@code z0^2 + 2} or {@code x0} in plain text ({@link FactorSyntax#text}), for messages. */
  String display() {
    return FactorSyntax.text(toLayerFactor());
  }

  @Override
  public String toString() {
    return "(" + display() + ")" + (multiplicity > 1 ? "^" + multiplicity : "");
  }
}
