package org.lcngeo.symbolic.ntk;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.TermOrderByName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/**
 * mu as a product of sparse polynomials in JAS (eq. 8 and Lemma 9): a D-dimensional filter w of
 * size k is the polynomial {@code pi_t(w) = sum_j w_j x^(t*j)} (multi-index j, componentwise
 * exponent t*j; the dehomogenised form y_m = 1 of the paper's pi_t), and the end-to-end filter is
 * the coefficient tensor of {@code pi_{t_H}(w_H) ... pi_{t_1}(w_1)}. This is an independent
 * computation of what {@link org.lcngeo.core.plan.MuPlan#mu} runs on flat positions, and the
 * bridge to polynomial algorithms (factoring pi_1(v) for fibers).
 */
public final class LayerPolynomials {
  private LayerPolynomials() {}

  /** Q[x1..xD]; exponent index m of an {@link ExpVector} belongs to x(m+1). */
  public static GenPolynomialRing<BigRational> ring(int dims) {
    String[] vars = new String[dims];
    for (int m = 0; m < dims; m++) {
      vars[dims - 1 - m] = "x" + (m + 1); // JAS lists variables from the highest index down
    }
    return new GenPolynomialRing<>(
        BigRational.ZERO, dims, TermOrderByName.INVLEX, vars);
  }

  /** The exact JAS rational of a fraction. */
  public static BigRational rational(BigFraction q) {
    return new BigRational(
        new edu.jas.arith.BigInteger(q.getNumerator()),
        new edu.jas.arith.BigInteger(q.getDenominator()));
  }

  /** pi_t(w) = sum_j w_j x^(t*j) for a row-major filter w of the given size. */
  public static GenPolynomial<BigRational> pi(
      GenPolynomialRing<BigRational> ring, List<BigFraction> w, int[] size, int[] t) {
    GenPolynomial<BigRational> p = ring.getZERO();
    for (int j = 0; j < w.size(); j++) {
      if (w.get(j).getNumerator().signum() == 0) {
        continue;
      }
      int[] idx = Architecture.unflatten(j, size);
      long[] e = new long[idx.length];
      for (int m = 0; m < idx.length; m++) {
        e[m] = (long) idx[m] * t[m];
      }
      p = p.sum(rational(w.get(j)), ExpVector.create(e));
    }
    return p;
  }

  /** pi_1(mu(theta)) = pi_{t_H}(w_H) ... pi_{t_1}(w_1) (Lemma 9). */
  public static GenPolynomial<BigRational> mu(FilterTuple<BigFraction> theta) {
    Architecture a = theta.architecture();
    GenPolynomialRing<BigRational> ring = ring(a.dims());
    GenPolynomial<BigRational> p = ring.getONE();
    for (int l = 0; l < a.depth(); l++) {
      p = p.multiply(pi(ring, theta.layer(l), a.size(l), a.dilation(l)));
    }
    return p;
  }

  /**
   * The row-major coefficient tensor of p on the given shape (coefficient of x^i at multi-index
   * i).
   *
   * @throws IllegalArgumentException if p has a term outside the shape
   */
  public static List<BigFraction> coefficients(GenPolynomial<BigRational> p, int[] shape) {
    int size = 1;
    for (int s : shape) {
      size *= s;
    }
    List<BigFraction> out = new ArrayList<>(Collections.nCopies(size, BigFraction.ZERO));
    for (Map.Entry<ExpVector, BigRational> term : p.getMap().entrySet()) {
      ExpVector e = term.getKey();
      int pos = 0;
      for (int m = 0; m < shape.length; m++) {
        long x = e.getVal(m);
        if (x >= shape[m]) {
          throw new IllegalArgumentException("term " + e + " lies outside the shape");
        }
        pos = pos * shape[m] + (int) x;
      }
      BigRational c = term.getValue();
      out.set(pos, new BigFraction(c.numerator(), c.denominator()));
    }
    return out;
  }
}
