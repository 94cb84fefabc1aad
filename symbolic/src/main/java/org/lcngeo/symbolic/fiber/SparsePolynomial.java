package org.lcngeo.symbolic.fiber;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.Monomial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lcngeo.core.Deadline;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.poly.LayerPolynomials;

/**
 * A polynomial in z_0..z_{D-1} with coefficients in a real number field K: the real factors of
 * pi_1(v) for D >= 2 and the layer polynomials built from them. Terms are kept in lexicographic
 * order (z_0 first), a monomial order, so leading terms multiply.
 */
final class SparsePolynomial {
  /** Exponents, variable m at index m, compared lexicographically. */
  record Exponents(int[] e) implements Comparable<Exponents> {
    @Override
    public int compareTo(Exponents o) {
      return Arrays.compare(e, o.e);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Exponents x && Arrays.equals(e, x.e);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(e);
    }

    Exponents plus(Exponents o) {
      int[] r = e.clone();
      for (int m = 0; m < r.length; m++) {
        r[m] += o.e[m];
      }
      return new Exponents(r);
    }

    /** this - o, or null when o does not divide this. */
    Exponents minus(Exponents o) {
      int[] r = e.clone();
      for (int m = 0; m < r.length; m++) {
        r[m] -= o.e[m];
        if (r[m] < 0) {
          return null;
        }
      }
      return new Exponents(r);
    }
  }

  private final NumberField field;
  private final int variables;
  private final TreeMap<Exponents, FieldElement> terms;

  SparsePolynomial(NumberField field, int variables, Map<Exponents, FieldElement> terms) {
    this.field = field;
    this.variables = variables;
    this.terms = new TreeMap<>();
    terms.forEach((e, c) -> {
      if (!c.isZero()) {
        this.terms.put(e, c);
      }
    });
  }

  static SparsePolynomial one(NumberField field, int variables) {
    return new SparsePolynomial(field, variables,
        Map.of(new Exponents(new int[variables]), field.one()));
  }

  /** A polynomial over Q, as one over K. */
  static SparsePolynomial of(NumberField field, GenPolynomial<BigRational> p) {
    int nv = p.ring.nvar;
    Map<Exponents, FieldElement> t = new TreeMap<>();
    for (Monomial<BigRational> mono : p) {
      int[] e = new int[nv];
      for (int m = 0; m < nv; m++) {
        e[m] = (int) mono.e.getVal(m);
      }
      t.put(new Exponents(e), field.element(LayerPolynomials.fraction(mono.c)));
    }
    return new SparsePolynomial(field, nv, t);
  }

  Map<Exponents, FieldElement> terms() {
    return terms;
  }

  boolean isZero() {
    return terms.isEmpty();
  }

  /** The degree in z_m. */
  long degree(int m) {
    long d = 0;
    for (Exponents e : terms.keySet()) {
      d = Math.max(d, e.e()[m]);
    }
    return d;
  }

  SparsePolynomial multiply(SparsePolynomial o) {
    Map<Exponents, FieldElement> r = new TreeMap<>();
    for (Map.Entry<Exponents, FieldElement> a : terms.entrySet()) {
      Deadline.checkCurrent();
      for (Map.Entry<Exponents, FieldElement> b : o.terms.entrySet()) {
        r.merge(a.getKey().plus(b.getKey()), a.getValue().multiply(b.getValue()),
            FieldElement::add);
      }
    }
    return new SparsePolynomial(field, variables, r);
  }

  /** Divided by its leading coefficient. */
  SparsePolynomial monic() {
    FieldElement inv = terms.lastEntry().getValue().inverse();
    Map<Exponents, FieldElement> r = new TreeMap<>();
    terms.forEach((e, c) -> r.put(e, c.multiply(inv)));
    return new SparsePolynomial(field, variables, r);
  }

  /** The exact quotient this / d, or null when d does not divide this. */
  SparsePolynomial divideExactly(SparsePolynomial d) {
    TreeMap<Exponents, FieldElement> rest = new TreeMap<>(terms);
    Map<Exponents, FieldElement> q = new TreeMap<>();
    Exponents lead = d.terms.lastKey();
    FieldElement inv = d.terms.lastEntry().getValue().inverse();
    while (!rest.isEmpty()) {
      Deadline.checkCurrent();
      Map.Entry<Exponents, FieldElement> top = rest.lastEntry();
      Exponents e = top.getKey().minus(lead);
      if (e == null) {
        return null;
      }
      FieldElement c = top.getValue().multiply(inv);
      q.put(e, c);
      for (Map.Entry<Exponents, FieldElement> t : d.terms.entrySet()) {
        Exponents x = t.getKey().plus(e);
        FieldElement v = rest.getOrDefault(x, field.zero()).subtract(t.getValue().multiply(c));
        if (v.isZero()) {
          rest.remove(x);
        } else {
          rest.put(x, v);
        }
      }
    }
    return new SparsePolynomial(field, variables, q);
  }

  /** Whether this lies in K[z_m^{t_m}] with degree at most t_m (k_m - 1) in each z_m. */
  boolean fits(int[] size, int[] t) {
    for (Exponents x : terms.keySet()) {
      for (int m = 0; m < size.length; m++) {
        int e = x.e()[m];
        if (e % t[m] != 0 || e / t[m] > size[m] - 1) {
          return false;
        }
      }
    }
    return true;
  }

  /** The filter (row-major) of a layer of this shape: entry j is the coefficient of z^{t j}. */
  List<FieldElement> filter(int[] size, int[] t) {
    int n = 1;
    for (int k : size) {
      n *= k;
    }
    List<FieldElement> w = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      w.add(field.zero());
    }
    for (Map.Entry<Exponents, FieldElement> x : terms.entrySet()) {
      int pos = 0;
      for (int m = 0; m < size.length; m++) {
        pos = pos * size[m] + x.getKey().e()[m] / t[m];
      }
      w.set(pos, x.getValue());
    }
    return w;
  }

  /** This polynomial as a layer factor: its terms, highest exponent vector first. */
  LayerFactor.Real toFactor() {
    List<LayerFactor.Real.Term> out = new ArrayList<>();
    for (Map.Entry<Exponents, FieldElement> x : terms.descendingMap().entrySet()) {
      out.add(new LayerFactor.Real.Term(
          Arrays.stream(x.getKey().e()).boxed().toList(), x.getValue()));
    }
    return new LayerFactor.Real(variables, List.copyOf(out));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparsePolynomial p && terms.equals(p.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }
}
