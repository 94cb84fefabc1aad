package org.lcngeo.symbolic.fiber;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.algebraic.RealQuadraticFactors;
import org.lcngeo.symbolic.poly.AbsoluteComponents;
import org.lcngeo.symbolic.poly.LayerPolynomials;

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
   * @throws FieldExtensions.DegreeBoundExceeded when K would exceed {@link #MAX_FIELD_DEGREE}
   */
  RealSplitting(List<FiberFactor> factors, int dims) {
    List<Plan> plans = new ArrayList<>();
    List<RealAlgebraicNumber> all = new ArrayList<>();
    for (int j = 0; j < factors.size(); j++) {
      Deadline.checkCurrent();
      FiberFactor ff = factors.get(j);
      GenPolynomial<BigRational> f = ff.polynomial();
      if (ff.realCertificate().isPresent()) {
        plans.add(new Plan(j, f, ff.multiplicity(), WHOLE, List.of(), null, 0));
        continue;
      }
      int only = onlyVariable(f);
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
      FieldExtensions.Extension e = FieldExtensions.adjoin(k, x, MAX_FIELD_DEGREE);
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
        shown.add("(" + FactorSyntax.symja(g.toFactor()) + ")");
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
