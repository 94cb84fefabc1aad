package org.lcngeo.symbolic.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/** Fibers whose points live in different number fields, each over its own ({@link PerPointFields}). */
class PerPointFieldsTest {
  private static BigFraction q(long x) {
    return new BigFraction(x);
  }

  @Test
  void quinticWithGaloisGroupS5() {
    Architecture a = Architecture.of(new int[][] {{3}, {4}}, null);
    List<BigFraction> v = List.of(q(2), q(-4), q(0), q(0), q(0), q(1));
    long t0 = System.nanoTime();
    FiberEnumeration e = FiberEnumeration.of(a, v);
    long t1 = System.nanoTime();
    System.out.println("enumeration " + (t1 - t0) / 1e6 + " ms");
    assertThat(e.complete()).as("%s", e.reason()).isTrue();
    assertThat(e.points()).isEmpty();
    assertThat(e.algebraicPoints()).hasSize(4);
    for (FiberEnumeration.AlgebraicPoint p : e.algebraicPoints()) {
      assertThat(p.field().degree()).isEqualTo(10);
    }
    long t2 = System.nanoTime();
    Fiber f = Fiber.compute(a, v, List.of(q(0)));
    long t3 = System.nanoTime();
    System.out.println("fiber " + (t3 - t2) / 1e6 + " ms");
    assertThat(f.complete()).isTrue();
    assertThat(f.ntkVerdict()).contains(false);
    Fiber g = Fiber.compute(a, v, List.of(q(1)));
    long t4 = System.nanoTime();
    System.out.println("fiber delta 1 " + (t4 - t3) / 1e6 + " ms");
    assertThat(g.complete()).isTrue();
    assertThat(g.points()).hasSize(4);
  }
}
