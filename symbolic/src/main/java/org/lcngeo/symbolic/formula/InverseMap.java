package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.Monomial;
import edu.jas.ufd.Quotient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

/**
 * The rational inverse v -> theta(v) of mu, up to scaling, where mu is generically one-to-one up to
 * scaling: D = 1 with strides s_1..s_{H-1} > 1 (Thm. 4), or D >= 2 with every layer having at least
 * two filter sizes > 1 and no two swappable layers (Cor. 10, Observation 11). One entry of each
 * layer 1..H-1 is 1 and the last layer absorbs the scale, as in Ex. 15, eq. 15: a = (v0/v1, 1,
 * v4/v3), b = (v1, v3). Among the choices of those entries (up to 64, within the time bound) the one
 * with the shortest formulas is kept.
 *
 * <p>Derived, not tabulated: from the {@link Elimination} basis, each filter variable is solved from
 * a basis element linear in it whose other filter variables are already solved and whose
 * coefficient does not vanish on the neuromanifold. The map is verified: mu(theta(v)) - v vanishes on the
 * neuromanifold (its numerators reduce to zero modulo the neuromanifold's ideal).
 */
public final class InverseMap {
  /** Most normalizations (choices of the entry set to 1 in each layer) tried for the shortest form. */
  private static final int MAX_NORMALIZATIONS = 64;

  private final Elimination elimination;
  private final RationalFunctionRing ring;
  private final FilterTuple<Quotient<BigRational>> theta;

  private InverseMap(
      Elimination elimination, RationalFunctionRing ring, FilterTuple<Quotient<BigRational>> theta) {
    this.elimination = elimination;
    this.ring = ring;
    this.theta = theta;
  }

  /** Whether mu is generically one-to-one up to scaling (and layer sign), per Obs. 11 / Thm. 4. */
  public static boolean applies(Architecture a) {
    if (a.dims() == 1) {
      return a.allInnerStridesGreaterThanOne();
    }
    for (int l = 0; l < a.depth(); l++) {
      int big = 0;
      for (int k : a.size(l)) {
        big += k > 1 ? 1 : 0;
      }
      if (big < 2) {
        return false;
      }
    }
    for (int l = 0; l < a.depth(); l++) {
      for (int m = l + 1; m < a.depth(); m++) {
        if (swappable(a, l, m)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Observation 11 c): layers l and L span the same space of polynomials. */
  private static boolean swappable(Architecture a, int l, int big) {
    int[] k = a.size(l);
    if (!java.util.Arrays.equals(k, a.size(big))) {
      return false;
    }
    int[] t = a.dilation(l);
    int[] u = a.dilation(big);
    for (int m = 0; m < a.dims(); m++) {
      if (k[m] > 1 && t[m] != u[m]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Derives the inverse map.
   *
   * @return empty when mu is not generically one-to-one up to scaling ({@link #applies})
   * @throws InvalidInputException when the elimination exceeds its size or time bound
   */
  public static Optional<InverseMap> derive(Architecture a, Duration timeout) {
    if (!applies(a)) {
      return Optional.empty();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int h = a.depth();
    long combos = 1;
    for (int l = 0; l + 1 < h; l++) {
      combos *= a.layerParameters(l);
    }
    InverseMap best = null;
    int[] entries = new int[Math.max(h - 1, 0)];
    for (long c = 0; c < Math.min(combos, MAX_NORMALIZATIONS); c++) {
      long rest = c;
      for (int l = 0; l + 1 < h; l++) {
        entries[l] = (int) (rest % a.layerParameters(l));
        rest /= a.layerParameters(l);
      }
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (best != null && left.isNegative()) {
        break;
      }
      InverseMap candidate;
      try {
        candidate = derive(Elimination.compute(a, entries, best == null ? timeout : left));
      } catch (InvalidInputException e) {
        if (best == null) {
          throw e;
        }
        break;
      }
      if (best == null || candidate.size() < best.size()) {
        best = candidate;
      }
    }
    return Optional.of(best);
  }

  /** Derives the inverse map from an elimination basis of an architecture where it {@link #applies}. */
  public static InverseMap derive(Elimination e) {
    Architecture a = e.architecture();
    RationalFunctionRing ring = new RationalFunctionRing(e.endToEndRing().jas());
    List<String> graphVars = e.graphRing().variableNames();
    Map<String, Quotient<BigRational>> known = new HashMap<>();
    int n = a.endToEndEntries();
    for (int m = 0; m < n; m++) {
      known.put(graphVars.get(m), ring.of(e.endToEndRing().variable(graphVars.get(m))));
    }
    List<GenPolynomial<BigRational>> candidates = new ArrayList<>(e.basis());
    candidates.sort(Comparator.comparingInt(GenPolynomial::length));
    boolean progress = true;
    while (progress && known.size() < graphVars.size()) {
      progress = false;
      for (GenPolynomial<BigRational> g : candidates) {
        List<String> unknown =
            e.filterVariablesIn(g).stream().filter(x -> !known.containsKey(x)).toList();
        if (unknown.size() != 1) {
          continue;
        }
        Optional<Quotient<BigRational>> w = solveLinear(e, ring, known, g, unknown.get(0));
        if (w.isPresent()) {
          known.put(unknown.get(0), w.get());
          progress = true;
        }
      }
    }
    if (known.size() < graphVars.size()) {
      throw new IllegalStateException(
          "the elimination basis of " + a.summary() + " does not determine every filter entry");
    }
    List<List<Quotient<BigRational>>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      List<Quotient<BigRational>> w = new ArrayList<>();
      for (int j = 0; j < a.layerParameters(l); j++) {
        Quotient<BigRational> x = known.get(NtkFormula.symbol(l, j));
        w.add(x == null ? ring.one() : x);
      }
      layers.add(w);
    }
    InverseMap map = new InverseMap(e, ring, FilterTuple.of(a, layers));
    map.verify();
    return map;
  }

  /** Solves g = c w + r = 0 for w when c does not vanish on the neuromanifold. */
  private static Optional<Quotient<BigRational>> solveLinear(
      Elimination e,
      RationalFunctionRing ring,
      Map<String, Quotient<BigRational>> known,
      GenPolynomial<BigRational> g,
      String w) {
    List<String> vars = e.graphRing().variableNames();
    int exp = vars.size() - 1 - vars.indexOf(w);
    GenPolynomial<BigRational> c = e.graphRing().zero();
    GenPolynomial<BigRational> r = e.graphRing().zero();
    for (Monomial<BigRational> m : g) {
      long k = m.exponent().getVal(exp);
      if (k > 1) {
        return Optional.empty();
      }
      ExpVector rest = m.exponent().subst(exp, 0);
      if (k == 1) {
        c = c.sum(m.coefficient(), rest);
      } else {
        r = r.sum(m.coefficient(), rest);
      }
    }
    List<Quotient<BigRational>> values = new ArrayList<>();
    for (String x : vars) {
      values.add(known.getOrDefault(x, ring.zero()));
    }
    Quotient<BigRational> cv = Substitution.evaluate(c, ring, values, q -> ring.of(e.endToEndRing().constantOf(q)));
    if (cv.isZERO() || e.reduce(cv.num).isZERO()) {
      return Optional.empty();
    }
    Quotient<BigRational> rv = Substitution.evaluate(r, ring, values, q -> ring.of(e.endToEndRing().constantOf(q)));
    return Optional.of(rv.negate().divide(cv));
  }

  private int size() {
    int s = 0;
    for (Quotient<BigRational> q : theta.flat()) {
      s += Notation.SYMJA.quotient(q).length();
    }
    return s;
  }

  /** Checks that mu(theta(v)) = v on the neuromanifold. */
  private void verify() {
    List<Quotient<BigRational>> mu = MuPlan.compile(theta.architecture()).mu(ring, theta);
    List<GenPolynomial<BigRational>> v = elimination.endToEndRing().variables();
    for (int m = 0; m < mu.size(); m++) {
      Quotient<BigRational> diff = mu.get(m).subtract(ring.of(v.get(m)));
      if (!elimination.reduce(diff.num).isZERO()) {
        throw new IllegalStateException(
            "derived inverse map fails mu(theta(v)) = v at entry " + m + ": " + diff);
      }
    }
  }

  public Elimination elimination() {
    return elimination;
  }

  /** Q(v0, ..., v<n-1>). */
  public RationalFunctionRing ring() {
    return ring;
  }

  /** theta(v): the filter tuple as rational functions of the end-to-end entries. */
  public FilterTuple<Quotient<BigRational>> theta() {
    return theta;
  }

  /** {@code v0, v1, ...}. */
  public List<String> variables() {
    return elimination.endToEndRing().variableNames();
  }

  /** theta(v) written in a notation, layer by layer. */
  public List<List<String>> write(Notation notation) {
    return theta.layers().stream()
        .map(w -> w.stream().map(notation::quotient).toList())
        .toList();
  }

  /**
   * theta(v) at a rational end-to-end filter v.
   *
   * @throws InvalidInputException when a denominator vanishes at v (v outside the map's domain)
   */
  public FilterTuple<BigFraction> apply(List<BigFraction> v) {
    List<BigFraction> point = List.copyOf(v);
    return theta.map(
        q -> {
          BigFraction den = evaluate(q.den, point);
          if (den.getNumerator().signum() == 0) {
            throw new InvalidInputException(
                "the end-to-end filter is outside the domain of the inverse map (a denominator "
                    + Notation.SYMJA.polynomial(q.den) + " vanishes)");
          }
          return evaluate(q.num, point).divide(den);
        });
  }

  /** A polynomial in v at a rational point. */
  public static BigFraction evaluate(GenPolynomial<BigRational> p, List<BigFraction> point) {
    return Substitution.evaluate(
        p, RationalRing.INSTANCE, point, PolynomialRing::fromJas);
  }
}
