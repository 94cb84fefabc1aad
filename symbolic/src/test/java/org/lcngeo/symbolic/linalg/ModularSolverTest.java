package org.lcngeo.symbolic.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;

/** The modular solver returns the solution of elimination over Q, or null for singular systems. */
class ModularSolverTest {
  @Property(tries = 60)
  void agreesWithEliminationOverQ(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n) {
    Random r = new Random(seed);
    boolean singular = r.nextInt(5) == 0;
    List<List<BigFraction>> a = new ArrayList<>();
    List<BigFraction> b = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<BigFraction> row = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        row.add(new BigFraction(r.nextInt(2001) - 1000, 1 + r.nextInt(90)));
      }
      a.add(row);
      b.add(new BigFraction(r.nextInt(201) - 100, 1 + r.nextInt(9)));
    }
    if (singular && n > 1) {
      a.set(n - 1, new ArrayList<>(a.get(0))); // two equal rows
    }
    List<BigFraction> exact = ExactLinearAlgebra.solve(a, b);
    List<BigFraction> modular = ModularSolver.solve(a, b, 64);
    if (ExactLinearAlgebra.rank(a) < n) {
      assertThat(modular).isNull();
    } else {
      assertThat(modular).isEqualTo(exact);
    }
  }
}
