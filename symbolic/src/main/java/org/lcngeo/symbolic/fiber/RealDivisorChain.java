package org.lcngeo.symbolic.fiber;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.Monomial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.algebraic.RealQuadraticFactors;
import org.lcngeo.symbolic.poly.LayerPolynomials;

/**
 * The 1-D fiber over R when Q-factors of pi_1(v) must be split between layers (Sec. 2.3, eq. 8):
 * every real divisor distribution, exactly.
 *
 * <p>pi_1(v) is split over R into its real irreducible factors: z - a for every real root a and z^2
 * - s z + p for every pair c, conj(c) of non-real roots (s = 2 Re c, p = |c|^2; {@link
 * RealQuadraticFactors}), all coefficients elements of one real number field K = Q(gamma) (a
 * primitive element of every root and every s, p, {@link FieldExtensions}); the split of each
 * Q-factor is checked exactly (the product of its real factors is the Q-factor). Layers are then
 * handled in groups of equal dilation T, largest first, as over Q ({@link FiberEnumeration}): the
 * real irreducible divisors of the group's polynomial in w = z^T are w - r (r = a^T, or c^T when it
 * is real) and w^2 - (c^T + conj(c)^T) w + |c|^{2T}, and such a divisor is available when all the
 * real factors of pi_1(v) whose roots are T-th roots of its roots are (a block, whose degrees must
 * add up to T times the divisor's degree; its count is the least multiplicity in the block). The
 * key of a factor is computed in K (a^T, and for a pair the Lucas sequence V_T = s V_{T-1} - p
 * V_{T-2} with p^T), so blocks are formed by exact equality. The blocks are handed out by {@link
 * Distributions} (identical layers receiving identical factors count once).
 *
 * <p>Cost: the splitting field part K has degree at most {@link #MAX_FIELD_DEGREE} (beyond it,
 * {@link FieldExtensions.DegreeBoundExceeded} and the caller reports an incomplete fiber); building
 * it takes one complex root isolation and two resultants of degree n^2 per Q-factor of degree n
 * and one primitive element per root; the enumeration then visits at most the distributions
 * {@link Distributions} bounds (exponential in the number of real factors only where the fiber
 * itself is), each layer product costing O(deg^2) multiplications in K.
 */
final class RealDivisorChain {
  /** Bound on [K : Q]. */
  static final int MAX_FIELD_DEGREE = 16;

  /** Receives each distribution: layer polynomials in z (coefficients in K) and their factored forms. */
  interface Sink {
    void accept(List<List<FieldElement>> layers, List<String> display);
  }

  /** A real irreducible factor of pi_1(v): z - a, or z^2 - s z + p. */
  private record Factor(int degree, int numberA, int numberB, String display) {}

  private final Architecture architecture;
  private final List<int[]> groups;
  private final long[] exponents;
  private final long zeroRoot;
  private final long infinity;
  private final List<Factor> factors = new ArrayList<>();
  private final List<FieldElement> numbers = new ArrayList<>();
  private final NumberField field;
  private final Map<Long, List<List<FieldElement>>> keys = new HashMap<>();
  private final List<List<FieldElement>> layerPolynomials;
  private final List<String> layerDisplay;
  private Sink sink;

  /**
   * @param finite the finite Q-irreducible factors of pi_1(v) other than z
   * @param exps their multiplicities
   * @throws FieldExtensions.DegreeBoundExceeded when K exceeds {@link #MAX_FIELD_DEGREE}
   */
  RealDivisorChain(Architecture a, List<int[]> groups, List<GenPolynomial<BigRational>> finite,
      long[] exps, long zeroRoot, long infinity) {
    this.architecture = a;
    this.groups = groups;
    this.zeroRoot = zeroRoot;
    this.infinity = infinity;
    List<RealAlgebraicNumber> values = new ArrayList<>();
    List<Integer> source = new ArrayList<>();
    for (int j = 0; j < finite.size(); j++) {
      List<BigFraction> f = coefficients(finite.get(j));
      for (RealAlgebraicNumber r : RealAlgebraicNumber.realRoots(f)) {
        factors.add(new Factor(1, values.size(), -1, display(List.of(r.negate(), one()))));
        values.add(r);
        source.add(j);
      }
      for (RealQuadraticFactors.Quadratic q : RealQuadraticFactors.of(f)) {
        factors.add(new Factor(2, values.size(), values.size() + 1,
            display(List.of(q.product(), q.sum().negate(), one()))));
        values.add(q.sum());
        values.add(q.product());
        source.add(j);
      }
    }
    NumberField k = FieldExtensions.rationals();
    for (RealAlgebraicNumber x : values) {
      FieldExtensions.Extension e = FieldExtensions.adjoin(k, x, MAX_FIELD_DEGREE);
      numbers.replaceAll(e::map);
      numbers.add(e.adjoined());
      k = e.field();
    }
    this.field = k;
    this.exponents = new long[factors.size()];
    for (int i = 0; i < factors.size(); i++) {
      exponents[i] = exps[source.get(i)];
    }
    // the split is exact: each Q-factor is the product of its real factors
    for (int j = 0; j < finite.size(); j++) {
      List<FieldElement> product = List.of(field.one());
      for (int i = 0; i < factors.size(); i++) {
        if (source.get(i) == j) {
          product = FieldExtensions.multiply(product, polynomial(factors.get(i)));
        }
      }
      List<BigFraction> f = coefficients(finite.get(j));
      BigFraction lead = f.get(f.size() - 1);
      List<FieldElement> monic = f.stream().map(c -> field.element(c.divide(lead))).toList();
      if (!product.equals(monic)) {
        throw new IllegalStateException("the real factors of " + finite.get(j) + " do not multiply"
            + " back to it");
      }
    }
    int h = a.depth();
    layerPolynomials = new ArrayList<>(java.util.Collections.nCopies(h, null));
    layerDisplay = new ArrayList<>(java.util.Collections.nCopies(h, null));
  }

  /** K: every coefficient of every real factor of pi_1(v) lies in it. */
  NumberField field() {
    return field;
  }

  void run(Sink s) {
    this.sink = s;
    group(groups.size() - 1, exponents, zeroRoot, infinity);
  }

  private static RealAlgebraicNumber one() {
    return RealAlgebraicNumber.of(1);
  }

  private List<FieldElement> polynomial(Factor f) {
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
      for (Factor f : factors) {
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

  private static FieldElement power(FieldElement x, long e) {
    FieldElement r = x.field().one();
    for (long i = 0; i < e; i++) {
      r = r.multiply(x);
    }
    return r;
  }

  private void group(int gi, long[] exps, long zero, long inf) {
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
    for (int i = 0; i < members.length; i++) {
      need[i][0] = architecture.size(members[i])[0] - 1;
    }
    int zeroIdx = zeroAtom;
    int infIdx = infAtom;
    Distributions.enumerate(degree, available, need, (l, c) -> true, counts -> {
      long[] nextExps = exps.clone();
      long nextZero = zero;
      long nextInf = inf;
      for (int li = 0; li < members.length; li++) {
        List<FieldElement> q = List.of(field.one());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int c = counts[li][i];
          if (c == 0) {
            continue;
          }
          if (i == infIdx) {
            nextInf -= t * c;
            parts.add(FiberEnumeration.power("x0", t * c));
            continue;
          }
          for (int r = 0; r < c; r++) {
            q = FieldExtensions.multiply(q, atomPoly.get(i));
          }
          if (i == zeroIdx) {
            nextZero -= t * c;
            parts.add(FiberEnumeration.power("z0", t * c));
          } else {
            for (int j : atomMembers.get(i)) {
              nextExps[j] -= c;
              parts.add(FiberEnumeration.power(factors.get(j).display(), c));
            }
          }
        }
        layerPolynomials.set(members[li], substitutePower(q, t));
        layerDisplay.set(members[li], parts.isEmpty() ? "1" : String.join(" * ", parts));
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

  private static List<BigFraction> coefficients(GenPolynomial<BigRational> f) {
    BigFraction[] c = new BigFraction[(int) f.degree(0) + 1];
    Arrays.fill(c, BigFraction.ZERO);
    for (Monomial<BigRational> m : f) {
      c[(int) m.e.getVal(0)] = LayerPolynomials.fraction(m.c);
    }
    return List.of(c);
  }

  /** A monic real polynomial in z0 in Symja syntax, coefficients as radicals or Root forms. */
  private static String display(List<RealAlgebraicNumber> c) {
    StringBuilder b = new StringBuilder();
    for (int i = c.size() - 1; i >= 0; i--) {
      RealAlgebraicNumber x = c.get(i);
      String mono = i == 0 ? "" : i == 1 ? "z0" : "z0^" + i;
      if (i == c.size() - 1) {
        b.append(mono);
        continue;
      }
      if (x.isRational()) {
        BigFraction q = x.toRational();
        if (q.signum() == 0) {
          continue;
        }
        String abs = org.lcngeo.symbolic.algebraic.Symja.rational(q.abs());
        b.append(q.signum() < 0 ? "-" : "+");
        b.append(mono.isEmpty() ? abs : q.abs().equals(BigFraction.ONE) ? mono : abs + "*" + mono);
      } else {
        b.append("+(").append(x.toSymja()).append(')').append(mono.isEmpty() ? "" : "*" + mono);
      }
    }
    return b.toString();
  }
}
