package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.Monomial;
import java.util.List;
import java.util.function.Function;
import org.lcngeo.core.algebra.Ring;

/** Evaluation of a JAS polynomial in any core {@link Ring}: substitutes a value for each variable. */
public final class Substitution {
  private Substitution() {}

  /**
   * p(values): {@code values.get(i)} replaces the i-th variable name of p's ring; {@code constant}
   * maps the rational coefficients into the ring.
   */
  public static <T> T evaluate(
      GenPolynomial<BigRational> p,
      Ring<T> ring,
      List<T> values,
      Function<BigRational, T> constant) {
    int n = p.ring.nvar;
    if (values.size() != n) {
      throw new IllegalArgumentException(n + " values needed, got " + values.size());
    }
    T sum = ring.zero();
    for (Monomial<BigRational> m : p) {
      T term = constant.apply(m.coefficient());
      ExpVector e = m.exponent();
      for (int i = 0; i < n; i++) {
        long k = e.getVal(i);
        T x = values.get(n - 1 - i); // JAS stores exponents in reverse variable order
        for (long r = 0; r < k; r++) {
          term = ring.multiply(term, x);
        }
      }
      sum = ring.add(sum, term);
    }
    return sum;
  }
}
