package org.lcngeo.symbolic.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcngeo.core.model.Architecture;

/**
 * The monomials of each degree in the end-to-end entries v0..v<n-1>, grouped by position weight:
 * v_m has the multi-index of m as its weight (Lemma 9: rescaling entry j of layer l by
 * lambda^(t_l j) rescales v_m by lambda^m), so relations among the mu_m are sums of monomials of one
 * degree and one weight. Each group is in descending lexicographic order of exponent vectors.
 */
public final class WeightedMonomials {
  private final int n;
  private final int dims;
  private final int[][] weights;
  private final Map<Integer, Map<List<Integer>, List<int[]>>> byDegree = new HashMap<>();

  public WeightedMonomials(Architecture a) {
    this.n = a.endToEndEntries();
    this.dims = a.dims();
    this.weights = new int[n][];
    for (int i = 0; i < n; i++) {
      weights[i] = Architecture.unflatten(i, a.endToEndSize());
    }
  }

  /** The weight t_l * idx(j) of entry j of layer l. */
  public static int[] parameterWeight(Architecture a, int l, int j) {
    int[] idx = Architecture.unflatten(j, a.size(l));
    int[] t = a.dilation(l);
    int[] w = new int[idx.length];
    for (int m = 0; m < w.length; m++) {
      w[m] = idx[m] * t[m];
    }
    return w;
  }

  /** The monomials of degree d by weight. */
  public Map<List<Integer>, List<int[]>> ofDegree(int d) {
    return byDegree.computeIfAbsent(d, this::collect);
  }

  /** The monomials of degree d and weight w (empty when there are none). */
  public List<int[]> of(int d, List<Integer> w) {
    return ofDegree(d).getOrDefault(w, List.of());
  }

  /** The value of a monomial at a point mod p. */
  public static long evaluate(int[] e, long[] v, long p) {
    long x = 1;
    for (int i = 0; i < e.length; i++) {
      for (int j = 0; j < e[i]; j++) {
        x = x * v[i] % p;
      }
    }
    return x;
  }

  private Map<List<Integer>, List<int[]>> collect(int d) {
    Map<List<Integer>, List<int[]>> out = new LinkedHashMap<>();
    collect(new int[n], 0, d, out);
    return out;
  }

  private void collect(int[] e, int i, int left, Map<List<Integer>, List<int[]>> out) {
    if (i == n - 1) {
      e[i] = left;
      int[] w = new int[dims];
      for (int j = 0; j < n; j++) {
        for (int x = 0; x < dims; x++) {
          w[x] += e[j] * weights[j][x];
        }
      }
      out.computeIfAbsent(Arrays.stream(w).boxed().toList(), key -> new ArrayList<>()).add(e.clone());
      return;
    }
    for (int x = left; x >= 0; x--) {
      e[i] = x;
      collect(e, i + 1, left - x, out);
    }
    e[i] = 0;
  }
}
