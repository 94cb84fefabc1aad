package org.lcngeo.symbolic.manifold;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.time.Duration;
import java.util.List;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.core.plan.Neuromanifold;
import org.lcngeo.symbolic.formula.Elimination;
import org.lcngeo.symbolic.formula.GraphRelations;
import org.lcngeo.symbolic.formula.Notation;
import org.lcngeo.symbolic.formula.NtkFormula;
import org.lcngeo.symbolic.formula.PolynomialRing;
import org.lcngeo.symbolic.formula.RationalFunctionRing;

/**
 * The neuromanifold M = im(mu) as an algebraic set: its dimension (core {@link Neuromanifold}) and
 * generators of the ideal of its Zariski closure in Q[v0, ..., v<n-1>] over the row-major
 * flattening, by elimination of the filter variables from {v_m - mu_m(theta)} ({@link
 * Elimination}). For Ex. 15 this is the cubic v0 v3^2 + v1^2 v4 - v1 v2 v3 (Kohn et al. 2022, Ex.
 * 4.12). When the certified dimension equals n, M is Zariski dense and the ideal is zero: no
 * elimination is run.
 *
 * <p>When the Groebner basis exceeds half of the time bound, the equations are found instead by
 * implicitization by linear algebra up to a degree bound ({@link GraphRelations#vanishing}): each
 * vanishes on the neuromanifold exactly, but they are only known to generate its ideal up to that
 * degree, and {@code complete} is false.
 *
 * @param dimension dim M
 * @param dimensionCertain whether the dimension is certified (see {@link Neuromanifold})
 * @param variables {@code v0, v1, ...}
 * @param equations a Groebner basis (graded order) of the ideal, integer coefficients, content 1;
 *     or, when not complete, the polynomials of degree at most degreeBound vanishing on it
 * @param complete whether the equations generate the ideal
 * @param degreeBound the degree bound of the linear-algebra search, 0 when complete
 */
public record NeuromanifoldEquations(
    Architecture architecture,
    int dimension,
    boolean dimensionCertain,
    List<String> variables,
    List<GenPolynomial<BigRational>> equations,
    boolean complete,
    int degreeBound) {
  /** Highest degree of the linear-algebra fallback. */
  public static final int MAX_FALLBACK_DEGREE = 4;


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
      return new NeuromanifoldEquations(a, n, true, names, List.of(), true, 0);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      Elimination e = Elimination.compute(a, timeout.dividedBy(2));
      return new NeuromanifoldEquations(
          a, dim.dimension(), dim.certain(), names, e.equations(), true, 0);
    } catch (InvalidInputException tooLarge) {
      if (n > NtkFormula.MAX_SIDE) {
        throw tooLarge;
      }
      NtkFormula symbols = NtkFormula.of(a);
      RationalFunctionRing ring =
          new RationalFunctionRing(PolynomialRing.withVariables(names).jas());
      GraphRelations relations = new GraphRelations(symbols, ring, deadline);
      List<GenPolynomial<BigRational>> found = null;
      int degree = 0;
      for (int d = 1; d <= MAX_FALLBACK_DEGREE; d++) {
        try {
          found = relations.vanishing(d);
          degree = d;
        } catch (InvalidInputException timedOut) {
          break;
        }
      }
      if (found == null) {
        throw tooLarge;
      }
      return new NeuromanifoldEquations(
          a, dim.dimension(), dim.certain(), names, found, false, degree);
    }
  }

  /** The equations written in a notation. */
  public List<String> write(Notation notation) {
    return equations.stream().map(notation::polynomial).toList();
  }

  /**
   * A Macaulay2 session defining the ring and the ideal: {@code R = QQ[v0..v4]; I = ideal(...)}
   * (with a comment when the equations are only those up to the degree bound).
   */
  public String macaulay2() {
    String gens = String.join(", ", write(Notation.MACAULAY2));
    return (complete ? "" : "-- only the equations of degree <= " + degreeBound + "; they may not generate the ideal\n")
        + "R = QQ[" + String.join(", ", variables) + "];\n"
        + "I = ideal(" + (gens.isEmpty() ? "0_R" : gens) + ");\n";
  }
}
