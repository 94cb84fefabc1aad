package org.lcngeo.symbolic.fiber;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.algebraic.RealQuadraticFactors;
import org.lcngeo.symbolic.poly.AbsoluteComponents;
import org.lcngeo.symbolic.poly.LayerPolynomials;
import org.lcngeo.symbolic.poly.RootOrbits;

/**
 * The factorisation over R of the Q-factors of pi_1(v) for D >= 2 (Sec. 2.3: the layers share the
 * real irreducible factors), exactly, with every coefficient in one real number field K.
 *
 * <p>A factor with a certificate of irreducibility over R stays whole. One that depends on a single
 * variable z_m splits into z_m - a for its real roots a and z_m^2 - s z_m + p for its pairs of
 * non-real roots ({@link RealQuadraticFactors}). One in several variables is split into its
 * absolutely irreducible components ({@link AbsoluteComponents}): the conjugates G^sigma of one
 * component G over the embeddings sigma of its field of definition Q(gamma). Each real root gamma_i
 * of the minimal polynomial of gamma gives a real component; the non-real embeddings come in
 * complex-conjugate pairs whose product is irreducible over R. With at most one such pair, its
 * product is the quotient of the factor by its real components; with more, the factor is kept
 * whole and reported (splitting conjugate pairs needs complex embeddings, not implemented).
 *
 * <p>Every split is checked exactly: the real factors multiply back to the monic Q-factor over K.
 */
final class RealSplitting {
  /** Bound on [K : Q]. */
  static final int MAX_FIELD_DEGREE = 16;
  /** Bound on the degree of a factor in one variable that is split (its real quadratic factors cost resultants of degree n^2; 6 covers the sextics c z^6 + a z^3 + b of the 2-D census, about 1 s). */
  static final int MAX_SPLIT_DEGREE = 6;
  /** Bound on the total degree of a factor in several variables that is split. */
  static final int MAX_COMPONENTS_DEGREE = 8;

  /**
   * One real factor: its polynomial over K, the Q-factor it comes from, its multiplicity, and its
   * form as a layer factor when it is a proper real factor (null for a whole Q-factor).
   */
  record Atom(SparsePolynomial polynomial, int source, long multiplicity, LayerFactor factor) {}

  /**
   * A Q-factor split over R: its coefficients and where its numbers (real roots, then sum and
   * product of each pair) start among the adjoined values; the last pair's numbers are offered to
   * {@link FieldExtensions#adjoin} as elements of the field of the others.
   */
  record Split(List<BigFraction> f, int start, int realRoots) {
    static List<FieldElement> candidates(List<Split> splits, List<FieldElement> adjoined) {
      int i = adjoined.size();
      for (Split sp : splits) {
        if (i >= sp.start() && i < sp.start() + sp.f().size() - 1) {
          return RealQuadraticFactors.lastPairCandidates(
              sp.f(), sp.realRoots(), i - sp.start(), adjoined.subList(sp.start(), i));
        }
      }
      return List.of();
    }
  }

  private final NumberField field;
  private final List<Atom> atoms = new ArrayList<>();
  private final List<String> unresolved = new ArrayList<>();
  private final Map<String, String> certificates = new TreeMap<>();

  /** A factor's plan before K is known: whole, or real numbers whose images define its parts. */
  private record Plan(int source, GenPolynomial<BigRational> f, long multiplicity, int kind,
      List<RealAlgebraicNumber> numbers, AbsoluteComponents.Components components, int pairs) {}

  private static final int WHOLE = 0;
  private static final int UNIVARIATE = 1;
  private static final int COMPONENTS = 2;

  /**
   * @param factors the finite Q-factors of pi_1(v) with multiplicities and certificates
   * @param a the architecture whose layers receive the factors
   * @throws FieldExtensions.DegreeBoundExceeded when K would exceed {@link #MAX_FIELD_DEGREE}
   */
  RealSplitting(List<FiberFactor> factors, Architecture a) {
    List<Plan> plans = new ArrayList<>();
    List<RealAlgebraicNumber> all = new ArrayList<>();
    List<Split> splits = new ArrayList<>();
    for (int j = 0; j < factors.size(); j++) {
      Deadline.checkCurrent();
      FiberFactor ff = factors.get(j);
      GenPolynomial<BigRational> f = ff.polynomial();
      if (ff.realCertificate().isPresent()) {
        plans.add(new Plan(j, f, ff.multiplicity(), WHOLE, List.of(), null, 0));
        continue;
      }
      int only = onlyVariable(f);
      java.util.Optional<String> whole =
          only >= 0 ? unshared(f, only, ff.multiplicity(), a) : java.util.Optional.empty();
      if (whole.isPresent()) {
        certificates.put(ff.display(), whole.get());
        plans.add(new Plan(j, f, ff.multiplicity(), WHOLE, List.of(), null, 0));
        continue;
      }
      long total = f.totalDegree();
      if (total > (only >= 0 ? MAX_SPLIT_DEGREE : MAX_COMPONENTS_DEGREE)) {
        unresolved.add("the factor " + ff.display() + " has no certificate of irreducibility over"
            + " R and degree " + total + ", above the bound " + (only >= 0 ? MAX_SPLIT_DEGREE
            : MAX_COMPONENTS_DEGREE) + " for splitting it; layers receiving only some of its real"
            + " factors are not listed");
        plans.add(new Plan(j, f, ff.multiplicity(), WHOLE, List.of(), null, 0));
        continue;
      }
      if (only >= 0) {
        List<BigFraction> c = coefficients(f, only);
        List<RealAlgebraicNumber> numbers = new ArrayList<>(RealAlgebraicNumber.realRoots(c));
        int roots = numbers.size();
        splits.add(new Split(c, all.size(), roots));
        for (RealQuadraticFactors.Quadratic q : RealQuadraticFactors.of(c)) {
          numbers.add(q.sum());
          numbers.add(q.product());
        }
        plans.add(new Plan(j, f, ff.multiplicity(), UNIVARIATE, numbers, null, roots));
        all.addAll(numbers);
        continue;
      }
      java.util.Optional<AbsoluteComponents.Components> found;
      try {
        found = AbsoluteComponents.of(f);
      } catch (IllegalStateException e) {
        found = java.util.Optional.empty();
      }
      if (found.isEmpty()) {
        unresolved.add("the factor " + ff.display() + " has no certificate of irreducibility over"
            + " R and its absolutely irreducible components were not computed (a specialisation"
            + " needs a field of degree above " + AbsoluteComponents.MAX_ALPHA_DEGREE + ", or a"
            + " check failed); layers receiving only some of its real factors are not listed");
        plans.add(new Plan(j, f, ff.multiplicity(), WHOLE, List.of(), null, 0));
        continue;
      }
      AbsoluteComponents.Components comps = found.get();
      if (comps.count() == 1) {
        certificates.put(ff.display(), "irreducible over R: absolutely irreducible (its"
            + " component through a simple point is all of it)");
        plans.add(new Plan(j, f, ff.multiplicity(), WHOLE, List.of(), null, 0));
        continue;
      }
      List<RealAlgebraicNumber> gammas = RealAlgebraicNumber.realRoots(comps.minimalPolynomial());
      int pairs = (comps.count() - gammas.size()) / 2;
      if (gammas.isEmpty() && pairs == 1) {
        certificates.put(ff.display(), "irreducible over R: one pair of complex-conjugate"
            + " absolutely irreducible components, no real one");
        plans.add(new Plan(j, f, ff.multiplicity(), WHOLE, List.of(), null, 0));
        continue;
      }
      if (pairs > 1) {
        unresolved.add("the factor " + ff.display() + " has " + comps.count() + " absolutely"
            + " irreducible components, " + pairs + " pairs of them complex conjugate; their"
            + " products are real factors that are not split, and layers receiving only some of"
            + " them are not listed");
        plans.add(new Plan(j, f, ff.multiplicity(), WHOLE, List.of(), null, 0));
        continue;
      }
      plans.add(new Plan(j, f, ff.multiplicity(), COMPONENTS, gammas, comps, pairs));
      all.addAll(gammas);
    }
    NumberField k = FieldExtensions.rationals();
    List<FieldElement> images = new ArrayList<>();
    for (RealAlgebraicNumber x : all) {
      Deadline.checkCurrent();
      List<FieldElement> candidates = new ArrayList<>(Split.candidates(splits, images));
      images.stream().map(FieldElement::negate).forEach(candidates::add);
      FieldExtensions.Extension e = FieldExtensions.adjoin(k, x, MAX_FIELD_DEGREE, candidates);
      images.replaceAll(e::map);
      images.add(e.adjoined());
      k = e.field();
    }
    this.field = k;
    int next = 0;
    for (Plan p : plans) {
      SparsePolynomial monic = SparsePolynomial.of(k, p.f()).monic();
      if (p.kind() == WHOLE) {
        atoms.add(new Atom(monic, p.source(), p.multiplicity(), null));
        continue;
      }
      List<SparsePolynomial> parts = new ArrayList<>();
      int nv = p.f().ring.nvar;
      if (p.kind() == UNIVARIATE) {
        int m = onlyVariable(p.f());
        for (int i = 0; i < p.pairs(); i++) {
          parts.add(univariate(k, nv, m, List.of(images.get(next + i).negate(), k.one())));
        }
        for (int i = p.pairs(); i < p.numbers().size(); i += 2) {
          parts.add(univariate(k, nv, m, List.of(images.get(next + i + 1),
              images.get(next + i).negate(), k.one())));
        }
      } else {
        for (int i = 0; i < p.numbers().size(); i++) {
          parts.add(component(k, nv, p.components(), images.get(next + i)));
        }
        if (p.pairs() == 1) {
          SparsePolynomial rest = monic;
          for (SparsePolynomial g : parts) {
            rest = rest.divideExactly(g);
            if (rest == null) {
              throw new IllegalStateException("a real component does not divide " + p.f());
            }
          }
          parts.add(rest);
        }
      }
      next += p.numbers().size();
      SparsePolynomial product = SparsePolynomial.one(k, nv);
      for (SparsePolynomial g : parts) {
        product = product.multiply(g);
      }
      if (!product.equals(monic)) {
        throw new IllegalStateException("the real factors of " + p.f() + " do not multiply back"
            + " to it");
      }
      List<String> shown = new ArrayList<>();
      for (SparsePolynomial g : parts) {
        atoms.add(new Atom(g, p.source(), p.multiplicity(), g.toFactor()));
        shown.add("(" + FactorSyntax.text(g.toFactor()) + ")");
      }
      certificates.put(factors.get(p.source()).display(), "splits over R into "
          + String.join(" * ", shown) + " (checked by multiplying back)");
    }
  }

  /** K: every coefficient of every real factor lies in it. */
  NumberField field() {
    return field;
  }

  /** The real factors, each monic, those of one Q-factor together. */
  List<Atom> atoms() {
    return atoms;
  }

  /** Q-factors that may still split over R and are not split, with why. */
  List<String> unresolved() {
    return unresolved;
  }

  /** For each Q-factor without a certificate: its certificate found here, or how it splits. */
  Map<String, String> certificates() {
    return certificates;
  }

  /**
   * Why no layer can receive a proper real divisor of f (Q-irreducible, in z_m alone, with the
   * given multiplicity), when that can be shown without splitting f: then every layer receives
   * whole copies of f, as if f were irreducible over R, and neither f's real factors nor their
   * number field are needed.
   *
   * <p>Layer l, of dilation T and size k along z_m, is a polynomial in w = z_m^T of degree at most
   * k - 1 (its room); the roots in z_m it receives, from all its factors, are closed under
   * conjugation and under multiplication by the T-th roots of unity. When f holds every z with z^T
   * among the roots of g_T, the minimal polynomial of alpha^T ({@link RootOrbits}; deg f = T deg
   * g_T), no other factor has such roots, so the roots of f a layer receives are those over the
   * roots of a real divisor of g_T^e in w: real divisors of g_T have the degrees a + 2b for a real
   * roots and b pairs of non-real roots of g_T. Two arguments, either suffices:
   * <ul>
   *   <li>each layer: g_T has one real irreducible factor (its real divisors are powers of g_T),
   *       or its smallest one (degree 1 with a real root, else 2) exceeds the room;
   *   <li>the groups of layers of equal dilation T_1 | T_2 | ... (f of multiplicity 1): the roots
   *       in the groups from the j-th on are closed under the T_j-th roots of unity, so they lie over
   *       a real divisor of g_{T_j} of degree e, T_j e of them, which must fit the room of those
   *       groups while the other n - T_j e fit the earlier ones; when no proper e fits, f goes to
   *       one group whole, and within a group of several layers no proper real divisor of g_T fits
   *       one layer's room.
   * </ul>
   * Otherwise (f not a whole block at some T, or a proper part fits) the answer is empty and f is
   * split.
   */
  static java.util.Optional<String> unshared(
      GenPolynomial<BigRational> f, int m, long multiplicity, Architecture a) {
    List<BigFraction> c = coefficients(f, m);
    edu.jas.poly.GenPolynomialRing<BigRational> ring =
        new edu.jas.poly.GenPolynomialRing<>(BigRational.ONE, 1, new String[] {"z"});
    GenPolynomial<BigRational> u = ring.getZERO();
    for (int i = 0; i < c.size(); i++) {
      u = u.sum(ring.univariate(0, i).multiply(new BigRational(
          new edu.jas.arith.BigInteger(c.get(i).getNumerator()),
          new edu.jas.arith.BigInteger(c.get(i).getDenominator()))));
    }
    long n = u.degree(0);
    // per dilation T (with a layer of positive room): the degree of g_T, its real roots, the rooms
    TreeMap<Long, long[]> keys = new TreeMap<>();
    TreeMap<Long, List<Integer>> rooms = new TreeMap<>();
    for (int l = 0; l < a.depth(); l++) {
      Deadline.checkCurrent();
      int room = a.size(l)[m] - 1;
      long t = a.dilation(l)[m];
      if (room == 0) {
        continue;
      }
      rooms.computeIfAbsent(t, x -> new ArrayList<>()).add(room);
      if (!keys.containsKey(t)) {
        GenPolynomial<BigRational> g = RootOrbits.minimalPolynomialOfPower(u, t);
        if (n != t * g.degree(0)) {
          return java.util.Optional.empty(); // f is not a whole block at T
        }
        List<BigFraction> gc = new ArrayList<>();
        for (long i = 0; i <= g.degree(0); i++) {
          gc.add(LayerPolynomials.fraction(g.coefficient(edu.jas.poly.ExpVector.create(1, 0, i))));
        }
        keys.put(t, new long[] {g.degree(0), RealAlgebraicNumber.realRoots(gc).size()});
      }
    }
    // each layer
    boolean eachLayer = true;
    for (Map.Entry<Long, List<Integer>> e : rooms.entrySet()) {
      long[] g = keys.get(e.getKey());
      long parts = g[1] + (g[0] - g[1]) / 2;
      long smallest = g[1] > 0 ? 1 : 2;
      for (int room : e.getValue()) {
        eachLayer &= parts <= 1 || smallest > room;
      }
    }
    if (eachLayer) {
      return java.util.Optional.of("kept whole: no layer can receive a proper real factor of it"
          + " (a layer of dilation T and size k in z" + m + " receives its roots over the roots of"
          + " real factors of the minimal polynomial of alpha^T, each of degree above k - 1, or"
          + " that polynomial is irreducible over R)");
    }
    if (multiplicity != 1) {
      return java.util.Optional.empty();
    }
    List<Long> ts = new ArrayList<>(rooms.keySet());
    long[] capacity = new long[ts.size()]; // in z_m
    for (int j = 0; j < ts.size(); j++) {
      for (int room : rooms.get(ts.get(j))) {
        capacity[j] += (long) room * ts.get(j);
      }
    }
    for (int j = 0; j < ts.size(); j++) {
      long t = ts.get(j);
      long[] g = keys.get(t);
      long below = 0;
      long above = 0;
      for (int i = 0; i < ts.size(); i++) {
        if (i < j) {
          below += capacity[i];
        } else {
          above += capacity[i];
        }
      }
      int maxRoom = rooms.get(t).stream().mapToInt(Integer::intValue).max().orElse(0);
      for (long ra = 0; ra <= g[1]; ra++) {
        for (long pb = 0; pb <= (g[0] - g[1]) / 2; pb++) {
          long e = ra + 2 * pb;
          if (e == 0 || e == g[0]) {
            continue;
          }
          if (j > 0 && t * e <= above && n - t * e <= below) {
            return java.util.Optional.empty(); // the groups from j on may take part of f
          }
          if (rooms.get(t).size() > 1 && e <= maxRoom) {
            return java.util.Optional.empty(); // one layer of the group may take part of f
          }
        }
      }
    }
    return java.util.Optional.of("kept whole: no distribution over the layers gives a proper real"
        + " factor of it to a layer (the layers of dilation T_j and above receive its roots over"
        + " the roots of a real factor of the minimal polynomial of alpha^(T_j); no proper one fits"
        + " their room while the rest fits the other layers)");
  }

  private static SparsePolynomial univariate(
      NumberField k, int nv, int m, List<FieldElement> coefficients) {
    Map<SparsePolynomial.Exponents, FieldElement> t = new TreeMap<>();
    for (int i = 0; i < coefficients.size(); i++) {
      int[] e = new int[nv];
      e[m] = i;
      t.put(new SparsePolynomial.Exponents(e), coefficients.get(i));
    }
    return new SparsePolynomial(k, nv, t);
  }

  /** The conjugate of G for gamma -> gamma_i (its image in K), made monic. */
  private static SparsePolynomial component(
      NumberField k, int nv, AbsoluteComponents.Components c, FieldElement gamma) {
    Map<SparsePolynomial.Exponents, FieldElement> t = new TreeMap<>();
    for (AbsoluteComponents.Term term : c.terms()) {
      FieldElement v = k.zero();
      List<BigFraction> a = term.coefficientInGamma();
      for (int r = a.size() - 1; r >= 0; r--) {
        v = v.multiply(gamma).add(k.element(a.get(r)));
      }
      t.put(new SparsePolynomial.Exponents(term.exponents().clone()), v);
    }
    return new SparsePolynomial(k, nv, t).monic();
  }

  private static int onlyVariable(GenPolynomial<BigRational> f) {
    int only = -1;
    for (int m = 0; m < f.ring.nvar; m++) {
      if (LayerPolynomials.degree(f, m) > 0) {
        if (only >= 0) {
          return -1;
        }
        only = m;
      }
    }
    return only;
  }

  private static List<BigFraction> coefficients(GenPolynomial<BigRational> f, int m) {
    BigFraction[] c = new BigFraction[(int) LayerPolynomials.degree(f, m) + 1];
    java.util.Arrays.fill(c, BigFraction.ZERO);
    for (edu.jas.poly.Monomial<BigRational> mono : f) {
      c[(int) mono.e.getVal(m)] = LayerPolynomials.fraction(mono.c);
    }
    return List.of(c);
  }
}
