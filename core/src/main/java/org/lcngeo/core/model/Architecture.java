package org.lcngeo.core.model;

import java.util.Arrays;
import java.util.StringJoiner;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.Limits;

/**
 * A linear convolutional network on D-dimensional signals with H layers (paper, Sec. 2 and 3):
 * layer l has a filter of size {@code k_l = (k_l^(1),...,k_l^(D))} and a stride {@code s_l}. Its
 * dilation is {@code t_l = s_1 ... s_{l-1}} componentwise (Lemma 9), the end-to-end filter has size
 * {@code k^(m) = 1 + sum_l (k_l^(m) - 1) t_l^(m)} and stride {@code s_1 ... s_H}. Immutable;
 * validated on construction with messages meant for the user.
 */
public final class Architecture {
  private final int dims;
  private final int[][] sizes;
  private final int[][] strides;
  private final int[][] dilations;
  private final int[] endToEndSize;
  private final int[] endToEndStride;
  private final int[] layerParameters;
  private final int[] parameterStart;
  private final int parameterCount;
  private final int endToEndEntries;

  private Architecture(int[][] sizes, int[][] strides) {
    this.dims = sizes[0].length;
    int h = sizes.length;
    this.sizes = deepCopy(sizes);
    this.strides = deepCopy(strides);
    this.dilations = new int[h][dims];
    this.endToEndSize = new int[dims];
    this.endToEndStride = new int[dims];
    this.layerParameters = new int[h];
    this.parameterStart = new int[h + 1];
    Arrays.fill(endToEndSize, 1);
    Arrays.fill(endToEndStride, 1);
    long entries = 1;
    for (int m = 0; m < dims; m++) {
      long t = 1;
      long k = 1;
      for (int l = 0; l < h; l++) {
        dilations[l][m] = (int) t;
        k += (long) (sizes[l][m] - 1) * t;
        t *= strides[l][m];
        if (t > Limits.MAX_EXTENT * 100L) {
          throw new LimitExceededException("the product of the strides is too large (" + t + ")");
        }
        if (k > Limits.MAX_END_TO_END_ENTRIES) {
          throw new LimitExceededException(
              "the end-to-end filter would have size " + k + " in dimension " + (m + 1)
                  + ", more than " + Limits.MAX_END_TO_END_ENTRIES);
        }
      }
      endToEndSize[m] = (int) k;
      endToEndStride[m] = (int) t;
      entries *= k;
      if (entries > Limits.MAX_END_TO_END_ENTRIES) {
        throw new LimitExceededException(
            "the end-to-end filter would have more than " + Limits.MAX_END_TO_END_ENTRIES
                + " entries");
      }
    }
    this.endToEndEntries = (int) entries;
    long total = 0;
    for (int l = 0; l < h; l++) {
      long p = 1;
      for (int m = 0; m < dims; m++) {
        p *= sizes[l][m];
      }
      total += p;
      if (total > Limits.MAX_PARAMETERS) {
        throw new LimitExceededException(
            "the network would have more than " + Limits.MAX_PARAMETERS + " parameters");
      }
      layerParameters[l] = (int) p;
      parameterStart[l + 1] = (int) total;
    }
    this.parameterCount = (int) total;
  }

  /**
   * Validates and builds an architecture.
   *
   * @param sizes {@code sizes[l][m]}: filter size of layer l (0-based) in dimension m
   * @param strides {@code strides[l][m]}, or {@code null} for all ones
   */
  public static Architecture of(int[][] sizes, int[][] strides) {
    if (sizes == null || sizes.length == 0) {
      throw new InvalidInputException("an architecture needs at least one layer");
    }
    if (sizes.length > Limits.MAX_LAYERS) {
      throw new LimitExceededException(
          sizes.length + " layers is more than the limit of " + Limits.MAX_LAYERS);
    }
    int d = sizes[0].length;
    if (d == 0 || d > Limits.MAX_DIMS) {
      throw new InvalidInputException(
          "the signal dimension must be between 1 and " + Limits.MAX_DIMS + ", not " + d);
    }
    if (strides == null) {
      strides = new int[sizes.length][d];
      for (int[] s : strides) {
        Arrays.fill(s, 1);
      }
    }
    if (strides.length != sizes.length) {
      throw new InvalidInputException(
          "got " + sizes.length + " filter sizes but " + strides.length + " strides");
    }
    for (int l = 0; l < sizes.length; l++) {
      check(sizes[l], d, l, "filter size");
      check(strides[l], d, l, "stride");
    }
    return new Architecture(sizes, strides);
  }

  /** A one-dimensional architecture. */
  public static Architecture oneDimensional(int[] sizes, int[] strides) {
    int[][] k = new int[sizes.length][];
    int[][] s = strides == null ? null : new int[strides.length][];
    for (int l = 0; l < sizes.length; l++) {
      k[l] = new int[] {sizes[l]};
    }
    if (strides != null) {
      for (int l = 0; l < strides.length; l++) {
        s[l] = new int[] {strides[l]};
      }
    }
    return of(k, s);
  }

  private static void check(int[] v, int d, int l, String what) {
    if (v == null || v.length != d) {
      throw new InvalidInputException(
          "layer " + (l + 1) + " has a " + (v == null ? 0 : v.length) + "-dimensional " + what
              + " but layer 1 is " + d + "-dimensional");
    }
    for (int x : v) {
      if (x < 1) {
        throw new InvalidInputException(
            "layer " + (l + 1) + ": " + what + " " + x + " is less than 1");
      }
      if (x > Limits.MAX_EXTENT) {
        throw new LimitExceededException(
            "layer " + (l + 1) + ": " + what + " " + x + " exceeds the limit of " + Limits.MAX_EXTENT);
      }
    }
  }

  private static int[][] deepCopy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** D, the dimension of the signals. */
  public int dims() {
    return dims;
  }

  /** H, the number of layers. */
  public int depth() {
    return sizes.length;
  }

  /** Filter size of layer l (0-based). */
  public int[] size(int l) {
    return sizes[l].clone();
  }

  /** Stride of layer l (0-based). */
  public int[] stride(int l) {
    return strides[l].clone();
  }

  /** Dilation {@code t_l = s_1 ... s_{l-1}} of layer l (0-based), eq. 8 / Lemma 9. */
  public int[] dilation(int l) {
    return dilations[l].clone();
  }

  public int[] endToEndSize() {
    return endToEndSize.clone();
  }

  public int[] endToEndStride() {
    return endToEndStride.clone();
  }

  /** Number of entries of the end-to-end filter (rows of the Jacobian, side of the NTK). */
  public int endToEndEntries() {
    return endToEndEntries;
  }

  /** Number of entries of layer l's filter. */
  public int layerParameters(int l) {
    return layerParameters[l];
  }

  /** Index of layer l's first entry in the flat parameter vector (w_1, ..., w_H). */
  public int parameterStart(int l) {
    return parameterStart[l];
  }

  public int parameterCount() {
    return parameterCount;
  }

  /** True when all strides s_1..s_{H-1} exceed one in every dimension (Thm. 4's assumption). */
  public boolean allInnerStridesGreaterThanOne() {
    for (int l = 0; l + 1 < depth(); l++) {
      for (int s : strides[l]) {
        if (s <= 1) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Observation 11 c): layers l and other (0-based) span the same space of layer polynomials, so
   * they can exchange their filters without changing mu: equal sizes, and equal dilations in every
   * dimension where the size exceeds one.
   */
  public boolean layersSwappable(int l, int other) {
    if (l == other || !Arrays.equals(sizes[l], sizes[other])) {
      return false;
    }
    for (int m = 0; m < dims; m++) {
      if (sizes[l][m] > 1 && dilations[l][m] != dilations[other][m]) {
        return false;
      }
    }
    return true;
  }

  /** Whether some two layers are swappable (Observation 11). */
  public boolean hasSwappableLayers() {
    for (int l = 0; l < depth(); l++) {
      for (int o = l + 1; o < depth(); o++) {
        if (layersSwappable(l, o)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The dimension of the neuromanifold that the theory predicts: {@code sum_l (|k_l| - 1) + 1}
   * (Kohn et al. 2024, Thm. 2.4, for D = 1; and for D >= 2 since the projectivized mu has finite
   * fibers, Cor. 10), capped by the number of end-to-end entries. It is an upper bound on the rank
   * of the Jacobian everywhere, since the H - 1 rescalings (-w_l, w_{l+1}) lie in its kernel.
   */
  public int dimensionUpperBound() {
    return Math.min(parameterCount - depth() + 1, endToEndEntries);
  }

  /** Row-major multi-index of flat position p in a tensor of the given shape. */
  public static int[] unflatten(int p, int[] shape) {
    int[] idx = new int[shape.length];
    for (int m = shape.length - 1; m >= 0; m--) {
      idx[m] = p % shape[m];
      p /= shape[m];
    }
    return idx;
  }

  /** One-line summary, e.g. {@code 1-D, H=2, k=(3,2), s=(2,1) -> end-to-end size 5, stride 2}. */
  public String summary() {
    return dims + "-D, H=" + depth() + ", k=" + tuples(sizes) + ", s=" + tuples(strides)
        + " -> end-to-end size " + vec(endToEndSize) + ", stride " + vec(endToEndStride) + ", "
        + parameterCount + " parameters";
  }

  private static String tuples(int[][] a) {
    StringJoiner j = new StringJoiner(",", "(", ")");
    for (int[] v : a) {
      j.add(vec(v));
    }
    return j.toString();
  }

  /** {@code 3} or {@code 3x3}: the spec's notation for one size. */
  public static String vec(int[] v) {
    StringJoiner j = new StringJoiner("x");
    for (int x : v) {
      j.add(Integer.toString(x));
    }
    return j.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Architecture a
        && Arrays.deepEquals(sizes, a.sizes)
        && Arrays.deepEquals(strides, a.strides);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(sizes) * 31 + Arrays.deepHashCode(strides);
  }

  @Override
  public String toString() {
    return summary();
  }
}
