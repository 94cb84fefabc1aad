package org.lcngeo.it;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

/**
 * The one list of plans every contract suite runs over (EJML's {@code GenericLinearSolverChecks}
 * style: one list, every implementation), and the arbitraries that draw filter tuples for them.
 */
final class Plans {
  private Plans() {}

  /** 1-D with strides > 1 and = 1, three layers, and 2-D (square and rectangular filters). */
  static final List<Architecture> ARCHITECTURES = List.of(
      Architecture.of(new int[][] {{3}, {2}}, new int[][] {{2}, {1}}),
      Architecture.of(new int[][] {{2}, {2}}, null),
      Architecture.of(new int[][] {{2}, {3}, {2}}, new int[][] {{1}, {2}, {1}}),
      Architecture.of(new int[][] {{4}, {3}, {3}}, new int[][] {{2}, {2}, {1}}),
      Architecture.of(new int[][] {{2, 2}, {2, 2}}, new int[][] {{2, 2}, {1, 1}}),
      Architecture.of(new int[][] {{3, 2}, {2, 3}}, null));

  /** The 1-D plans (the numeric fiber recovers 1-D fibers from roots). */
  static List<Architecture> oneDimensional() {
    return ARCHITECTURES.stream().filter(a -> a.dims() == 1).toList();
  }

  static MuPlan plan(Architecture a) {
    return MuPlan.compile(a);
  }

  /** Integer filter tuples of a, entries in [-bound, bound], every filter non-zero. */
  static Arbitrary<FilterTuple<BigFraction>> tuples(Architecture a, int bound) {
    List<Arbitrary<List<Integer>>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      int k = a.layerParameters(l);
      layers.add(Arbitraries.integers().between(-bound, bound).list().ofSize(k)
          .filter(w -> w.stream().anyMatch(x -> x != 0)));
    }
    return Combinators.combine(layers).as(ls -> FilterTuple.of(a, ls.stream()
        .map(w -> w.stream().map(BigFraction::new).toList())
        .toList()));
  }

  static FilterTuple<Double> toDouble(FilterTuple<BigFraction> t) {
    return t.map(BigFraction::doubleValue);
  }

  /** max_ij |a_ij - b_ij| <= tol * max(1, max_ij |b_ij|). */
  static boolean close(List<List<Double>> a, List<List<Double>> b, double tol) {
    double scale = 1;
    double diff = 0;
    for (int i = 0; i < b.size(); i++) {
      for (int j = 0; j < b.get(i).size(); j++) {
        scale = Math.max(scale, Math.abs(b.get(i).get(j)));
        diff = Math.max(diff, Math.abs(a.get(i).get(j) - b.get(i).get(j)));
      }
    }
    return diff <= tol * scale;
  }

  static List<List<Double>> toDouble(List<List<BigFraction>> m) {
    return m.stream().map(r -> r.stream().map(BigFraction::doubleValue).toList()).toList();
  }
}
