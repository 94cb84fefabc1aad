package org.lcngeo.symbolic.poly;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.Monomial;
import edu.jas.poly.TermOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/**
 * The layer polynomials pi_t of eq. (8) (D = 1) and Lemma 9 (D >= 2) as JAS polynomials.
 *
 * <p>Filter w of layer l with dilation t = t_l is the sparse form {@code pi_t(w) = sum_j w_j prod_m
 * x_m^{t^(m)(k^(m)-1-j_m)} y_m^{t^(m) j_m}}, homogeneous of degree t^(m)(k^(m)-1) in each pair
 * (x_m, y_m). We mostly work with its dehomogenisation at x_m = 1: with z_m = y_m / x_m,
 * {@code sum_j w_j prod_m z_m^{t^(m) j_m}}. Nothing is lost: the homogeneous degrees are known from
 * the architecture, so a degree deficit in z_m is a power of x_m (a factor "at infinity").
 *
 * <p>Variables: in the ring of {@link #ring(int)}, JAS exponent index m is z_m (m = 0..D-1), so
 * {@code e.getVal(m)} is the exponent of z_m. By Lemma 9, mu is the product of the layer
 * polynomials; {@link #mu} computes it that way and is tested against the compiled plan of mu.
 */
public final class LayerPolynomials {
  private LayerPolynomials() {}

  /** Q[z_0, ..., z_{D-1}] with exponent index m for z_m. */
  public static GenPolynomialRing<BigRational> ring(int dims) {
    return new GenPolynomialRing<>(BigRational.ONE, dims, new TermOrder(TermOrder.INVLEX),
        names("z", dims, false));
  }

  /** Q[x_0, y_0, ..., x_{D-1}, y_{D-1}]: exponent index 2m is x_m and 2m + 1 is y_m. */
  public static GenPolynomialRing<BigRational> homogeneousRing(int dims) {
    return new GenPolynomialRing<>(BigRational.ONE, 2 * dims, new TermOrder(TermOrder.INVLEX),
        names("", dims, true));
  }

  private static String[] names(String prefix, int dims, boolean pairs) {
    int n = pairs ? 2 * dims : dims;
    String[] v = new String[n];
    for (int i = 0; i < n; i++) {
      String name = pairs ? (i % 2 == 0 ? "x" : "y") + (i / 2) : prefix + i;
      v[n - 1 - i] = name; // JAS: exponent index i is the variable named last-but-i
    }
    return v;
  }

  /** Dehomogenised pi_{t_l}(w) of layer l (0-based): {@code sum_j w_j z^{t_l j}}. */
  public static GenPolynomial<BigRational> layer(
      GenPolynomialRing<BigRational> ring, Architecture a, int l, List<BigFraction> w) {
    return sparse(ring, a.size(l), a.dilation(l), w);
  }

  /** Dehomogenised pi_1(v) of an end-to-end filter v (row-major). */
  public static GenPolynomial<BigRational> endToEnd(
      GenPolynomialRing<BigRational> ring, Architecture a, List<BigFraction> v) {
    int[] ones = new int[a.dims()];
    java.util.Arrays.fill(ones, 1);
    return sparse(ring, a.endToEndSize(), ones, v);
  }

  private static GenPolynomial<BigRational> sparse(
      GenPolynomialRing<BigRational> ring, int[] size, int[] t, List<BigFraction> w) {
    GenPolynomial<BigRational> p = ring.getZERO().copy();
    for (int j = 0; j < w.size(); j++) {
      BigFraction c = w.get(j);
      if (c.getNumerator().signum() == 0) {
        continue;
      }
      int[] idx = Architecture.unflatten(j, size);
      long[] e = new long[idx.length];
      for (int m = 0; m < idx.length; m++) {
        e[m] = (long) idx[m] * t[m];
      }
      p.doPutToMap(ExpVector.create(e), rational(c));
    }
    return p;
  }

  /**
   * The filter of layer l whose dehomogenised layer polynomial is p: the coefficient of z^{t_l j}
   * is entry j. Throws if p is not a polynomial in the variables z_m^{t_l^(m)} of degree at most
   * k_l^(m) - 1 in each.
   */
  public static List<BigFraction> filter(Architecture a, int l, GenPolynomial<BigRational> p) {
    return dense(a.size(l), a.dilation(l), p, "layer " + (l + 1));
  }

  /** The end-to-end filter (row-major) of a dehomogenised polynomial of pi_1's shape. */
  public static List<BigFraction> endToEndFilter(Architecture a, GenPolynomial<BigRational> p) {
    int[] ones = new int[a.dims()];
    java.util.Arrays.fill(ones, 1);
    return dense(a.endToEndSize(), ones, p, "the end-to-end filter");
  }

  /** True when p lies in Q[z_m^{t^(m)}] with degree at most t^(m)(k^(m) - 1) in each z_m. */
  public static boolean fits(int[] size, int[] t, GenPolynomial<BigRational> p) {
    for (Monomial<BigRational> mono : p) {
      for (int m = 0; m < size.length; m++) {
        long e = mono.e.getVal(m);
        if (e % t[m] != 0 || e / t[m] > size[m] - 1) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<BigFraction> dense(
      int[] size, int[] t, GenPolynomial<BigRational> p, String what) {
    if (!fits(size, t, p)) {
      throw new IllegalArgumentException(p + " is not a polynomial of the shape of " + what);
    }
    int n = 1;
    for (int k : size) {
      n *= k;
    }
    List<BigFraction> w = new ArrayList<>(Collections.nCopies(n, BigFraction.ZERO));
    for (Monomial<BigRational> mono : p) {
      int pos = 0;
      for (int m = 0; m < size.length; m++) {
        pos = pos * size[m] + (int) (mono.e.getVal(m) / t[m]);
      }
      w.set(pos, fraction(mono.c));
    }
    return w;
  }

  /**
   * Homogeneous pi_{t_l}(w) in x_m, y_m ({@link #homogeneousRing}): every monomial of entry j is
   * {@code prod_m x_m^{t(k-1-j_m)} y_m^{t j_m}}.
   */
  public static GenPolynomial<BigRational> homogeneous(
      GenPolynomialRing<BigRational> hring, Architecture a, int l, List<BigFraction> w) {
    int[] size = a.size(l);
    int[] t = a.dilation(l);
    GenPolynomial<BigRational> p = hring.getZERO().copy();
    for (int j = 0; j < w.size(); j++) {
      if (w.get(j).getNumerator().signum() == 0) {
        continue;
      }
      int[] idx = Architecture.unflatten(j, size);
      long[] e = new long[2 * idx.length];
      for (int m = 0; m < idx.length; m++) {
        e[2 * m] = (long) t[m] * (size[m] - 1 - idx[m]);
        e[2 * m + 1] = (long) t[m] * idx[m];
      }
      p.doPutToMap(ExpVector.create(e), rational(w.get(j)));
    }
    return p;
  }

  /** Sets every x_m = 1: the homogeneous form in z_m = y_m / x_m. */
  public static GenPolynomial<BigRational> dehomogenize(
      GenPolynomialRing<BigRational> ring, GenPolynomial<BigRational> homogeneous) {
    GenPolynomial<BigRational> p = ring.getZERO().copy();
    for (Monomial<BigRational> mono : homogeneous) {
      long[] e = new long[ring.nvar];
      for (int m = 0; m < e.length; m++) {
        e[m] = mono.e.getVal(2 * m + 1);
      }
      p = p.sum(mono.c, ExpVector.create(e));
    }
    return p;
  }

  /** mu(theta) as the product of the dehomogenised layer polynomials (eq. 8, Lemma 9). */
  public static GenPolynomial<BigRational> mu(
      GenPolynomialRing<BigRational> ring, FilterTuple<BigFraction> theta) {
    Architecture a = theta.architecture();
    GenPolynomial<BigRational> p = ring.getONE();
    for (int l = 0; l < a.depth(); l++) {
      p = p.multiply(layer(ring, a, l, theta.layer(l)));
    }
    return p;
  }

  /**
   * The degree of p in z_m, exponent index m. (JAS's {@code GenPolynomial.degree(i)} counts its
   * variables in the opposite order.)
   */
  public static long degree(GenPolynomial<BigRational> p, int m) {
    long d = 0;
    for (Monomial<BigRational> mono : p) {
      d = Math.max(d, mono.e.getVal(m));
    }
    return d;
  }

  public static BigRational rational(BigFraction q) {
    return new BigRational(
        new edu.jas.arith.BigInteger(q.getNumerator()), new edu.jas.arith.BigInteger(q.getDenominator()));
  }

  public static BigFraction fraction(BigRational q) {
    return new BigFraction(q.numerator(), q.denominator());
  }
}
