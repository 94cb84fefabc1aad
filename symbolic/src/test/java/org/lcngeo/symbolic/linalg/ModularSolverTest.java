package org.lcngeo.symbolic.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;

/** The modular solver returns the solution of elimination over Q, or null for singular systems. */
class ModularSolverTest {
  /** A square system A x = b; one in five has two equal rows. */
  record System(List<List<BigFraction>> a, List<BigFraction> b) {}

  private static Arbitrary<BigFraction> fractions(int numerator, int denominator) {
    return Combinators.combine(Arbitraries.integers().between(-numerator, numerator),
        Arbitraries.integers().between(1, denominator)).as(BigFraction::new);
  }

  @Provide
  Arbitrary<System> systems() {
    return Arbitraries.integers().between(1, 12).flatMap(n -> Combinators.combine(
            fractions(1000, 90).list().ofSize(n).list().ofSize(n),
            fractions(100, 9).list().ofSize(n),
            Arbitraries.integers().between(0, 4))
        .as((a, b, singular) -> {
          List<List<BigFraction>> rows = new ArrayList<>(a);
          if (singular == 0 && n > 1) {
            rows.set(n - 1, rows.get(0)); // two equal rows
          }
          return new System(rows, b);
        }));
  }

  @Property(tries = 60)
  void agreesWithEliminationOverQ(@ForAll("systems") System s) {
    List<List<BigFraction>> a = s.a();
    List<BigFraction> b = s.b();
    int n = b.size();
    List<BigFraction> exact = ExactLinearAlgebra.solve(a, b);
    List<BigFraction> modular = ModularSolver.solve(a, b, 64);
    if (ExactLinearAlgebra.rank(a) < n) {
      assertThat(modular).isNull();
    } else {
      assertThat(modular).isEqualTo(exact);
    }
  }
}
