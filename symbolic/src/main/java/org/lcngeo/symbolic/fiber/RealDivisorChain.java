package org.lcngeo.symbolic.fiber;

import edu.jas.arith.BigRational;
import org.lcngeo.symbolic.expr.Exprs;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.Monomial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.distribution.Distribution;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.algebraic.RealQuadraticFactors;
import org.lcngeo.symbolic.poly.LayerPolynomials;
import org.lcngeo.symbolic.poly.RealIrreducibility;
import org.lcngeo.symbolic.poly.RootOrbits;

/**
 * The 1-D fiber (Sec. 2.3, eq. 8): every distribution of the real divisors of pi_1(v) among the
 * layers, exactly, with the Q-factors of pi_1(v) split over R where that matters.
 *
 * <p>The dilations t_1 | t_2 | ... | t_H form a chain, so the layers are handled in groups of equal
 * dilation T, largest first. The group's product must lie in R[z^T]; its real irreducible
 * divisors in w = z^T are read off the factors of the remaining polynomial: a factor is available
 * at level T together with all factors whose roots have T-th powers among the same roots (its
 * block: the factors with the same key, whose degrees must add up to T times the key's degree;
 * the block's count is the least multiplicity in it). The blocks are handed out by {@link
 * Distribution} (identical layers receiving identical factors count once).
 *
 * <p>The factors are the Q-irreducible factors of pi_1(v), kept whole, except those in the split
 * set, which are split over R into z - a for every real root a and z^2 - s z + p for every pair c,
 * conj(c) of non-real roots (s = 2 Re c, p = |c|^2; {@link RealQuadraticFactors}), all
 * coefficients in one real number field K = Q(gamma) (a primitive element of every such number,
 * {@link FieldExtensions}; each split is checked exactly: the real factors multiply back to the
 * Q-factor). Keys: for a whole factor f, the minimal polynomial over Q of alpha^T ({@link
 * RootOrbits}, a Q-irreducible polynomial in w, the smallest of Q[z^T] divisible by f); for z - a,
 * w - a^T; for a pair, w^2 - V_T w + p^T with the Lucas sequence V_T = s V_{T-1} - p V_{T-2} =
 * c^T + conj(c)^T, or w - V_T / 2 when c^T is real. Keys of split factors are irreducible over R
 * by construction; a whole factor's key may split over R, and when such a key must be shared out
 * (a group of several layers, or more supply than the group takes), the enumeration stops with
 * {@link NeedsSplit} naming its block, and the caller splits those Q-factors too and starts again
 * (the split set only grows, so this ends). With the empty split set this is the enumeration over
 * Q, which is all that generic targets need (W2: degree-8 factors, one choice per group).
 *
 * <p>Cost: K has degree at most {@link #MAX_FIELD_DEGREE} and only Q-factors of degree at most
 * {@link #MAX_SPLIT_DEGREE} are split (beyond either bound, {@link
 * FieldExtensions.DegreeBoundExceeded} and the caller reports an incomplete fiber); building K
 * takes one exact complex root isolation and two resultants of degree n^2 factored over Q per split
 * Q-factor of degree n, and one primitive element per root; the keys of whole factors one linear
 * algebra problem of size deg f per dilation; the enumeration visits at most the distributions
 * {@link Distribution} bounds (exponential in the number of factors only where the fiber itself
 * is: stride 1, many real roots), each layer product costing O(deg^2) operations in K.
 */
final class RealDivisorChain {
  /** Bound on [K : Q]. */
  static final int MAX_FIELD_DEGREE = 16;
  /** Bound on the degree of a Q-factor split over R. */
  static final int MAX_SPLIT_DEGREE = 6;

  /**
   * A whole Q-factor's key splits over R and must be shared out: the factors of its block must be
   * split (indices into the finite Q-factors).
   */
  static final class NeedsSplit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Set<Integer> factors;
    final String reason;

    NeedsSplit(Set<Integer> factors, String reason) {
      super(reason, null, false, false);
      this.factors = factors;
      this.reason = reason;
    }
  }

  /** Receives each distribution: layer polynomials in z (coefficients in K) and their factored forms. */
  interface Sink {
    void accept(List<List<FieldElement>> layers, List<LayerFactorization> display);
  }

  /**
   * A factor of pi_1(v): a whole Q-factor (source index, numberA = -1), z - a (numberB = -1), or
   * z^2 - s z + p, numbers indexing {@link #numbers}.
   */
  private record Factor(int source, int degree, int numberA, int numberB, LayerFactor factor) {
    boolean whole() {
      return numberA < 0;
    }
  }

  private final Architecture architecture;
  private final List<int[]> groups;
  private final long[] exponents;
  private final long zeroRoot;
  private final long infinity;
  private final List<Factor> factors = new ArrayList<>();
  private final List<FieldElement> numbers = new ArrayList<>();
  private final NumberField field;
  private final List<GenPolynomial<BigRational>> finite;
  private final Map<Long, List<List<FieldElement>>> keys = new HashMap<>();
  private final Map<Long, List<GenPolynomial<BigRational>>> rationalKeys = new HashMap<>();
  private final List<List<FieldElement>> layerPolynomials;
  private final List<LayerFactorization> layerDisplay;
  private Sink sink;
  private boolean strict;
  private String unsplit;

  /**
   * @param qFactors the factors of pi_1(v) over Q with multiplicities, those at infinity included
   * @param toSplit indices (among the finite factors other than z, in order) of the Q-factors to
   *     split over R (closed by {@link #closure})
   * @param real the real roots and quadratics of the Q-factors, computed once per enumeration
   * @throws FieldExtensions.DegreeBoundExceeded when K exceeds {@link #MAX_FIELD_DEGREE} or a
   *     factor to split exceeds {@link #MAX_SPLIT_DEGREE}
   */
  RealDivisorChain(Architecture a, List<FiberFactor> qFactors, Set<Integer> toSplit,
      RealFactors real) {
    this.architecture = a;
    this.groups = groups(a);
    this.finite = new ArrayList<>();
    List<Long> multiplicities = new ArrayList<>();
    long zero = 0;
    long inf = 0;
    for (FiberFactor f : qFactors) {
      if (f.isAtInfinity()) {
        inf = f.multiplicity();
      } else if (f.polynomial().equals(f.polynomial().ring.univariate(0))) {
        zero = f.multiplicity();
      } else {
        finite.add(f.polynomial());
        multiplicities.add(f.multiplicity());
      }
    }
    this.zeroRoot = zero;
    this.infinity = inf;
    Set<Integer> split = closure(toSplit, a.dilation(a.depth() - 1)[0]);
    List<RealAlgebraicNumber> values = new ArrayList<>();
    List<RealSplitting.Split> splits = new ArrayList<>();
    for (int j = 0; j < finite.size(); j++) {
      if (!split.contains(j)) {
        factors.add(new Factor(j, (int) finite.get(j).degree(0), -1, -1,
            new LayerFactor.Rational(finite.get(j))));
        continue;
      }
      if (finite.get(j).degree(0) > MAX_SPLIT_DEGREE) {
        throw new FieldExtensions.DegreeBoundExceeded("the factor "
            + FactorSyntax.text(new LayerFactor.Rational(finite.get(j))) + " has degree above "
            + MAX_SPLIT_DEGREE + ", the bound for splitting over R");
      }
      List<BigFraction> f = coefficients(finite.get(j));
      RealFactors.Split overR = real.of(f);
      splits.add(new RealSplitting.Split(f, values.size(), overR.roots().size()));
      for (RealAlgebraicNumber r : overR.roots()) {
        factors.add(new Factor(j, 1, values.size(), -1, new LayerFactor.Univariate(List.of(r.negate(), one()))));
        values.add(r);
      }
      for (RealQuadraticFactors.Quadratic q : overR.pairs()) {
        factors.add(new Factor(j, 2, values.size(), values.size() + 1,
            new LayerFactor.Univariate(List.of(q.product(), q.sum().negate(), one()))));
        values.add(q.sum());
        values.add(q.product());
      }
    }
    long[] exps = multiplicities.stream().mapToLong(Long::longValue).toArray();
    NumberField k = FieldExtensions.rationals();
    for (RealAlgebraicNumber x : values) {
      FieldExtensions.Extension e = FieldExtensions.adjoin(
          k, x, MAX_FIELD_DEGREE, RealSplitting.Split.candidates(splits, numbers));
      numbers.replaceAll(e::map);
      numbers.add(e.adjoined());
      k = e.field();
    }
    this.field = k;
    this.exponents = new long[factors.size()];
    for (int i = 0; i < factors.size(); i++) {
      exponents[i] = exps[factors.get(i).source()];
    }
    // the split is exact: each Q-factor is the product of its real factors
    for (int j : split) {
      List<FieldElement> product = List.of(field.one());
      for (int i = 0; i < factors.size(); i++) {
        if (factors.get(i).source() == j) {
          product = FieldExtensions.multiply(product, polynomial(factors.get(i)));
        }
      }
      if (!product.equals(monic(finite.get(j)))) {
        throw new IllegalStateException("the real factors of " + finite.get(j) + " do not multiply"
            + " back to it");
      }
    }
    int h = a.depth();
    layerPolynomials = new ArrayList<>(Collections.nCopies(h, null));
    layerDisplay = new ArrayList<>(Collections.nCopies(h, null));
  }

  /** K: every coefficient of every real factor of pi_1(v) lies in it. */
  NumberField field() {
    return field;
  }

  /**
   * Hands every distribution to the sink.
   *
   * @param strict whether a whole factor whose key must be shared out and may split over R throws
   *     {@link NeedsSplit}; otherwise the listing goes on without its real divisors
   * @return why the listing is incomplete (only when not strict)
   */
  Optional<String> run(Sink s, boolean strict) {
    this.sink = s;
    this.strict = strict;
    group(groups.size() - 1, exponents, zeroRoot, infinity);
    return Optional.ofNullable(unsplit);
  }

  private static RealAlgebraicNumber one() {
    return RealAlgebraicNumber.of(1);
  }

  /**
   * The Q-factors to split, closed under sharing a block at the largest dilation T: blocks at
   * smaller dilations refine those at T (t_l divides T), so no block at any level then mixes whole
   * and split factors, whose keys could not match.
   */
  private Set<Integer> closure(Set<Integer> toSplit, long t) {
    Set<Integer> out = new HashSet<>(toSplit);
    if (out.isEmpty() || t == 1) {
      return out;
    }
    List<GenPolynomial<BigRational>> g = new ArrayList<>();
    for (GenPolynomial<BigRational> f : finite) {
      g.add(RootOrbits.minimalPolynomialOfPower(f, t));
    }
    for (int i : toSplit) {
      for (int j = 0; j < finite.size(); j++) {
        if (g.get(j).equals(g.get(i))) {
          out.add(j);
        }
      }
    }
    return out;
  }

  /** The layers in groups of equal dilation, in order of the layers. */
  private static List<int[]> groups(Architecture a) {
    List<int[]> groups = new ArrayList<>();
    int start = 0;
    for (int l = 1; l <= a.depth(); l++) {
      if (l == a.depth() || a.dilation(l)[0] != a.dilation(start)[0]) {
        int[] g = new int[l - start];
        for (int i = 0; i < g.length; i++) {
          g[i] = start + i;
        }
        groups.add(g);
        start = l;
      }
    }
    return groups;
  }

  /** The monic polynomial of a factor in z, coefficients in K. */
  private List<FieldElement> polynomial(Factor f) {
    if (f.whole()) {
      return monic(finite.get(f.source()));
    }
    FieldElement a = numbers.get(f.numberA());
    if (f.degree() == 1) {
      return List.of(a.negate(), field.one());
    }
    return List.of(numbers.get(f.numberB()), a.negate(), field.one());
  }

  /** The monic real divisor in w = z^T whose roots are the T-th powers of the factor's roots. */
  private List<List<FieldElement>> keys(long t) {
    return keys.computeIfAbsent(t, tt -> {
      List<List<FieldElement>> out = new ArrayList<>();
      for (int i = 0; i < factors.size(); i++) {
        Factor f = factors.get(i);
        if (f.whole()) {
          out.add(monic(rationalKeys(tt).get(i)));
          continue;
        }
        FieldElement a = numbers.get(f.numberA());
        if (f.degree() == 1) {
          out.add(List.of(power(a, tt).negate(), field.one()));
          continue;
        }
        FieldElement p = numbers.get(f.numberB());
        // V_n = c^n + conj(c)^n: V_0 = 2, V_1 = s, V_{n+1} = s V_n - p V_{n-1}
        FieldElement previous = field.element(new BigFraction(2));
        FieldElement current = a;
        for (long n = 1; n < tt; n++) {
          FieldElement next = a.multiply(current).subtract(p.multiply(previous));
          previous = current;
          current = next;
        }
        FieldElement pt = power(p, tt);
        FieldElement disc = current.multiply(current).subtract(pt.multiply(new BigFraction(4)));
        out.add(disc.isZero()
            ? List.of(current.multiply(new BigFraction(-1, 2)), field.one())
            : List.of(pt, current.negate(), field.one()));
      }
      return out;
    });
  }

  /** For whole factors, the minimal polynomial over Q of alpha^T ({@link RootOrbits}); else null. */
  private List<GenPolynomial<BigRational>> rationalKeys(long t) {
    return rationalKeys.computeIfAbsent(t, tt -> {
      List<GenPolynomial<BigRational>> out = new ArrayList<>();
      for (Factor f : factors) {
        out.add(f.whole() ? RootOrbits.minimalPolynomialOfPower(finite.get(f.source()), tt) : null);
      }
      return out;
    });
  }

  private List<FieldElement> monic(GenPolynomial<BigRational> f) {
    List<BigFraction> c = coefficients(f);
    BigFraction lead = c.get(c.size() - 1);
    return c.stream().map(x -> field.element(x.divide(lead))).toList();
  }

  private static FieldElement power(FieldElement x, long e) {
    FieldElement r = x.field().one();
    for (long i = 0; i < e; i++) {
      r = r.multiply(x);
    }
    return r;
  }

  private void group(int gi, long[] exps, long zero, long inf) {
    org.lcngeo.core.Deadline.checkCurrent();
    if (gi < 0) {
      sink.accept(List.copyOf(layerPolynomials), List.copyOf(layerDisplay));
      return;
    }
    int[] members = groups.get(gi);
    long t = architecture.dilation(members[0])[0];
    List<List<FieldElement>> key = keys(t);
    List<List<FieldElement>> atomPoly = new ArrayList<>();
    List<int[]> atomMembers = new ArrayList<>();
    List<Long> atomAvail = new ArrayList<>();
    boolean[] seen = new boolean[factors.size()];
    for (int i = 0; i < factors.size(); i++) {
      if (seen[i] || exps[i] == 0) {
        continue;
      }
      List<Integer> block = new ArrayList<>();
      long degree = 0;
      long avail = Long.MAX_VALUE;
      for (int j = i; j < factors.size(); j++) {
        if (!seen[j] && key.get(j).equals(key.get(i))) {
          seen[j] = true;
          block.add(j);
          degree += factors.get(j).degree();
          avail = Math.min(avail, exps[j]);
        }
      }
      if (degree == t * (key.get(i).size() - 1) && avail > 0) {
        atomPoly.add(key.get(i));
        atomMembers.add(block.stream().mapToInt(Integer::intValue).toArray());
        atomAvail.add(avail);
      }
    }
    int zeroAtom = -1;
    int infAtom = -1;
    if (zero / t > 0) {
      zeroAtom = atomPoly.size();
      atomPoly.add(List.of(field.zero(), field.one()));
      atomMembers.add(new int[0]);
      atomAvail.add(zero / t);
    }
    if (inf / t > 0) {
      infAtom = atomPoly.size();
      atomPoly.add(null);
      atomMembers.add(new int[0]);
      atomAvail.add(inf / t);
    }
    int n = atomPoly.size();
    long[][] degree = new long[n][1];
    long[] available = new long[n];
    for (int i = 0; i < n; i++) {
      degree[i][0] = atomPoly.get(i) == null ? 1 : atomPoly.get(i).size() - 1;
      available[i] = atomAvail.get(i);
    }
    long[][] need = new long[members.length][1];
    long supply = 0;
    long demand = 0;
    for (int i = 0; i < n; i++) {
      supply += degree[i][0] * available[i];
    }
    for (int i = 0; i < members.length; i++) {
      need[i][0] = architecture.size(members[i])[0] - 1;
      demand += need[i][0];
    }
    if (members.length > 1 || supply > demand) {
      for (int i = 0; i < atomMembers.size(); i++) {
        int[] block = atomMembers.get(i);
        if (block.length == 0 || !factors.get(block[0]).whole()) {
          continue;
        }
        GenPolynomial<BigRational> g = rationalKeys(t).get(block[0]);
        if (RealIrreducibility.certificate(g).isEmpty()) {
          Set<Integer> sources = new HashSet<>();
          for (int j : block) {
            sources.add(factors.get(j).source());
          }
          String why = "the factor "
              + FactorSyntax.text(new LayerFactor.Rational(RootOrbits.substitutePower(g, t)))
              + " splits over R into factors with irrational coefficients, and the layers"
              + " receiving only some of them are not listed";
          if (strict) {
            throw new NeedsSplit(sources, why);
          }
          unsplit = unsplit == null ? why : unsplit.contains(why) ? unsplit : unsplit + "; " + why;
        }
      }
    }
    int zeroIdx = zeroAtom;
    int infIdx = infAtom;
    Distribution.ofIndices(degree, available).forEachAssignment(need, (l, c) -> true, counts -> {
      long[] nextExps = exps.clone();
      long nextZero = zero;
      long nextInf = inf;
      for (int li = 0; li < members.length; li++) {
        List<FieldElement> q = List.of(field.one());
        List<LayerFactorization.Power> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int c = counts[li][i];
          if (c == 0) {
            continue;
          }
          if (i == infIdx) {
            nextInf -= t * c;
            parts.add(new LayerFactorization.Power(variable("x"), t * c));
            continue;
          }
          for (int r = 0; r < c; r++) {
            q = FieldExtensions.multiply(q, atomPoly.get(i));
          }
          if (i == zeroIdx) {
            nextZero -= t * c;
            parts.add(new LayerFactorization.Power(variable("z"), t * c));
          } else {
            for (int j : atomMembers.get(i)) {
              nextExps[j] -= c;
              parts.add(new LayerFactorization.Power(factors.get(j).factor(), c));
            }
          }
        }
        layerPolynomials.set(members[li], substitutePower(q, t));
        layerDisplay.set(members[li], new LayerFactorization(parts));
      }
      group(gi - 1, nextExps, nextZero, nextInf);
    });
  }

  private List<FieldElement> substitutePower(List<FieldElement> q, long t) {
    List<FieldElement> out = new ArrayList<>();
    for (int i = 0; i < q.size(); i++) {
      if (i > 0) {
        for (long r = 1; r < t; r++) {
          out.add(field.zero());
        }
      }
      out.add(q.get(i));
    }
    return out;
  }

  /** The coefficients of a univariate f, constant first. */
  static List<BigFraction> coefficients(GenPolynomial<BigRational> f) {
    BigFraction[] c = new BigFraction[(int) f.degree(0) + 1];
    Arrays.fill(c, BigFraction.ZERO);
    for (Monomial<BigRational> m : f) {
      c[(int) m.e.getVal(0)] = LayerPolynomials.fraction(m.c);
    }
    return List.of(c);
  }

  /** The variable x0 or z0 as a layer factor. */
  private static LayerFactor variable(String base) {
    return new LayerFactor.Variable(Exprs.symbol(base, 0));
  }
}
