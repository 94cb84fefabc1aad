package org.lcngeo.symbolic.manifold;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Hilbert series of S/M for a monomial ideal M of S = k[x_1..x_n], as N(t)/(1-t)^n with the
 * numerator N by the recursion N(M) = N(M') - t^deg(m) N(M' : m), M = M' + (m) (Bayer and
 * Stillman, 1992). Applied to the leading monomials of a Groebner basis of a homogeneous ideal J it
 * gives the Hilbert function of S/J (Macaulay's theorem), hence the Krull dimension of S/J and its
 * degree (multiplicity).
 *
 * @param numerator N(t), coefficient of t^i at index i
 * @param variables n
 */
public record HilbertSeries(BigInteger[] numerator, int variables) {

  /** The Hilbert series of S/(monomials), each given by its exponent vector. */
  public static HilbertSeries of(List<int[]> monomials, int variables) {
    return new HilbertSeries(trim(numerator(minimal(monomials))), variables);
  }

  /** Krull dimension of S/M: n minus the order of N(t) at t = 1. */
  public int dimension() {
    BigInteger[] q = numerator.clone();
    int order = 0;
    while (order < variables && evaluateAtOne(q).signum() == 0) {
      q = divideByOneMinusT(q);
      order++;
    }
    return variables - order;
  }

  /** The degree: the value at t = 1 of N(t)/(1-t)^(n - dim). */
  public BigInteger degree() {
    BigInteger[] q = numerator.clone();
    for (int i = 0; i < variables - dimension(); i++) {
      q = divideByOneMinusT(q);
    }
    return evaluateAtOne(q);
  }

  /** dim_k (S/M)_d. */
  public BigInteger value(int d) {
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < numerator.length && i <= d; i++) {
      sum = sum.add(numerator[i].multiply(binomial(d - i + variables - 1, variables - 1)));
    }
    return variables == 0 ? (d < numerator.length ? numerator[d] : BigInteger.ZERO) : sum;
  }

  static BigInteger binomial(int n, int k) {
    if (k < 0 || n < k) {
      return BigInteger.ZERO;
    }
    BigInteger b = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return b;
  }

  private static BigInteger evaluateAtOne(BigInteger[] q) {
    BigInteger s = BigInteger.ZERO;
    for (BigInteger c : q) {
      s = s.add(c);
    }
    return s;
  }

  /** q / (1 - t) for q with q(1) = 0. */
  private static BigInteger[] divideByOneMinusT(BigInteger[] q) {
    if (q.length <= 1) {
      return new BigInteger[] {BigInteger.ZERO};
    }
    BigInteger[] r = new BigInteger[q.length - 1];
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < r.length; i++) {
      acc = acc.add(q[i]);
      r[i] = acc;
    }
    return r;
  }

  private static BigInteger[] trim(BigInteger[] q) {
    int len = q.length;
    while (len > 1 && q[len - 1].signum() == 0) {
      len--;
    }
    return Arrays.copyOf(q, len);
  }

  private static BigInteger[] numerator(List<int[]> gens) {
    if (gens.isEmpty()) {
      return new BigInteger[] {BigInteger.ONE};
    }
    if (gens.size() == 1 || pairwiseCoprime(gens)) {
      // prod (1 - t^deg m)
      BigInteger[] q = {BigInteger.ONE};
      for (int[] m : gens) {
        q = subtractShift(q, q, degree(m));
      }
      return q;
    }
    int[] last = gens.get(gens.size() - 1);
    List<int[]> rest = gens.subList(0, gens.size() - 1);
    List<int[]> quotient = new ArrayList<>(rest.size());
    for (int[] m : rest) {
      int[] q = new int[m.length];
      for (int i = 0; i < m.length; i++) {
        q[i] = Math.max(m[i] - last[i], 0);
      }
      quotient.add(q);
    }
    return subtractShift(numerator(List.copyOf(rest)), numerator(minimal(quotient)), degree(last));
  }

  private static boolean pairwiseCoprime(List<int[]> gens) {
    int n = gens.get(0).length;
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (int[] m : gens) {
        if (m[i] > 0 && ++count > 1) {
          return false;
        }
      }
    }
    return true;
  }

  /** a - t^shift b. */
  private static BigInteger[] subtractShift(BigInteger[] a, BigInteger[] b, int shift) {
    BigInteger[] r = new BigInteger[Math.max(a.length, b.length + shift)];
    Arrays.fill(r, BigInteger.ZERO);
    for (int i = 0; i < a.length; i++) {
      r[i] = r[i].add(a[i]);
    }
    for (int i = 0; i < b.length; i++) {
      r[i + shift] = r[i + shift].subtract(b[i]);
    }
    return r;
  }

  private static int degree(int[] m) {
    int d = 0;
    for (int e : m) {
      d += e;
    }
    return d;
  }

  /** The minimal generators (no one divides another), sorted by degree. */
  static List<int[]> minimal(List<int[]> gens) {
    List<int[]> sorted = new ArrayList<>(gens);
    sorted.sort((x, y) -> Integer.compare(degree(x), degree(y)));
    List<int[]> out = new ArrayList<>();
    for (int[] m : sorted) {
      boolean divisible = false;
      for (int[] g : out) {
        if (divides(g, m)) {
          divisible = true;
          break;
        }
      }
      if (!divisible) {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean divides(int[] g, int[] m) {
    for (int i = 0; i < g.length; i++) {
      if (g[i] > m[i]) {
        return false;
      }
    }
    return true;
  }
}
