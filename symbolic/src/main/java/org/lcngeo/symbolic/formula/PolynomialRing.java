package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.TermOrder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * The polynomial ring Q[x_1, ..., x_n] with named variables (JAS {@link GenPolynomialRing} over
 * {@link BigRational}) as a core {@link org.lcngeo.core.algebra.Ring} ({@link JasRing}), so that the generic executor of {@link
 * org.lcngeo.core.plan.MuPlan} computes mu, its Jacobian and the NTK blocks K_l = J_l J_l^T
 * (Observation 3) as polynomials in filter symbols.
 */
public final class PolynomialRing extends JasRing<GenPolynomial<BigRational>> {
  private final GenPolynomialRing<BigRational> jas;

  public PolynomialRing(GenPolynomialRing<BigRational> jas) {
    super(jas);
    this.jas = jas;
  }

  /** Q[names] with JAS' default (graded) term order. */
  public static PolynomialRing withVariables(List<String> names) {
    return new PolynomialRing(
        new GenPolynomialRing<>(
            BigRational.ZERO, names.size(), new TermOrder(), names.toArray(String[]::new)));
  }

  public GenPolynomialRing<BigRational> jas() {
    return jas;
  }

  /** Variable names, in the order they were given. */
  public List<String> variableNames() {
    return List.of(jas.getVars());
  }

  /** The variable called {@code name}. */
  public GenPolynomial<BigRational> variable(String name) {
    return jas.univariate(name);
  }

  /** All variables, in the order of {@link #variableNames()}. */
  public List<GenPolynomial<BigRational>> variables() {
    List<GenPolynomial<BigRational>> out = new ArrayList<>();
    for (String n : jas.getVars()) {
      out.add(jas.univariate(n));
    }
    return out;
  }

  public GenPolynomial<BigRational> constant(BigFraction q) {
    return constantOf(toJas(q));
  }

  public GenPolynomial<BigRational> constantOf(BigRational q) {
    return jas.getONE().multiply(q);
  }

  /** Hipparchus' exact rational as a JAS rational. */
  public static BigRational toJas(BigFraction q) {
    return new BigRational(new edu.jas.arith.BigInteger(q.getNumerator()), new edu.jas.arith.BigInteger(q.getDenominator()));
  }

  /** A JAS rational as Hipparchus' exact rational. */
  public static BigFraction fromJas(BigRational q) {
    BigInteger num = q.numerator();
    BigInteger den = q.denominator();
    return new BigFraction(num, den);
  }
}
