package org.lcngeo.symbolic.fiber;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.model.Architecture;

class ScratchTest {
  static List<BigFraction> q(long... v) {
    return java.util.Arrays.stream(v).mapToObj(BigFraction::new).toList();
  }

  void show(Architecture a, List<BigFraction> v) {
    long t0 = System.nanoTime();
    FiberEnumeration f = FiberEnumeration.of(a, v);
    System.out.println(a + " v=" + v + " factors=" + f.factors() + " complete=" + f.complete()
        + " " + f.reason().orElse("") + " time " + (System.nanoTime() - t0) / 1e6 + " ms");
    for (var p : f.points()) {
      System.out.println("  " + p.filters() + "   " + p.layerFactorizations());
    }
  }

  @Test
  void run() {
    show(Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1}), q(2, 0, 5, 0, 2));
    show(Architecture.oneDimensional(new int[] {3, 2}, new int[] {1, 1}), q(0, 1, 1, 0));
    show(Architecture.oneDimensional(new int[] {3, 3, 3, 3}, new int[] {2, 2, 2, 1}),
        q(-18, -6, -12, -2, 4, 2, 8, 2, 5, 1, -2, -1, 29, 10, 22, 4, 136, 44, 80, 12, 30, 6, -12,
            -6, -123, -39, -66, -9, -63, -18, -18));
    show(Architecture.oneDimensional(new int[] {2, 2}, new int[] {1, 1}), q(1, 0, -2));
    show(Architecture.oneDimensional(new int[] {2, 2, 2}, new int[] {1, 1, 1}), q(1, 0, -1, 0));
    show(Architecture.of(new int[][] {{2, 2}, {2, 2}}, null), q(1, 2, 1, 2, 4, 2, 1, 2, 1));
  }
}
