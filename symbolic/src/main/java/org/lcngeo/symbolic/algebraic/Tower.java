package org.lcngeo.symbolic.algebraic;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * L = Q(theta) as the tower K[x]/(q) it was built as ({@link FieldExtensions#adjoinRoot}): K =
 * Q(gamma) of degree d, q monic and irreducible over K of degree h, theta = b + k gamma with b the
 * class of x, [L : Q] = d h. Elements of L that are short in the tower basis gamma^i b^j can be
 * long over theta's power basis (the rescaled NTK entries over Q(gamma, beta_1): coefficients of
 * a thousand bits over a common denominator of as many, for values below 100), and the powers
 * that a characteristic polynomial from traces needs grow with them. Here they are computed in
 * the tower, with Tr_{L/Q} = Tr_{K/Q} o Tr_{L/K}: the same polynomial, from short numbers.
 */
final class Tower {
  private final NumberField base;
  private final List<FieldElement> q;
  private final FieldElement kGamma;
  private final int degree;
  /** Tr_{L/K}(b^j), j < h: the power sums of the roots of q. */
  private final List<FieldElement> relativeTraces;
  private volatile List<List<FieldElement>> thetaPowers;

  /**
   * @param base K
   * @param q monic, lowest degree first, irreducible over K, of degree h >= 2
   * @param kGamma k gamma, so that theta = b + k gamma
   */
  Tower(NumberField base, List<FieldElement> q, FieldElement kGamma) {
    if (q.size() < 3) {
      throw new IllegalArgumentException("a tower needs a relative degree of at least 2");
    }
    this.base = base;
    this.q = List.copyOf(q);
    this.kGamma = kGamma;
    this.degree = base.degree() * (q.size() - 1);
    this.relativeTraces = FieldExtensions.powerSums(q, q.size() - 1);
  }

  /** [L : Q]. */
  int degree() {
    return degree;
  }

  /** The characteristic polynomial over Q of a in L (monic, lowest degree first, degree [L : Q]). */
  BigFraction[] characteristicPolynomial(FieldElement a) {
    List<FieldElement> y = image(a);
    List<FieldElement> power = y;
    BigFraction[] p = new BigFraction[degree + 1];
    for (int k = 1; k <= degree; k++) {
      org.lcngeo.core.Deadline.checkCurrent();
      if (k > 1) {
        power = multiply(power, y);
      }
      p[k] = trace(power);
    }
    return NumberField.characteristicFromPowerSums(p);
  }

  /** a = sum_r c_r theta^r in the tower basis: h elements of K, the coefficients of 1, b, ..., b^(h-1). */
  List<FieldElement> image(FieldElement a) {
    List<List<FieldElement>> t = thetaPowers();
    List<BigFraction> c = a.coefficients();
    int h = q.size() - 1;
    List<FieldElement> out = new ArrayList<>(h);
    for (int j = 0; j < h; j++) {
      List<FieldElement> column = new ArrayList<>(degree);
      for (List<FieldElement> tr : t) {
        column.add(tr.get(j));
      }
      out.add(FieldElement.linearCombination(c, column));
    }
    return out;
  }

  /** theta^r = (b + k gamma)^r in the tower basis, r < [L : Q], computed once. */
  private List<List<FieldElement>> thetaPowers() {
    List<List<FieldElement>> t = thetaPowers;
    if (t == null) {
      int h = q.size() - 1;
      List<FieldElement> theta = new ArrayList<>(); // b + k gamma
      List<FieldElement> one = new ArrayList<>();
      for (int j = 0; j < h; j++) {
        theta.add(j == 0 ? kGamma : j == 1 ? base.one() : base.zero());
        one.add(j == 0 ? base.one() : base.zero());
      }
      t = new ArrayList<>(degree);
      t.add(List.copyOf(one));
      for (int r = 1; r < degree; r++) {
        org.lcngeo.core.Deadline.checkCurrent();
        t.add(multiply(t.get(r - 1), theta));
      }
      t = List.copyOf(t);
      thetaPowers = t;
    }
    return t;
  }

  /** The product of two tower elements (h coefficients each), reduced modulo q. */
  private List<FieldElement> multiply(List<FieldElement> u, List<FieldElement> v) {
    int h = q.size() - 1;
    FieldElement[] z = new FieldElement[2 * h - 1];
    java.util.Arrays.fill(z, base.zero());
    for (int i = 0; i < h; i++) {
      if (u.get(i).isZero()) {
        continue;
      }
      for (int j = 0; j < h; j++) {
        if (!v.get(j).isZero()) {
          z[i + j] = z[i + j].add(u.get(i).multiply(v.get(j)));
        }
      }
    }
    for (int top = 2 * h - 2; top >= h; top--) {
      FieldElement c = z[top];
      if (c.isZero()) {
        continue;
      }
      for (int i = 0; i < h; i++) {
        z[top - h + i] = z[top - h + i].subtract(c.multiply(q.get(i)));
      }
    }
    return List.of(z).subList(0, h);
  }

  /** Tr_{L/Q}(y) = Tr_{K/Q}(sum_j y_j Tr_{L/K}(b^j)). */
  private BigFraction trace(List<FieldElement> y) {
    FieldElement s = base.zero();
    for (int j = 0; j < y.size(); j++) {
      if (!y.get(j).isZero()) {
        s = s.add(y.get(j).multiply(relativeTraces.get(j)));
      }
    }
    return base.trace(s);
  }
}
