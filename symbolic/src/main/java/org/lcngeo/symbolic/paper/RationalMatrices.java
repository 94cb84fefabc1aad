package org.lcngeo.symbolic.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Matrices;
import org.lcngeo.core.algebra.RationalRing;

/**
 * Exact rational matrices for the fully connected witnesses (Thm. 14, Ex. 20): rational orthogonal
 * matrices as products of Givens rotations with Pythagorean cosines and sines (the Cayley transform
 * of a 2x2 skew matrix), diagonal and cyclic permutation matrices.
 */
final class RationalMatrices {
  private static final RationalRing Q = RationalRing.INSTANCE;

  private RationalMatrices() {}

  static List<List<BigFraction>> diagonal(List<BigFraction> d) {
    List<List<BigFraction>> m = Matrices.zeros(Q, d.size(), d.size());
    for (int i = 0; i < d.size(); i++) {
      m.get(i).set(i, d.get(i));
    }
    return m;
  }

  /** The cyclic permutation e_i -> e_{i+1}. */
  static List<List<BigFraction>> cyclicPermutation(int d) {
    List<List<BigFraction>> m = Matrices.zeros(Q, d, d);
    for (int i = 0; i < d; i++) {
      m.get((i + 1) % d).set(i, BigFraction.ONE);
    }
    return m;
  }

  /**
   * A random rational orthogonal d x d matrix ({@link #orthogonal}), its parameters s = a/b with a,
   * b in 1..5.
   */
  static List<List<BigFraction>> randomOrthogonal(int d, SplittableRandom random) {
    List<BigFraction> s = new ArrayList<>();
    for (int i = 0; i < d * (d - 1) / 2; i++) {
      s.add(new BigFraction(random.nextInt(1, 6), random.nextInt(1, 6)));
    }
    return orthogonal(d, s);
  }

  /**
   * The rational orthogonal d x d matrix that is the product of Givens rotations in the planes (i,
   * j), i < j in lexicographic order, with cos = (1 - s^2)/(1 + s^2), sin = 2s/(1 + s^2) for the
   * plane's parameter s (d (d - 1) / 2 of them).
   */
  static List<List<BigFraction>> orthogonal(int d, List<BigFraction> parameters) {
    List<List<BigFraction>> g = Matrices.identity(Q, d);
    int next = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        BigFraction s = parameters.get(next++);
        BigFraction den = BigFraction.ONE.add(s.multiply(s));
        BigFraction c = BigFraction.ONE.subtract(s.multiply(s)).divide(den);
        BigFraction sn = s.multiply(2).divide(den);
        List<List<BigFraction>> r = Matrices.identity(Q, d);
        r.get(i).set(i, c);
        r.get(j).set(j, c);
        r.get(i).set(j, sn.negate());
        r.get(j).set(i, sn);
        g = Matrices.multiply(Q, g, r);
      }
    }
    return g;
  }
}
