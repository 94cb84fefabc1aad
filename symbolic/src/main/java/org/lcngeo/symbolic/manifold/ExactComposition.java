package org.lcngeo.symbolic.manifold;

import edu.jas.arith.BigInteger;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.TermOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.formula.JasRing;

/**
 * Exact substitution v = mu(theta) into polynomials with integer coefficients, in Z[theta] with
 * theta_(l,0) = 1 for every layer: f(mu) is homogeneous of degree deg f in each layer, so it
 * vanishes iff its dehomogenization does. Products of the mu_m are memoized on monomial prefixes.
 */
final class ExactComposition {
  private final GenPolynomialRing<BigInteger> ring;
  private final List<GenPolynomial<BigInteger>> mu;
  private final Map<Key, GenPolynomial<BigInteger>> memo = new HashMap<>();

  ExactComposition(Architecture a) {
    int vars = a.parameterCount() - a.depth();
    String[] names = new String[Math.max(vars, 1)];
    for (int i = 0; i < names.length; i++) {
      names[i] = "t" + i;
    }
    this.ring = new GenPolynomialRing<>(new BigInteger(), names.length, new TermOrder(), names);
    List<GenPolynomial<BigInteger>> theta = new java.util.ArrayList<>();
    int next = 0;
    for (int l = 0; l < a.depth(); l++) {
      for (int j = 0; j < a.layerParameters(l); j++) {
        theta.add(j == 0 ? ring.getONE() : ring.univariate(next++));
      }
    }
    this.mu = MuPlan.compile(a).mu(new JasRing<>(ring), FilterTuple.fromFlat(a, theta));
  }

  /** Whether sum_i coeffs[i] mu^monomials[i] is zero. */
  boolean vanishes(List<int[]> monomials, java.math.BigInteger[] coeffs) {
    GenPolynomial<BigInteger> sum = ring.getZERO();
    for (int i = 0; i < monomials.size(); i++) {
      Deadline.checkCurrent();
      sum = sum.sum(of(monomials.get(i)).multiply(new BigInteger(coeffs[i])));
    }
    return sum.isZERO();
  }

  private GenPolynomial<BigInteger> of(int[] e) {
    int last = -1;
    for (int i = 0; i < e.length; i++) {
      if (e[i] > 0) {
        last = i;
      }
    }
    if (last < 0) {
      return ring.getONE();
    }
    Key key = new Key(e);
    GenPolynomial<BigInteger> known = memo.get(key);
    if (known != null) {
      return known;
    }
    int[] prefix = e.clone();
    prefix[last]--;
    GenPolynomial<BigInteger> p = of(prefix).multiply(mu.get(last));
    memo.put(new Key(e.clone()), p);
    return p;
  }

  private record Key(int[] e) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && Arrays.equals(e, other.e);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(e);
    }
  }
}
