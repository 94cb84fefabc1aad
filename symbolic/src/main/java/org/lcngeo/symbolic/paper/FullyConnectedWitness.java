package org.lcngeo.symbolic.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Matrices;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.FullyConnectedNetwork;
import org.lcngeo.core.plan.FullyConnectedPlan;

/**
 * Two weight tuples of one fully connected network, compared exactly: same product, same
 * invariants Delta_i (eq. 5), and whether their NTKs (eq. 7) agree. Built as the paper's Thm. 14
 * (balanced tuples related by orthogonal matrices) and Ex. 20 (unbalanced tuples with equal Delta
 * and different NTKs), with seeded random rational data.
 *
 * @param first W_1..W_H of the first tuple
 * @param second W_1..W_H of the second tuple
 */
public record FullyConnectedWitness(
    String description,
    FullyConnectedNetwork network,
    List<List<List<BigFraction>>> first,
    List<List<List<BigFraction>>> second) {
  private static final RationalRing Q = RationalRing.INSTANCE;

  private FullyConnectedPlan plan() {
    return FullyConnectedPlan.of(network);
  }

  public List<List<BigFraction>> product(List<List<List<BigFraction>>> w) {
    return plan().product(Q, w);
  }

  public List<List<List<BigFraction>>> deltas(List<List<List<BigFraction>>> w) {
    return plan().deltas(Q, w);
  }

  public List<List<BigFraction>> ntk(List<List<List<BigFraction>>> w) {
    return plan().ntk(Q, w);
  }

  public boolean productsEqual() {
    return product(first).equals(product(second));
  }

  public boolean deltasEqual() {
    return deltas(first).equals(deltas(second));
  }

  /** Every Delta_i of the first tuple is zero. */
  public boolean balanced() {
    return deltas(first).stream().flatMap(List::stream).flatMap(List::stream)
        .allMatch(Q::isZero);
  }

  public boolean ntkEqual() {
    return ntk(first).equals(ntk(second));
  }

  /**
   * Thm. 14: W_l = O_l S O_{l-1}^T with a rational diagonal S and rational orthogonal O_0..O_H is
   * balanced with product O_H S^H O_0^T; replacing the inner O_1..O_{H-1} by other orthogonal
   * matrices gives another balanced tuple with the same product.
   */
  public static FullyConnectedWitness balanced(int width, int depth, SplittableRandom random) {
    List<BigFraction> s = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      s.add(new BigFraction(random.nextInt(1, 9), random.nextInt(1, 5)));
    }
    List<List<BigFraction>> sigma = RationalMatrices.diagonal(s);
    List<List<List<BigFraction>>> o = new ArrayList<>();
    List<List<List<BigFraction>>> o2 = new ArrayList<>();
    for (int l = 0; l <= depth; l++) {
      o.add(RationalMatrices.randomOrthogonal(width, random));
      List<List<BigFraction>> replacement = o.get(l);
      while (l > 0 && l < depth && replacement.equals(o.get(l))) {
        replacement = RationalMatrices.randomOrthogonal(width, random);
      }
      o2.add(replacement);
    }
    return balanced(sigma, o, o2);
  }

  /**
   * The balanced pair W_l = O_l S O_{l-1}^T and W'_l = O'_l S O'_{l-1}^T (Thm. 14) for a diagonal S
   * and orthogonal O_0..O_H, O'_0..O'_H of one width with O'_0 = O_0 and O'_H = O_H.
   */
  static FullyConnectedWitness balanced(List<List<BigFraction>> sigma,
      List<List<List<BigFraction>>> o, List<List<List<BigFraction>>> o2) {
    int[] widths = new int[o.size()];
    java.util.Arrays.fill(widths, sigma.size());
    return new FullyConnectedWitness(
        "balanced, W_l = O_l S O_{l-1}^T, inner O_l replaced (Thm. 14)",
        FullyConnectedNetwork.of(widths),
        chain(sigma, o),
        chain(sigma, o2));
  }

  private static List<List<List<BigFraction>>> chain(
      List<List<BigFraction>> sigma, List<List<List<BigFraction>>> o) {
    List<List<List<BigFraction>>> w = new ArrayList<>();
    for (int l = 1; l < o.size(); l++) {
      w.add(Matrices.multiply(Q, Matrices.multiply(Q, o.get(l), sigma),
          Matrices.transpose(Q, o.get(l - 1))));
    }
    return w;
  }

  /**
   * Ex. 20 generalized: V = (D, D^{-1}) and U = (D P, P^T D^{-1}) with a diagonal D and the cyclic
   * permutation P have product I and the same Delta_1 = D^{-2} - D^2.
   */
  public static FullyConnectedWitness unbalanced(List<BigFraction> d) {
    List<List<BigFraction>> dm = RationalMatrices.diagonal(d);
    List<List<BigFraction>> inv = RationalMatrices.diagonal(d.stream().map(BigFraction::reciprocal).toList());
    List<List<BigFraction>> p = RationalMatrices.cyclicPermutation(d.size());
    return new FullyConnectedWitness(
        "V = (D, D^-1), U = (D P, P^T D^-1), D = diag" + d + " (Ex. 20)",
        FullyConnectedNetwork.of(d.size(), d.size(), d.size()),
        List.of(dm, inv),
        List.of(Matrices.multiply(Q, dm, p), Matrices.multiply(Q, Matrices.transpose(Q, p), inv)));
  }

  /** The paper's Example 20 exactly: D = diag(1, 1/2). */
  public static FullyConnectedWitness example20() {
    return unbalanced(List.of(BigFraction.ONE, BigFraction.ONE_HALF));
  }

  /** Ex. 20's family with random distinct positive rational diagonal entries. */
  public static FullyConnectedWitness randomUnbalanced(int width, SplittableRandom random) {
    List<BigFraction> d = new ArrayList<>();
    while (d.size() < width) {
      BigFraction x = new BigFraction(random.nextInt(1, 9), random.nextInt(1, 9));
      if (!d.contains(x) && !x.equals(BigFraction.ONE)) {
        d.add(x);
      }
    }
    return unbalanced(d);
  }
}
