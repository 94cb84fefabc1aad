package org.lcngeo.core.distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.lcngeo.core.Deadline;

/**
 * Every way of handing out atoms (factors of pi(v), orbits of roots; each with a multidegree and a
 * number of copies) to layers so that each layer gets exactly its multidegree: the combinatorial
 * core of a fiber (eq. 8, Lemma 9, Sec. 2.3, Obs. 11), shared by the exact fibers (irreducible
 * factors over a number field) and the numeric ones (orbits of complex roots).
 *
 * <p>A layer's choice is a vector {@code n[i]} of how many copies of atom i it receives, with
 * {@code n[i] <= copies left} and {@code sum_i n[i] degree[i] = need} componentwise. Counting
 * copies (not labelled copies) makes identical atoms count once. Choices are visited atom by atom,
 * the largest count first, with two prunings: a count never exceeds the layer's remaining
 * multidegree, and the atoms not yet considered must still be able to fill it. An assignment to
 * all layers fills them in the given order, and checks each layer by {@code accept} as soon as it
 * is full (e.g. the sparsity pattern of Lemma 9), so a wrong choice is abandoned before the later
 * layers are tried.
 *
 * <p>Cost: the number of choices visited is at most the product over layers of the number of
 * sub-multisets of the atoms of the layer's multidegree, i.e. exponential in the number of atoms
 * in the worst case (many linear factors with stride 1, where the fiber itself is that large);
 * each visit costs O(atoms * D) besides {@code accept}.
 *
 * @param <A> the atoms
 */
public final class Distribution<A> {
  private final List<A> atoms;
  private final long[][] degree;
  private final long[] copies;

  private Distribution(List<A> atoms, long[][] degree, long[] copies) {
    if (degree.length != copies.length || atoms.size() != copies.length) {
      throw new IllegalArgumentException(
          "got " + atoms.size() + " atoms, " + degree.length + " degrees and " + copies.length
              + " multiplicities");
    }
    this.atoms = atoms;
    this.degree = degree;
    this.copies = copies.clone();
  }

  /** Atoms with their multidegrees and numbers of copies. */
  public static <A> Distribution<A> of(
      List<A> atoms, Function<? super A, long[]> degree, ToLongFunction<? super A> copies) {
    long[][] d = new long[atoms.size()][];
    long[] c = new long[atoms.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = degree.apply(atoms.get(i));
      c[i] = copies.applyAsLong(atoms.get(i));
    }
    return new Distribution<>(Collections.unmodifiableList(new ArrayList<>(atoms)), d, c);
  }

  /** Atoms known by their index i alone: multidegree degree[i], copies[i] copies. */
  public static Distribution<Integer> ofIndices(long[][] degree, long[] copies) {
    List<Integer> indices = new ArrayList<>(copies.length);
    for (int i = 0; i < copies.length; i++) {
      indices.add(i);
    }
    return new Distribution<>(Collections.unmodifiableList(indices), degree, copies);
  }

  /** The atoms, in the order of the count vectors. */
  public List<A> atoms() {
    return atoms;
  }

  /**
   * Calls {@code sink} with every choice of one layer that needs the multidegree {@code need} (a
   * fresh vector each time, indexed like {@link #atoms()}).
   */
  public void forEachChoice(long[] need, Consumer<int[]> sink) {
    choose(0, need.clone(), copies, new int[copies.length], sink);
  }

  /**
   * Calls {@code sink} with every assignment to the layers (a fresh matrix {@code n[l][i]} each
   * time).
   *
   * @param need multidegree each layer must receive, in the order the layers are filled
   * @param accept whether layer l (index into need) may receive the given counts
   */
  public void forEachAssignment(
      long[][] need, BiPredicate<Integer, int[]> accept, Consumer<int[][]> sink) {
    assign(0, need, copies.clone(), new int[need.length][], accept, sink);
  }

  private void assign(int layer, long[][] need, long[] available, int[][] counts,
      BiPredicate<Integer, int[]> accept, Consumer<int[][]> sink) {
    if (layer == need.length) {
      int[][] copy = new int[counts.length][];
      for (int l = 0; l < counts.length; l++) {
        copy[l] = counts[l].clone();
      }
      sink.accept(copy);
      return;
    }
    choose(0, need[layer].clone(), available, new int[available.length], choice -> {
      if (accept.test(layer, choice.clone())) {
        for (int i = 0; i < choice.length; i++) {
          available[i] -= choice[i];
        }
        counts[layer] = choice;
        assign(layer + 1, need, available, counts, accept, sink);
        counts[layer] = null;
        for (int i = 0; i < choice.length; i++) {
          available[i] += choice[i];
        }
      }
    });
  }

  private void choose(int atom, long[] remaining, long[] available, int[] counts, Consumer<int[]> sink) {
    Deadline.checkCurrent();
    if (atom == degree.length) {
      if (isZero(remaining)) {
        sink.accept(counts.clone());
      }
      return;
    }
    if (!coverable(atom, remaining, available)) {
      return;
    }
    int dims = remaining.length;
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
      counts[atom] = (int) c;
      choose(atom + 1, next, available, counts, sink);
      counts[atom] = 0;
    }
  }

  /** Whether atoms from index {@code from} on can still supply {@code remaining}. */
  private boolean coverable(int from, long[] remaining, long[] available) {
    for (int m = 0; m < remaining.length; m++) {
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
