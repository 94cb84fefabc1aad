package org.lcngeo.symbolic.manifold;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.time.Duration;
import java.util.List;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.core.plan.Neuromanifold;
import org.lcngeo.symbolic.formula.Elimination;
import org.lcngeo.symbolic.formula.Notation;

/**
 * The neuromanifold M = im(mu) as an algebraic set: its dimension (core {@link Neuromanifold}) and
 * generators of the ideal of its Zariski closure in Q[v0, ..., v<n-1>] over the row-major
 * flattening, by elimination of the filter variables from {v_m - mu_m(theta)} ({@link
 * Elimination}). For Ex. 15 this is the cubic v0 v3^2 + v1^2 v4 - v1 v2 v3 (Kohn et al. 2022, Ex.
 * 4.12). When the certified dimension equals n, M is Zariski dense and the ideal is zero: no
 * elimination is run.
 *
 * @param dimension dim M
 * @param dimensionCertain whether the dimension is certified (see {@link Neuromanifold})
 * @param variables {@code v0, v1, ...}
 * @param equations a Groebner basis (graded order) of the ideal, integer coefficients, content 1
 */
public record NeuromanifoldEquations(
    Architecture architecture,
    int dimension,
    boolean dimensionCertain,
    List<String> variables,
    List<GenPolynomial<BigRational>> equations) {

  /**
   * Computes the equations.
   *
   * @throws org.lcngeo.core.InvalidInputException when the elimination exceeds its size or time
   *     bound
   */
  public static NeuromanifoldEquations compute(Architecture a, Duration timeout) {
    Neuromanifold.Result dim = Neuromanifold.compute(MuPlan.compile(a));
    int n = a.endToEndEntries();
    List<String> names = Elimination.endToEndNames(n);
    if (dim.certain() && dim.dimension() == n) {
      return new NeuromanifoldEquations(a, n, true, names, List.of());
    }
    Elimination e = Elimination.compute(a, timeout);
    return new NeuromanifoldEquations(a, dim.dimension(), dim.certain(), names, e.equations());
  }

  /** The equations written in a notation. */
  public List<String> write(Notation notation) {
    return equations.stream().map(notation::polynomial).toList();
  }

  /** A Macaulay2 session defining the ring and the ideal: {@code R = QQ[v0..v4]; I = ideal(...)}. */
  public String macaulay2() {
    String gens = String.join(", ", write(Notation.MACAULAY2));
    return "R = QQ[" + String.join(", ", variables) + "];\n"
        + "I = ideal(" + (gens.isEmpty() ? "0_R" : gens) + ");\n";
  }
}
