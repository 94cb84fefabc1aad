package org.lcngeo.symbolic.fiber;

import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Every way of handing out factors ("atoms", with multiplicity) to layers so that each layer gets
 * exactly its multidegree: the combinatorial core of the fiber enumeration (Sec. 2.3, Obs. 11).
 *
 * <p>An assignment is a matrix {@code n[l][i]} of how many copies of atom i layer l receives, with
 * {@code sum_l n[l][i] <= available[i]} and {@code sum_i n[l][i] degree[i] = need[l]}
 * componentwise. Counting copies (not labelled copies) makes identical factors count once. The
 * search fills the layers in the given order, atom by atom, with two prunings: a count never
 * exceeds the layer's remaining multidegree, and the atoms not yet considered must still be able to
 * fill it. A layer is checked by {@code accept} as soon as it is full (the sparsity pattern of
 * Lemma 9), so a wrong choice is abandoned before the later layers are tried.
 *
 * <p>Cost: the number of assignments visited is at most the product over layers of the number of
 * sub-multisets of the atoms of the layer's multidegree, i.e. exponential in the number of atoms
 * in the worst case (many linear factors with stride 1, where the fiber itself is that large);
 * each visit costs O(atoms * D) besides {@code accept}.
 */
final class Distributions {
  private final long[][] degree;
  private final long[][] need;
  private final BiPredicate<Integer, int[]> accept;
  private final Consumer<int[][]> sink;
  private final long[] available;
  private final int[][] counts;
  private final int dims;

  private Distributions(
      long[][] degree,
      long[] available,
      long[][] need,
      BiPredicate<Integer, int[]> accept,
      Consumer<int[][]> sink) {
    this.degree = degree;
    this.available = available.clone();
    this.need = need;
    this.accept = accept;
    this.sink = sink;
    this.counts = new int[need.length][degree.length];
    this.dims = need.length == 0 ? 0 : need[0].length;
  }

  /**
   * Calls {@code sink} with every assignment (a fresh matrix each time).
   *
   * @param degree multidegree of each atom
   * @param available copies of each atom
   * @param need multidegree each layer must receive
   * @param accept whether layer l (index into need) may receive the given counts
   */
  static void enumerate(
      long[][] degree,
      long[] available,
      long[][] need,
      BiPredicate<Integer, int[]> accept,
      Consumer<int[][]> sink) {
    new Distributions(degree, available, need, accept, sink).fill(0, 0, need.length == 0 ? null
        : need[0].clone());
  }

  private void fill(int layer, int atom, long[] remaining) {
    org.lcngeo.core.Deadline.checkCurrent();
    if (layer == need.length) {
      int[][] copy = new int[counts.length][];
      for (int l = 0; l < counts.length; l++) {
        copy[l] = counts[l].clone();
      }
      sink.accept(copy);
      return;
    }
    if (atom == degree.length) {
      if (isZero(remaining) && accept.test(layer, counts[layer].clone())) {
        fill(layer + 1, 0, layer + 1 < need.length ? need[layer + 1].clone() : null);
      }
      return;
    }
    if (!coverable(atom, remaining)) {
      return;
    }
    long max = available[atom];
    for (int m = 0; m < dims; m++) {
      if (degree[atom][m] > 0) {
        max = Math.min(max, remaining[m] / degree[atom][m]);
      }
    }
    for (long c = max; c >= 0; c--) {
      long[] next = remaining.clone();
      for (int m = 0; m < dims; m++) {
        next[m] -= c * degree[atom][m];
      }
      counts[layer][atom] = (int) c;
      available[atom] -= c;
      fill(layer, atom + 1, next);
      available[atom] += c;
      counts[layer][atom] = 0;
    }
  }

  /** Whether atoms from index {@code from} on can still supply {@code remaining}. */
  private boolean coverable(int from, long[] remaining) {
    for (int m = 0; m < dims; m++) {
      long supply = 0;
      for (int i = from; i < degree.length && supply < remaining[m]; i++) {
        supply += available[i] * degree[i][m];
      }
      if (supply < remaining[m]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isZero(long[] v) {
    for (long x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
