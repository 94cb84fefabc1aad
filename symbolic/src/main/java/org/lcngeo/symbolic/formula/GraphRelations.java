package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.Monomial;
import edu.jas.ufd.Quotient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.symbolic.linalg.ExactLinearAlgebra;

/**
 * Elimination by linear algebra on the graph of mu: for monomials A, B in the filter symbols it
 * finds the polynomials c(v), r(v) of least degree with c(mu(theta)) A = r(mu(theta)) B
 * identically, i.e. the element c(v) A - r(v) B of the graph ideal {v - mu(theta)}, with c not
 * vanishing on the neuromanifold (c(mu(theta)) != 0). Then A/B = r(v)/c(v) on the neuromanifold.
 *
 * <p>The search is graded: mu is multilinear and entry m of v has the multi-index of m as its
 * "position" weight (Lemma 9: the monomial of entry j of layer l has exponent t_l j), so c and r
 * are sought among monomials of one degree and one weight at a time; each such system is small and
 * is solved exactly over Q.
 */
public final class GraphRelations {
  /** Highest degree of c tried. */
  static final int MAX_DEGREE = 4;

  private final NtkFormula symbols;
  private final PolynomialRing vRing;
  private final RationalFunctionRing quotients;
  private final List<GenPolynomial<BigRational>> mu;
  private final int[][] weights;
  private final Map<List<Integer>, GenPolynomial<BigRational>> composed = new HashMap<>();
  private final long deadline;

  public GraphRelations(NtkFormula symbols, RationalFunctionRing quotients, long deadlineNanos) {
    this.symbols = symbols;
    this.quotients = quotients;
    this.vRing = new PolynomialRing(quotients.polynomials());
    this.mu = symbols.mu();
    Architecture a = symbols.plan().architecture();
    int n = a.endToEndEntries();
    this.weights = new int[n][];
    for (int m = 0; m < n; m++) {
      weights[m] = Architecture.unflatten(m, a.endToEndSize());
    }
    this.deadline = deadlineNanos;
  }

  /** The position weight of a monomial in the filter symbols (entry j of layer l: t_l * idx(j)). */
  int[] weight(GenPolynomial<BigRational> monomial) {
    Architecture a = symbols.plan().architecture();
    int[] w = new int[a.dims()];
    ExpVector e = monomial.leadingExpVector();
    List<String> names = symbols.parameters();
    int nv = names.size();
    for (int l = 0; l < a.depth(); l++) {
      int[] t = a.dilation(l);
      for (int j = 0; j < a.layerParameters(l); j++) {
        int var = a.parameterStart(l) + j;
        long k = e.getVal(nv - 1 - var);
        int[] idx = Architecture.unflatten(j, a.size(l));
        for (int m = 0; m < w.length; m++) {
          w[m] += (int) (k * idx[m] * t[m]);
        }
      }
    }
    return w;
  }

  /**
   * r/c with c(mu) A = r(mu) B and deg r = deg c + extraDegree, c of least degree; among the
   * solutions of that degree the one with the shortest written form (the length of its plain
   * text, {@link Printer#TEXT}: a size no front end's syntax decides).
   *
   * @throws InvalidInputException when the deadline passes
   */
  Optional<Quotient<BigRational>> ratio(
      GenPolynomial<BigRational> a, GenPolynomial<BigRational> b, int extraDegree) {
    int[] wa = weight(a);
    int[] wb = weight(b);
    int dims = wa.length;
    for (int d = 0; d <= MAX_DEGREE; d++) {
      Map<List<Integer>, List<List<Integer>>> cByWeight = monomialsByWeight(d);
      Map<List<Integer>, List<List<Integer>>> rByWeight = monomialsByWeight(d + extraDegree);
      Quotient<BigRational> best = null;
      int bestSize = Integer.MAX_VALUE;
      for (Map.Entry<List<Integer>, List<List<Integer>>> entry : cByWeight.entrySet()) {
        checkDeadline();
        List<Integer> rw = new ArrayList<>(entry.getKey());
        for (int m = 0; m < dims; m++) {
          rw.set(m, rw.get(m) + wa[m] - wb[m]);
        }
        List<List<Integer>> rs = rByWeight.get(rw);
        if (rs == null) {
          continue;
        }
        Quotient<BigRational> q = solve(entry.getValue(), rs, a, b);
        int size = q == null ? Integer.MAX_VALUE : writtenSize(q);
        if (size < bestSize) {
          best = q;
          bestSize = size;
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }

  /** The length of q in plain text: the measure of "shortest" among solutions of one degree. */
  private static int writtenSize(Quotient<BigRational> q) {
    return Printer.TEXT.print(JasExprs.of(q)).length();
  }

  private Quotient<BigRational> solve(
      List<List<Integer>> cs,
      List<List<Integer>> rs,
      GenPolynomial<BigRational> a,
      GenPolynomial<BigRational> b) {
    List<GenPolynomial<BigRational>> columns = new ArrayList<>();
    for (List<Integer> m : cs) {
      columns.add(composed(m).multiply(a));
    }
    for (List<Integer> m : rs) {
      columns.add(composed(m).multiply(b).negate());
    }
    for (List<BigFraction> x : ExactLinearAlgebra.kernel(coefficientMatrix(columns), columns.size())) {
      GenPolynomial<BigRational> c = vRing.zero();
      GenPolynomial<BigRational> cOfMu = symbols.ring().zero();
      GenPolynomial<BigRational> r = vRing.zero();
      for (int i = 0; i < cs.size(); i++) {
        BigRational k = PolynomialRing.toJas(x.get(i));
        c = c.sum(monomial(cs.get(i)).multiply(k));
        cOfMu = cOfMu.sum(composed(cs.get(i)).multiply(k));
      }
      for (int i = 0; i < rs.size(); i++) {
        r = r.sum(monomial(rs.get(i)).multiply(PolynomialRing.toJas(x.get(cs.size() + i))));
      }
      if (!cOfMu.isZERO()) {
        return quotients.of(r, c);
      }
    }
    return null;
  }

  /**
   * The coefficients of polynomials as the columns of a matrix, one row per monomial occurring in
   * any of them (in order of first occurrence): its kernel holds the linear relations among them.
   */
  private static List<List<BigFraction>> coefficientMatrix(List<GenPolynomial<BigRational>> columns) {
    Map<ExpVector, Integer> rowOf = new LinkedHashMap<>();
    for (GenPolynomial<BigRational> p : columns) {
      for (Monomial<BigRational> t : p) {
        rowOf.putIfAbsent(t.exponent(), rowOf.size());
      }
    }
    List<List<BigFraction>> matrix = new ArrayList<>();
    for (int r = 0; r < rowOf.size(); r++) {
      matrix.add(new ArrayList<>(java.util.Collections.nCopies(columns.size(), BigFraction.ZERO)));
    }
    for (int col = 0; col < columns.size(); col++) {
      for (Monomial<BigRational> t : columns.get(col)) {
        matrix.get(rowOf.get(t.exponent())).set(col, PolynomialRing.fromJas(t.coefficient()));
      }
    }
    return matrix;
  }

  /**
   * Implicitization by linear algebra: polynomials f(v) of degree d <= maxDegree with f(mu(theta))
   * = 0 identically, one weight at a time, skipping those in the span of v_k times the ones of
   * lower degree. They vanish on the neuromanifold exactly; whether they generate its ideal is not
   * decided here.
   *
   * @throws InvalidInputException when the deadline passes
   */
  public List<GenPolynomial<BigRational>> vanishing(int maxDegree) {
    List<GenPolynomial<BigRational>> found = new ArrayList<>();
    List<GenPolynomial<BigRational>> variables = vRing.variables();
    // a basis of the ideal's part of degree d - 1: its multiples by the v_k span the part of
    // degree d that the generators of lower degree give
    List<GenPolynomial<BigRational>> lower = List.of();
    for (int d = 1; d <= maxDegree; d++) {
      List<GenPolynomial<BigRational>> ofDegree = new ArrayList<>();
      for (List<List<Integer>> bucket : monomialsByWeight(d).values()) {
        checkDeadline();
        List<GenPolynomial<BigRational>> composedColumns = new ArrayList<>();
        for (List<Integer> m : bucket) {
          composedColumns.add(composed(m));
        }
        List<List<BigFraction>> kernel =
            ExactLinearAlgebra.kernel(coefficientMatrix(composedColumns), bucket.size());
        if (kernel.isEmpty()) {
          continue;
        }
        // coefficient vectors (over this bucket) of v_k * f for f of lower degree
        Map<ExpVector, Integer> position = new HashMap<>();
        for (int i = 0; i < bucket.size(); i++) {
          position.put(monomial(bucket.get(i)).leadingExpVector(), i);
        }
        List<List<BigFraction>> span = new ArrayList<>();
        for (GenPolynomial<BigRational> f : lower) {
          for (GenPolynomial<BigRational> v : variables) {
            List<BigFraction> row = coefficients(f.multiply(v), position, bucket.size());
            if (row != null) {
              span.add(row);
            }
          }
        }
        int rank = ExactLinearAlgebra.rank(span);
        for (List<BigFraction> k : kernel) {
          GenPolynomial<BigRational> f = vRing.zero();
          for (int i = 0; i < bucket.size(); i++) {
            f = f.sum(monomial(bucket.get(i)).multiply(PolynomialRing.toJas(k.get(i))));
          }
          f = Elimination.primitive(f);
          ofDegree.add(f);
          span.add(k);
          int next = ExactLinearAlgebra.rank(span);
          if (next > rank) {
            rank = next;
            found.add(f);
          } else {
            span.remove(span.size() - 1);
          }
        }
      }
      lower = ofDegree;
    }
    return found;
  }

  /** The coefficients of p over the monomials of a bucket, or null when p has other monomials. */
  private static List<BigFraction> coefficients(
      GenPolynomial<BigRational> p, Map<ExpVector, Integer> position, int size) {
    List<BigFraction> row = new ArrayList<>(java.util.Collections.nCopies(size, BigFraction.ZERO));
    for (Monomial<BigRational> t : p) {
      Integer i = position.get(t.exponent());
      if (i == null) {
        return null;
      }
      row.set(i, PolynomialRing.fromJas(t.coefficient()));
    }
    return row;
  }

  private void checkDeadline() {
    if (System.nanoTime() > deadline) {
      throw new InvalidInputException(
          "elimination for " + symbols.plan().architecture().summary()
              + " did not finish in time; the architecture is too large for exact elimination");
    }
  }

  /** Monomials of degree d in v (sorted variable indices), grouped by position weight. */
  private Map<List<Integer>, List<List<Integer>>> monomialsByWeight(int d) {
    Map<List<Integer>, List<List<Integer>>> out = new LinkedHashMap<>();
    int n = weights.length;
    int[] idx = new int[d];
    collect(idx, 0, 0, n, out);
    return out;
  }

  private void collect(
      int[] idx, int pos, int from, int n, Map<List<Integer>, List<List<Integer>>> out) {
    if (pos == idx.length) {
      int[] w = new int[weights.length == 0 ? 0 : weights[0].length];
      for (int i : idx) {
        for (int m = 0; m < w.length; m++) {
          w[m] += weights[i][m];
        }
      }
      List<Integer> key = Arrays.stream(w).boxed().toList();
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(Arrays.stream(idx).boxed().toList());
      return;
    }
    for (int i = from; i < n; i++) {
      idx[pos] = i;
      collect(idx, pos + 1, i, n, out);
    }
  }

  private GenPolynomial<BigRational> monomial(List<Integer> vars) {
    GenPolynomial<BigRational> p = vRing.one();
    List<GenPolynomial<BigRational>> v = vRing.variables();
    for (int i : vars) {
      p = p.multiply(v.get(i));
    }
    return p;
  }

  /** m(mu(theta)) for a monomial m of v, memoized on its prefixes. */
  private GenPolynomial<BigRational> composed(List<Integer> vars) {
    if (vars.isEmpty()) {
      return symbols.ring().one();
    }
    GenPolynomial<BigRational> known = composed.get(vars);
    if (known != null) {
      return known;
    }
    GenPolynomial<BigRational> p =
        composed(vars.subList(0, vars.size() - 1)).multiply(mu.get(vars.get(vars.size() - 1)));
    composed.put(List.copyOf(vars), p);
    return p;
  }
}
