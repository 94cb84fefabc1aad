package org.lcngeo.atlas;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.paper.Table1.ArchitectureClass;

/** Names, classes (Table 1) and swap classes (Observation 11) of the census's architectures. */
final class Architectures {
  private Architectures() {}

  /** {@code 3,2} or {@code 3x3,2x2}: the spec's notation of the sizes (or strides). */
  static String notation(int[][] perLayer) {
    StringJoiner j = new StringJoiner(",");
    for (int[] k : perLayer) {
      j.add(Architecture.vec(k));
    }
    return j.toString();
  }

  static int[][] sizes(Architecture a) {
    int[][] k = new int[a.depth()][];
    for (int l = 0; l < a.depth(); l++) {
      k[l] = a.size(l);
    }
    return k;
  }

  static int[][] strides(Architecture a) {
    int[][] s = new int[a.depth()][];
    for (int l = 0; l < a.depth(); l++) {
      s[l] = a.stride(l);
    }
    return s;
  }

  /** A file-name-safe unique id, e.g. {@code k3-2_s2-1} or {@code k3x3-2x2_s2x1-1x1}. */
  static String id(Architecture a) {
    return "k" + notation(sizes(a)).replace(',', '-') + "_s" + notation(strides(a)).replace(',', '-');
  }

  /** The row of Table 1 the architecture belongs to. */
  static ArchitectureClass classOf(Architecture a) {
    if (a.dims() >= 2) {
      return ArchitectureClass.CONV_ND;
    }
    return a.allInnerStridesGreaterThanOne()
        ? ArchitectureClass.CONV_1D_STRIDES_GT_1 : ArchitectureClass.CONV_1D_SOME_STRIDE_1;
  }

  /**
   * The classes of layers that can exchange their filters (Observation 11 c), layers numbered
   * from 1; only classes of two or more layers.
   */
  static List<List<Integer>> swapClasses(Architecture a) {
    List<List<Integer>> out = new ArrayList<>();
    boolean[] seen = new boolean[a.depth()];
    for (int l = 0; l < a.depth(); l++) {
      if (seen[l]) {
        continue;
      }
      List<Integer> c = new ArrayList<>(List.of(l + 1));
      for (int o = l + 1; o < a.depth(); o++) {
        if (!seen[o] && a.layersSwappable(l, o)) {
          seen[o] = true;
          c.add(o + 1);
        }
      }
      if (c.size() > 1) {
        out.add(List.copyOf(c));
      }
    }
    return out;
  }
}
