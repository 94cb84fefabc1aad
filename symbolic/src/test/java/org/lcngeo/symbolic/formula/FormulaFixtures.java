package org.lcngeo.symbolic.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/**
 * Architectures written compactly and seeded random rational filter tuples for the tests of this
 * package and of manifold.
 */
public final class FormulaFixtures {
  private FormulaFixtures() {}

  /** Example 15: k = (3, 2), s = (2, 1). */
  public static final Architecture EX15 = Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1});

  /** Random non-zero rationals p/q, |p| <= 9, 1 <= q <= 4. */
  public static FilterTuple<BigFraction> randomTuple(Architecture a, Random random) {
    List<BigFraction> flat = new ArrayList<>();
    for (int i = 0; i < a.parameterCount(); i++) {
      int p = random.nextInt(19) - 9;
      flat.add(new BigFraction(p == 0 ? 1 : p, 1 + random.nextInt(4)));
    }
    return FilterTuple.fromFlat(a, flat);
  }

  /**
   * An architecture from sizes and strides written per layer, layers separated by {@code ;} and
   * dimensions by {@code x}: {@code architecture("2x2;2x3", "1x1;1x1")}.
   */
  public static Architecture architecture(String sizes, String strides) {
    return Architecture.of(parse(sizes), parse(strides));
  }

  private static int[][] parse(String s) {
    String[] layers = s.split(";");
    int[][] out = new int[layers.length][];
    for (int l = 0; l < layers.length; l++) {
      String[] p = layers[l].split("x");
      out[l] = new int[p.length];
      for (int m = 0; m < p.length; m++) {
        out[l][m] = Integer.parseInt(p[m].strip());
      }
    }
    return out;
  }
}
