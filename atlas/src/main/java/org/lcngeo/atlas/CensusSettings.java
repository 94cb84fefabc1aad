package org.lcngeo.atlas;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;

/**
 * What a census covers: the architectures (signal dimension, at most H layers, filter sizes and
 * strides at most K and S per axis, at most P parameters) and the samples (N seeded points per
 * architecture). Two runs with equal settings compute the same rows, which is what {@code
 * --resume} checks.
 *
 * <p>The enumeration: H = 2..maxLayers layers (one layer has no invariants, nothing to decide);
 * every layer size with axes 1..K except the scalar layer 1 (or 1x1), which only rescales; strides
 * 1..S per axis for layers 1..H-1, and stride 1 for layer H, whose stride changes neither mu nor
 * the NTK (the dilations t_l = s_1...s_{l-1} of eq. 8 / Lemma 9 do not involve it).
 */
public record CensusSettings(
    int dims, int maxLayers, int maxSize, int maxStride, int maxParameters, int points, long seed)
    implements Serializable {
  static final int MAX_ARCHITECTURES = 1_000_000;

  public CensusSettings {
    check(dims, 1, 2, "--dims");
    check(maxLayers, 2, 6, "--max-layers");
    check(maxSize, 2, 8, "--max-size");
    check(maxStride, 1, 8, "--max-stride");
    check(maxParameters, 2, 10_000, "--max-parameters");
    check(points, 1, 100, "--points");
  }

  private static void check(int value, int min, int max, String option) {
    if (value < min || value > max) {
      throw new InvalidInputException(
          option + " must be between " + min + " and " + max + ", not " + value);
    }
  }

  /** The architectures of the census, fewer layers first, then sizes and strides in order. */
  public List<Architecture> architectures() {
    List<int[]> layerSizes = new ArrayList<>();
    for (int[] k : box(maxSize)) {
      if (Arrays.stream(k).anyMatch(x -> x > 1)) {
        layerSizes.add(k);
      }
    }
    List<int[]> layerStrides = box(maxStride);
    List<Architecture> out = new ArrayList<>();
    for (int h = 2; h <= maxLayers; h++) {
      for (int[] sizeChoice : choices(layerSizes.size(), h)) {
        int[][] sizes = new int[h][];
        int parameters = 0;
        for (int l = 0; l < h; l++) {
          sizes[l] = layerSizes.get(sizeChoice[l]);
          parameters += Arrays.stream(sizes[l]).reduce(1, (x, y) -> x * y);
        }
        if (parameters > maxParameters) {
          continue;
        }
        for (int[] strideChoice : choices(layerStrides.size(), h - 1)) {
          int[][] strides = new int[h][];
          for (int l = 0; l + 1 < h; l++) {
            strides[l] = layerStrides.get(strideChoice[l]);
          }
          strides[h - 1] = new int[dims];
          Arrays.fill(strides[h - 1], 1);
          out.add(Architecture.of(sizes, strides));
          if (out.size() > MAX_ARCHITECTURES) {
            throw new InvalidInputException("the census would have more than "
                + MAX_ARCHITECTURES + " architectures: lower the bounds");
          }
        }
      }
    }
    return out;
  }

  /** Every vector in {1..max}^dims, last axis fastest. */
  private List<int[]> box(int max) {
    List<int[]> out = new ArrayList<>();
    for (int[] c : choices(max, dims)) {
      out.add(Arrays.stream(c).map(x -> x + 1).toArray());
    }
    return out;
  }

  /** Every vector in {0..n-1}^length, last position fastest. */
  private static List<int[]> choices(int n, int length) {
    List<int[]> out = new ArrayList<>();
    int[] c = new int[length];
    while (true) {
      out.add(c.clone());
      int i = length - 1;
      while (i >= 0 && ++c[i] == n) {
        c[i--] = 0;
      }
      if (i < 0) {
        return out;
      }
    }
  }

  /** The settings as stored in the settings file of a census directory. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dims", dims);
    m.put("maxLayers", maxLayers);
    m.put("maxSize", maxSize);
    m.put("maxStride", maxStride);
    m.put("maxParameters", maxParameters);
    m.put("points", points);
    m.put("seed", seed);
    return m;
  }
}
