package org.lcngeo.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DistributionTest {
  record Case(long[][] degree, long[] copies, long[][] need) {
    @Override
    public String toString() {
      return "degree " + Arrays.deepToString(degree) + " copies " + Arrays.toString(copies)
          + " need " + Arrays.deepToString(need);
    }
  }

  /** (z - 1)^2 (z + 1) to two layers of degrees 2 and 1: {(z-1)^2 | z+1} and {(z-1)(z+1) | z-1}. */
  @Example
  void twoLayersOfALinearFactorSquaredAndAnother() {
    List<String> out = new ArrayList<>();
    Distribution.of(List.of("z-1", "z+1"), a -> new long[] {1}, a -> a.equals("z-1") ? 2 : 1)
        .forEachAssignment(new long[][] {{2}, {1}}, (l, c) -> true,
            n -> out.add(Arrays.deepToString(n)));
    assertThat(out).containsExactly("[[2, 0], [0, 1]]", "[[1, 1], [1, 0]]");
  }

  /** Every assignment exactly once, and exactly those a brute force over all count matrices finds. */
  @Property(tries = 300)
  void assignmentsAreTheBruteForceOnes(@ForAll("cases") Case c) {
    List<String> found = new ArrayList<>();
    Distribution.ofIndices(c.degree(), c.copies())
        .forEachAssignment(c.need(), (l, n) -> n[0] % 2 == 0 || l > 0, n -> found.add(Arrays.deepToString(n)));
    assertThat(new HashSet<>(found)).hasSize(found.size());
    assertThat(new HashSet<>(found)).isEqualTo(bruteForce(c));
  }

  /** One layer's choices are the assignments to that layer alone. */
  @Property(tries = 200)
  void choicesAreOneLayerAssignments(@ForAll("cases") Case c) {
    List<String> choices = new ArrayList<>();
    Distribution<Integer> d = Distribution.ofIndices(c.degree(), c.copies());
    d.forEachChoice(c.need()[0], n -> choices.add(Arrays.deepToString(new int[][] {n})));
    List<String> assignments = new ArrayList<>();
    d.forEachAssignment(new long[][] {c.need()[0]}, (l, n) -> true,
        n -> assignments.add(Arrays.deepToString(n)));
    assertThat(choices).isEqualTo(assignments);
  }

  private static Set<String> bruteForce(Case c) {
    int atoms = c.copies().length;
    int layers = c.need().length;
    Set<String> out = new HashSet<>();
    int[][] n = new int[layers][atoms];
    int cells = layers * atoms;
    long total = 1;
    for (int i = 0; i < cells; i++) {
      total *= c.copies()[i % atoms] + 1;
    }
    for (long code = 0; code < total; code++) {
      long x = code;
      for (int i = 0; i < cells; i++) {
        long base = c.copies()[i % atoms] + 1;
        n[i / atoms][i % atoms] = (int) (x % base);
        x /= base;
      }
      if (valid(c, n)) {
        out.add(Arrays.deepToString(n));
      }
    }
    return out;
  }

  private static boolean valid(Case c, int[][] n) {
    int dims = c.need()[0].length;
    for (int i = 0; i < c.copies().length; i++) {
      long used = 0;
      for (int[] row : n) {
        used += row[i];
      }
      if (used > c.copies()[i]) {
        return false;
      }
    }
    for (int l = 0; l < n.length; l++) {
      if (!(n[l][0] % 2 == 0 || l > 0)) {
        return false;
      }
      for (int m = 0; m < dims; m++) {
        long got = 0;
        for (int i = 0; i < n[l].length; i++) {
          got += n[l][i] * c.degree()[i][m];
        }
        if (got != c.need()[l][m]) {
          return false;
        }
      }
    }
    return true;
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, 2))
        .flatAs((atoms, layers, dims) -> {
          Arbitrary<long[]> deg = Arbitraries.longs().between(0, 2).array(long[].class).ofSize(dims)
              .filter(v -> Arrays.stream(v).sum() > 0);
          Arbitrary<long[][]> degrees = deg.array(long[][].class).ofSize(atoms);
          Arbitrary<long[]> copies = Arbitraries.longs().between(1, 2).array(long[].class).ofSize(atoms);
          Arbitrary<long[][]> need = Arbitraries.longs().between(0, 3).array(long[].class)
              .ofSize(dims).array(long[][].class).ofSize(layers);
          return Combinators.combine(degrees, copies, need).as(Case::new);
        });
  }
}
