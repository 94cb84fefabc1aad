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
import org.lcngeo.core.Deadline;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.symbolic.expr.Printer;

/**
 * The rational inverse v -> theta(v) of mu, up to scaling, where mu is generically one-to-one up to
 * scaling: for instance D = 1 with strides s_1..s_{H-1} > 1 (Thm. 4), D >= 2 without swappable
 * layers (Cor. 10, Observation 11), but also 2x1, 1x2 (mu(a, b) = a b^T); the decision is {@code
 * manifold.GenericFiber}'s. One entry of each
 * layer 1..H-1 is 1 and the last layer absorbs the scale, as in Ex. 15, eq. 15: a = (v0/v1, 1,
 * v4/v3), b = (v1, v3). Among the choices of those entries (up to 64) the one with the shortest
 * formulas is kept.
 *
 * <p>Derived, not tabulated, by elimination: each entry is w_i/w_j = r(v)/c(v) for the element c(v)
 * w_i - r(v) w_j of least degree of the graph ideal {v - mu(theta)} with c not vanishing on the
 * neuromanifold, found by exact linear algebra ({@link GraphRelations}); if that needs degree above
 * {@link GraphRelations#MAX_DEGREE}, from a Groebner basis of the graph ideal in an elimination
 * order ({@link #derive(Elimination)}). Either way the result is verified exactly: theta(mu(w))
 * equals the normalized w as rational functions of the filter symbols.
 */
public final class InverseMap {
  /** Most normalizations (choices of the entry set to 1 in each layer) tried for the shortest form. */
  private static final int MAX_NORMALIZATIONS = 64;

  private final RationalFunctionRing ring;
  private final FilterTuple<Quotient<BigRational>> theta;
  private final int[] normalization;

  private InverseMap(
      RationalFunctionRing ring, FilterTuple<Quotient<BigRational>> theta, int[] normalization) {
    this.ring = ring;
    this.theta = theta;
    this.normalization = normalization.clone();
  }

  /**
   * Derives the inverse map of an architecture where mu is generically one-to-one up to scaling
   * (decided by {@code manifold.GenericFiber}); the map is verified exactly, so its existence also
   * proves that mu is. The interpolation ends by its bounds on work ({@link
   * InverseInterpolation#MAX_WORK}, unknowns, degree), so whether it finds the map does not depend
   * on the machine's load; the timeout is the outer bound of the whole derivation.
   *
   * @return the map (never empty: the Optional is kept for callers that skip the derivation)
   * @throws InvalidInputException when the interpolation exceeds its bounds and the elimination
   *     its size or time bound
   */
  public static Optional<InverseMap> derive(Architecture a, Duration timeout) {
    Optional<InverseMap> interpolated;
    try (Deadline.Scope scope = Deadline.after(timeout).enter()) {
      interpolated = deriveByInterpolation(a);
    }
    if (interpolated.isPresent()) {
      return interpolated;
    }
    if (a.endToEndEntries() > MAX_FALLBACK_ENTRIES) {
      throw new InvalidInputException("the inverse map of " + a.summary() + " needs denominators"
          + " beyond the interpolation's bounds (a linear system of more than "
          + InverseInterpolation.MAX_UNKNOWNS + " unknowns, degree above "
          + InverseInterpolation.MAX_DEGREE + ", or more than " + InverseInterpolation.MAX_WORK
          + " multiply-adds mod p), and the architecture is too large for exact"
          + " elimination (more than " + MAX_FALLBACK_ENTRIES + " end-to-end entries)");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<InverseMap> byRelations = deriveByRelations(a, deadline);
    if (byRelations.isPresent()) {
      return byRelations;
    }
    Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000L));
    return Optional.of(derive(Elimination.compute(a, left)));
  }

  /**
   * The inverse map from relations c(v) w_i = r(v) w_j of least degree in the graph ideal ({@link
   * GraphRelations}), for each choice of the entries set to 1 (up to 64), keeping the shortest;
   * empty when some entry needs a relation of degree above {@link GraphRelations#MAX_DEGREE}.
   */
  private static Optional<InverseMap> deriveByRelations(Architecture a, long deadline) {
    NtkFormula symbols = NtkFormula.of(a);
    RationalFunctionRing ring =
        new RationalFunctionRing(
            PolynomialRing.withVariables(Elimination.endToEndNames(a.endToEndEntries())).jas());
    GraphRelations relations = new GraphRelations(symbols, ring, deadline);
    FilterTuple<GenPolynomial<BigRational>> w = symbols.symbols();
    int h = a.depth();
    Map<List<Integer>, Optional<Quotient<BigRational>>> ratios = new HashMap<>();
    InverseMap best = null;
    for (int[] entries : normalizations(a)) {
      List<List<Quotient<BigRational>>> layers = new ArrayList<>();
      GenPolynomial<BigRational> pivots = symbols.ring().one();
      for (int l = 0; l + 1 < h; l++) {
        int j = entries[l];
        pivots = pivots.multiply(w.layer(l).get(j));
        List<Quotient<BigRational>> layer = new ArrayList<>();
        for (int i = 0; i < a.layerParameters(l); i++) {
          if (i == j) {
            layer.add(ring.one());
            continue;
          }
          int li = l;
          int ii = i;
          Optional<Quotient<BigRational>> q =
              ratios.computeIfAbsent(
                  List.of(l, i, j),
                  k -> relations.ratio(w.layer(li).get(ii), w.layer(li).get(j), 0));
          if (q.isEmpty()) {
            return Optional.empty();
          }
          layer.add(q.get());
        }
        layers.add(layer);
      }
      List<Quotient<BigRational>> last = new ArrayList<>();
      for (GenPolynomial<BigRational> x : w.layer(h - 1)) {
        Optional<Quotient<BigRational>> q = relations.ratio(x.multiply(pivots), symbols.ring().one(), 1);
        if (q.isEmpty()) {
          return Optional.empty();
        }
        last.add(q.get());
      }
      layers.add(last);
      InverseMap candidate = new InverseMap(ring, FilterTuple.of(a, layers), entries);
      if (best == null || candidate.size() < best.size()) {
        best = candidate;
      }
      if (a.parameterCount() > MAX_PARAMETERS_FOR_SHORTEST) {
        break;
      }
    }
    best.verify();
    return Optional.of(best);
  }

  /** Largest end-to-end filter for which exact elimination is tried after interpolation. */
  private static final int MAX_FALLBACK_ENTRIES = 10;
  /** Most parameters for which every normalization is tried (beyond: the first that works). */
  private static final int MAX_PARAMETERS_FOR_SHORTEST = 10;
  /** Most normalizations tried by interpolation for the shortest form. */
  private static final int MAX_INTERPOLATED_NORMALIZATIONS = 16;

  /**
   * The inverse map with one entry of each layer 1..H-1 set to 1, each entry interpolated mod
   * primes ({@link InverseInterpolation}), for up to {@value #MAX_INTERPOLATED_NORMALIZATIONS}
   * choices of those entries, keeping the shortest, verified exactly; empty when some entry needs a
   * denominator of degree above {@link InverseInterpolation#MAX_DEGREE} or the check fails. When
   * the interpolation reaches its work bound ({@link InverseInterpolation#MAX_WORK}) the shortest
   * map found so far is kept; empty when none was.
   */
  private static Optional<InverseMap> deriveByInterpolation(Architecture a) {
    PolynomialRing vRing =
        PolynomialRing.withVariables(Elimination.endToEndNames(a.endToEndEntries()));
    RationalFunctionRing ring = new RationalFunctionRing(vRing.jas());
    InverseInterpolation interpolation = new InverseInterpolation(a, vRing);
    Map<List<Object>, Optional<Quotient<BigRational>>> known = new HashMap<>();
    InverseMap best = null;
    List<int[]> choices = normalizations(a);
    try {
      for (int[] entries
          : choices.subList(0, Math.min(choices.size(), MAX_INTERPOLATED_NORMALIZATIONS))) {
        InverseMap candidate = interpolate(a, entries, interpolation, ring, known);
        if (candidate != null && (best == null || candidate.size() < best.size())) {
          best = candidate;
        }
        if (best != null && a.parameterCount() > MAX_PARAMETERS_FOR_SHORTEST) {
          break;
        }
      }
    } catch (InverseInterpolation.WorkBoundReached bound) {
      // keep the shortest map found so far, if any
    }
    if (best == null) {
      return Optional.empty();
    }
    try {
      best.verify();
    } catch (IllegalStateException wrong) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /**
   * The inverse map with the given entries of layers 1..H-1 set to 1, its ratios interpolated (or
   * taken from {@code known}); null when some ratio was not found.
   */
  private static InverseMap interpolate(Architecture a, int[] entries,
      InverseInterpolation interpolation, RationalFunctionRing ring,
      Map<List<Object>, Optional<Quotient<BigRational>>> known) {
    int h = a.depth();
    List<InverseInterpolation.Entry> pivots = new ArrayList<>();
    for (int l = 0; l + 1 < h; l++) {
      pivots.add(new InverseInterpolation.Entry(l, entries[l]));
    }
    List<List<Quotient<BigRational>>> layers = new ArrayList<>();
    for (int l = 0; l < h && layers.size() == l; l++) {
      List<Quotient<BigRational>> layer = new ArrayList<>();
      for (int i = 0; i < a.layerParameters(l) && layer.size() == i; i++) {
        InverseInterpolation.Entry entry = new InverseInterpolation.Entry(l, i);
        List<InverseInterpolation.Entry> num;
        List<InverseInterpolation.Entry> den;
        if (l + 1 < h) {
          num = List.of(entry);
          den = List.of(pivots.get(l));
        } else {
          num = new ArrayList<>(pivots);
          num.add(entry);
          den = List.of();
        }
        Optional<Quotient<BigRational>> q = l + 1 < h && i == entries[l]
            ? Optional.of(ring.one())
            : known.computeIfAbsent(List.of(num, den),
                k -> interpolation.ratio(num, den, den.isEmpty() ? 1 : 0, ring));
        q.ifPresent(layer::add);
      }
      if (layer.size() == a.layerParameters(l)) {
        layers.add(layer);
      }
    }
    if (layers.size() < h) {
      return null;
    }
    return new InverseMap(ring, FilterTuple.of(a, layers), entries);
  }

  /** The choices of one entry per layer 1..H-1, at most {@link #MAX_NORMALIZATIONS}. */
  private static List<int[]> normalizations(Architecture a) {
    int h = a.depth();
    long combos = 1;
    for (int l = 0; l + 1 < h; l++) {
      combos *= a.layerParameters(l);
    }
    List<int[]> out = new ArrayList<>();
    for (long c = 0; c < Math.min(combos, MAX_NORMALIZATIONS); c++) {
      int[] entries = new int[Math.max(h - 1, 0)];
      long rest = c;
      for (int l = 0; l + 1 < h; l++) {
        entries[l] = (int) (rest % a.layerParameters(l));
        rest /= a.layerParameters(l);
      }
      out.add(entries);
    }
    return out;
  }

  /** Derives the inverse map from an elimination basis of an architecture where mu is generically one-to-one up to scaling. */
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
    int[] normalization = new int[Math.max(a.depth() - 1, 0)];
    for (int l = 0; l + 1 < a.depth(); l++) {
      for (int j = 0; j < a.layerParameters(l); j++) {
        if (e.isNormalized(l, j)) {
          normalization[l] = j;
        }
      }
    }
    InverseMap map = new InverseMap(ring, FilterTuple.of(a, layers), normalization);
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
      s += Printer.TEXT.print(JasExprs.of(q)).length();
    }
    return s;
  }

  /**
   * Checks theta(mu(w)) = the normalized w identically in the filter symbols w: entry j of layer l
   * < H is w_{l,j} / w_{l,j_l}, the last layer w_{H,j} prod_l w_{l,j_l}. Since normalizing keeps
   * mu, this proves mu(theta(v)) = v on the (dense) image of mu; also no denominator vanishes
   * identically on it.
   */
  private void verify() {
    Architecture a = theta.architecture();
    NtkFormula symbols = NtkFormula.of(a);
    PolynomialRing wRing = symbols.ring();
    List<GenPolynomial<BigRational>> mu = symbols.mu();
    FilterTuple<GenPolynomial<BigRational>> w = symbols.symbols();
    int h = a.depth();
    GenPolynomial<BigRational> pivots = wRing.one();
    for (int l = 0; l + 1 < h; l++) {
      pivots = pivots.multiply(w.layer(l).get(normalization[l]));
    }
    for (int l = 0; l < h; l++) {
      for (int j = 0; j < a.layerParameters(l); j++) {
        Quotient<BigRational> q = theta.layer(l).get(j);
        GenPolynomial<BigRational> num = Substitution.evaluate(q.num, wRing, mu, wRing::constantOf);
        GenPolynomial<BigRational> den = Substitution.evaluate(q.den, wRing, mu, wRing::constantOf);
        GenPolynomial<BigRational> expectedNum =
            l + 1 < h ? w.layer(l).get(j) : w.layer(l).get(j).multiply(pivots);
        GenPolynomial<BigRational> expectedDen =
            l + 1 < h ? w.layer(l).get(normalization[l]) : wRing.one();
        if (den.isZERO() || !num.multiply(expectedDen).equals(den.multiply(expectedNum))) {
          throw new IllegalStateException(
              "derived inverse map fails theta(mu(w)) = w at layer " + (l + 1) + ", entry " + j);
        }
      }
    }
  }

  /**
   * The identity w -> w over Q(w) (w the filter symbols a0, a1, ..., b0, ...): with it {@link
   * NtkOfVFormula#inFilterSymbols} states Thm. 4 in the filter symbols, for inverse maps that are
   * programs rather than rational functions.
   */
  static InverseMap identity(Architecture a) {
    NtkFormula symbols = NtkFormula.of(a);
    RationalFunctionRing ring = new RationalFunctionRing(symbols.ring().jas());
    return new InverseMap(ring, symbols.symbols().map(ring::of), new int[0]);
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
    return List.of(ring.polynomials().getVars());
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
                    + Printer.TEXT.print(JasExprs.of(q.den)) + " vanishes)");
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
