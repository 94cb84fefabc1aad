package org.lcngeo.symbolic.fiber;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.List;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.expr.Expr;

/**
 * A factor of a layer's polynomial, as data: what it is, never how a front end spells it (written
 * by {@link FactorSyntax}).
 */
public sealed interface LayerFactor {
  /** A variable: z0 (the root 0 of a one-dimensional layer polynomial) or x_m (at infinity). */
  record Variable(Expr.Symbol symbol) implements LayerFactor {}

  /** A Q-irreducible factor in z_0..z_{D-1}, primitive with integer coefficients. */
  record Rational(GenPolynomial<BigRational> polynomial) implements LayerFactor {}

  /**
   * A real factor in z_0..z_{D-1} with coefficients in a real number field: its non-zero terms,
   * highest exponent vector first ({@link SparsePolynomial}'s order).
   */
  record Real(int variables, List<Term> terms) implements LayerFactor {
    /** c * z_0^e_0 ... z_{D-1}^e_{D-1}. */
    public record Term(List<Integer> exponents, FieldElement coefficient) {}
  }

  /** A monic real factor in z0 (D = 1): its coefficients, constant first. */
  record Univariate(List<RealAlgebraicNumber> coefficients) implements LayerFactor {}
}
