package org.lcngeo.symbolic.manifold;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.core.plan.Neuromanifold;
import org.lcngeo.symbolic.formula.Elimination;
import org.lcngeo.symbolic.formula.Notation;
import org.lcngeo.symbolic.formula.PolynomialRing;

/**
 * The neuromanifold M = im(mu) as an algebraic set: its dimension (core {@link Neuromanifold}),
 * its degree, and generators of the ideal of its Zariski closure in Q[v0, ..., v<n-1>] over the
 * row-major flattening, by {@link Implicitization} (interpolation mod primes, exact verification,
 * completeness proven by dimension, degree and the Cohen-Macaulay property, or by the kernel of mu
 * mod p). For Ex. 15 this is the
 * cubic v0 v3^2 + v1^2 v4 - v1 v2 v3 (Kohn et al. 2022, Ex. 4.12). When dim M = n the ideal is
 * zero.
 *
 * @param dimension dim M
 * @param dimensionCertain whether the dimension is certified (see {@link Neuromanifold})
 * @param variables {@code v0, v1, ...}
 * @param equations generators of the ideal (integer coefficients, content 1) when complete; when
 *     not, polynomials that vanish on M (verified exactly) but are not proven to generate its ideal
 * @param degree deg M when proven, else null
 * @param parametrizationDegree deg(mu): the number of points of a generic fiber up to scaling over
 *     C, when proven, else null
 * @param complete whether the equations are proven to generate the ideal
 * @param reason why not complete, null when complete
 * @param stopped whether the time bound stopped the computation
 */
public record NeuromanifoldEquations(
    Architecture architecture,
    int dimension,
    boolean dimensionCertain,
    List<String> variables,
    List<GenPolynomial<BigRational>> equations,
    BigInteger degree,
    BigInteger parametrizationDegree,
    boolean complete,
    String reason,
    boolean stopped) {

  /**
   * Computes the equations within the running command's time bound ({@link
   * org.lcngeo.core.Deadline}).
   */
  public static NeuromanifoldEquations compute(Architecture a) {
    Neuromanifold.Result dim = Neuromanifold.compute(MuPlan.compile(a));
    int n = a.endToEndEntries();
    List<String> names = Elimination.endToEndNames(n);
    Implicitization.Result r = Implicitization.compute(a);
    PolynomialRing ring = PolynomialRing.withVariables(names);
    List<GenPolynomial<BigRational>> eqs = new ArrayList<>();
    for (Map<List<Integer>, BigInteger> g : r.generators()) {
      GenPolynomial<BigRational> p = ring.zero();
      for (Map.Entry<List<Integer>, BigInteger> t : g.entrySet()) {
        long[] e = new long[n];
        for (int i = 0; i < n; i++) {
          e[n - 1 - i] = t.getKey().get(i);
        }
        p = p.sum(new BigRational(t.getValue()), ExpVector.create(e));
      }
      eqs.add(p);
    }
    return new NeuromanifoldEquations(a, dim.dimension(), dim.certain(), names, eqs, r.degree(),
        r.parametrizationDegree(), r.complete() && dim.certain(),
        dim.certain() ? r.reason() : "the dimension is not certified", r.stopped());
  }

  /** The equations written in a notation. */
  public List<String> write(Notation notation) {
    return equations.stream().map(notation::polynomial).toList();
  }
}
