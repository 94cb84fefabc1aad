package org.lcngeo.symbolic.manifold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cc.redberry.rings.poly.multivar.MultivariatePolynomialZp64;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.TimeLimitException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.formula.FormulaFixtures;

/**
 * The proof of completeness by the kernel of mu mod p: the ideal found is proven complete where the
 * Cohen-Macaulay test cannot apply, and a candidate that misses a generator, or has only a power
 * of one, is never proven complete.
 */
class ModularKernelTest {
  private static final long P = 2147483629L;

  /** The rows of bench/manifold whose quotient ring is not Cohen-Macaulay. */
  @ParameterizedTest
  @CsvSource({"4;2;2, 2;2;1", "2x2;2x2, 1x1;1x1", "2x2;2x2, 2x1;1x1", "2x2;2x2, 1x2;1x1"})
  void notCohenMacaulayRowsAreProvenComplete(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    Implicitization.Result r = Implicitization.compute(a);
    assertThat(r.complete()).as(r.reason()).isTrue();
    assertThat(r.degree().multiply(r.parametrizationDegree()))
        .isEqualTo(Implicitization.multidegree(a));
  }

  /**
   * The other proof, run first (the kernel, started first, wins on every row of bench/manifold):
   * dimension, degree and the cut (the fiber length, which only that proof computes, is known)
   * prove the same ideal complete, or, where the quotient ring is not Cohen-Macaulay (4,2,2 and
   * 2x2,2x2 with strides 2x1), the kernel computed afterwards does.
   */
  @ParameterizedTest
  @CsvSource({"3;2, 2;1", "3;3;2, 2;2;1", "2x2;2x2, 2x2;1x1", "2;2;2;2, 2;2;2;1", "4;2;2, 2;2;1",
      "2x2;2x2, 2x1;1x1"})
  void theCohenMacaulayProofFindsTheSameIdeal(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    Implicitization.Result byKernel = Implicitization.compute(a);
    Implicitization.Result other = Implicitization.compute(a, false);
    assertThat(other.complete()).as(other.reason()).isTrue();
    assertThat(other.generators()).isEqualTo(byKernel.generators());
    assertThat(other.degree()).isEqualTo(byKernel.degree());
    assertThat(other.parametrizationDegree()).isEqualTo(byKernel.parametrizationDegree());
    assertThat(byKernel.fiberLength()).isZero();
    assertThat(other.fiberLength()).isEqualTo(other.parametrizationDegree().longValueExact());
  }

  @ParameterizedTest
  @CsvSource({"3;2, 2;1", "4;2;2, 2;2;1", "2x2;2x2, 2x1;1x1"})
  void anIncompleteCandidateIsNotProven(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    Implicitization.Result r = Implicitization.compute(a);
    int n = a.endToEndEntries();
    List<MultivariatePolynomialZp64> kernel = ModularKernel.kernel(a, P);
    List<Map<List<Integer>, BigInteger>> all = r.generators();
    assertThat(ModularKernel.contains(all, kernel, n, P)).isTrue();
    for (int drop : new int[] {0, all.size() / 2, all.size() - 1}) {
      List<Map<List<Integer>, BigInteger>> fewer = new ArrayList<>(all);
      fewer.remove(drop);
      assertThat(ModularKernel.contains(fewer, kernel, n, P)).as("without generator " + drop).isFalse();
    }
    // the square of the first generator instead of it: the same zero set, a smaller ideal
    List<Map<List<Integer>, BigInteger>> squared = new ArrayList<>(all);
    squared.set(0, square(all.get(0)));
    assertThat(ModularKernel.contains(squared, kernel, n, P)).isFalse();
    assertThat(ModularKernel.contains(List.of(), kernel, n, P)).isFalse();
  }

  /** The containment by linear algebra in buckets agrees with the division by a Groebner basis. */
  @ParameterizedTest
  @CsvSource({"3;2, 2;1", "4;2;2, 2;2;1", "2x2;2x2, 2x1;1x1", "3x2;2x2, 2x2;1x1"})
  void theContainmentByLinearAlgebraRejectsIncompleteCandidates(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    List<Map<List<Integer>, BigInteger>> all = Implicitization.compute(a).generators();
    List<MultivariatePolynomialZp64> kernel = ModularKernel.kernel(a, P);
    assertThat(Implicitization.containsKernel(a, all, kernel, P)).isTrue();
    for (int drop : new int[] {0, all.size() / 2, all.size() - 1}) {
      List<Map<List<Integer>, BigInteger>> fewer = new ArrayList<>(all);
      fewer.remove(drop);
      assertThat(Implicitization.containsKernel(a, fewer, kernel, P))
          .as("without generator " + drop).isFalse();
    }
    List<Map<List<Integer>, BigInteger>> squared = new ArrayList<>(all);
    squared.set(0, square(all.get(0)));
    assertThat(Implicitization.containsKernel(a, squared, kernel, P)).isFalse();
    assertThat(Implicitization.containsKernel(a, List.of(), kernel, P)).isFalse();
  }

  /** The reduced Groebner basis of the kernel mod p does not depend on the layer solved for. */
  @ParameterizedTest
  @CsvSource({"4;2;2, 2;2;1", "2;3;2, 3;2;1", "3;2;2, 2;1;1", "2x2;2x2, 2x1;1x1", "3x2;2x2, 2x2;1x1"})
  void everySolvedLayerGivesTheSameKernel(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    List<MultivariatePolynomialZp64> first = ModularKernel.kernel(a, P, 0);
    assertThat(first).isNotEmpty();
    for (int l = 1; l < a.depth(); l++) {
      assertThat(ModularKernel.kernel(a, P, l)).as("solving layer " + (l + 1)).isEqualTo(first);
    }
  }

  /**
   * The kernel in the chosen order of the entries ({@link ModularKernel#variableOrder}) and in the
   * row-major order are Groebner bases of one ideal: each lies in the other's ideal, and their
   * leading monomials give one Hilbert series.
   */
  @ParameterizedTest
  @CsvSource({"2x2;2x2, 2x1;1x1", "2x2;2x2, 1x2;1x1", "3x2;2x2, 2x2;1x1", "2x1;1x2;2x2, 1x1;1x1;1x1",
      "2x2;2x2, 3x1;1x1"})
  void everyOrderOfTheEntriesGivesTheSameKernel(String sizes, String strides) {
    Architecture a = FormulaFixtures.architecture(sizes, strides);
    int n = a.endToEndEntries();
    int[] rowMajor = java.util.stream.IntStream.range(0, n).toArray();
    List<MultivariatePolynomialZp64> chosen = ModularKernel.kernel(a, P);
    List<MultivariatePolynomialZp64> plain = ModularKernel.kernel(a, P, rowMajor);
    assertThat(ModularKernel.contains(plain, chosen)).isTrue();
    assertThat(ModularKernel.contains(chosen, plain)).isTrue();
    HilbertSeries x = HilbertSeries.of(ModularGroebner.leadingMonomialsOf(chosen), n);
    HilbertSeries y = HilbertSeries.of(ModularGroebner.leadingMonomialsOf(plain), n);
    assertThat(x.dimension()).isEqualTo(y.dimension());
    assertThat(x.degree()).isEqualTo(y.degree());
    // v0 (the product of the layers' first entries) does not vanish on mu: it reduces to itself
    // modulo either basis, whichever order it is written in
    MultivariatePolynomialZp64 v0 = plain.get(0).createMonomial(0, 1);
    assertThat(ModularKernel.contains(plain, List.of(v0.setOrdering(chosen.get(0).ordering))))
        .isFalse();
    assertThat(ModularKernel.contains(chosen, List.of(v0))).isFalse();
  }

  /**
   * The order of the entries: the positions for D = 1; for D = 2 the axis of the larger stride
   * varies fastest, which makes the basis of 2x2,2x2 with strides 2x1,1x1 its 15 minimal
   * generators (39 elements up to degree 5 in the row-major order), and of its transpose likewise.
   */
  @Test
  void theAxisOfTheLargerStrideVariesFastest() {
    Architecture line = FormulaFixtures.architecture("4;2;2", "2;2;1");
    assertThat(ModularKernel.variableOrder(line))
        .containsExactly(java.util.stream.IntStream.range(0, line.endToEndEntries()).toArray());
    Architecture a = FormulaFixtures.architecture("2x2;2x2", "2x1;1x1"); // end-to-end 4x3
    int[] rank = ModularKernel.variableOrder(a);
    assertThat(rank).containsExactly(0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
    int[] rowMajor = java.util.stream.IntStream.range(0, 12).toArray();
    assertThat(ModularKernel.kernel(a, P)).hasSize(15);
    assertThat(ModularKernel.kernel(a, P, rowMajor)).hasSize(39);
    Architecture t = FormulaFixtures.architecture("2x2;2x2", "1x2;1x1"); // end-to-end 3x4
    assertThat(ModularKernel.variableOrder(t)).containsExactly(rowMajor);
    assertThat(ModularKernel.kernel(t, P)).hasSize(15);
    // equal strides: the longer axis varies slowest (3x2,2x2: 5x4 row-major, 2x3,2x2: 4x5 not)
    int[] five = java.util.stream.IntStream.range(0, 20).toArray();
    assertThat(ModularKernel.variableOrder(FormulaFixtures.architecture("3x2;2x2", "2x2;1x1")))
        .containsExactly(five);
    assertThat(ModularKernel.variableOrder(FormulaFixtures.architecture("2x3;2x2", "2x2;1x1")))
        .isNotEqualTo(five);
  }

  /**
   * Rings' elimination checks no time bound itself, but the monomial order it compares with does:
   * for 2x2,2x3 with strides 1 (which runs for minutes) the computation ends at the deadline.
   */
  @Test
  void theEliminationEndsAtTheDeadline() {
    Architecture a = FormulaFixtures.architecture("2x2;2x3", "1x1;1x1");
    long start = System.nanoTime();
    try (Deadline.Scope scope = Deadline.after(Duration.ofSeconds(1)).enter()) {
      assertThatThrownBy(() -> ModularKernel.kernel(a, P)).isInstanceOf(TimeLimitException.class);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  /** A kernel computed beside other work stops when it is no longer wanted. */
  @Test
  void aCancelledEliminationStops() throws InterruptedException {
    Architecture a = FormulaFixtures.architecture("2x2;2x3", "1x1;1x1");
    long start = System.nanoTime();
    ModularKernel.Pending pending = ModularKernel.start(a, P);
    Thread.sleep(500);
    pending.cancel();
    assertThatThrownBy(pending::join).isInstanceOf(CancellationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  /** A kernel computed beside other work is the one computed directly. */
  @Test
  void theKernelBesideOtherWorkIsTheSame() {
    Architecture a = FormulaFixtures.architecture("4;2;2", "2;2;1");
    assertThat(ModularKernel.start(a, P).join()).isEqualTo(ModularKernel.kernel(a, P));
  }

  private static Map<List<Integer>, BigInteger> square(Map<List<Integer>, BigInteger> f) {
    Map<List<Integer>, BigInteger> out = new LinkedHashMap<>();
    for (Map.Entry<List<Integer>, BigInteger> x : f.entrySet()) {
      for (Map.Entry<List<Integer>, BigInteger> y : f.entrySet()) {
        List<Integer> e = new ArrayList<>();
        for (int i = 0; i < x.getKey().size(); i++) {
          e.add(x.getKey().get(i) + y.getKey().get(i));
        }
        out.merge(e, x.getValue().multiply(y.getValue()), BigInteger::add);
      }
    }
    out.values().removeIf(c -> c.signum() == 0);
    return out;
  }
}
