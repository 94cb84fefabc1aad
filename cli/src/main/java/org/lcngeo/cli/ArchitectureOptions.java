package org.lcngeo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.cli.io.NestedArrays;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import picocli.CommandLine.Option;

/** The spec's options that describe an architecture and exact filters (cli.md, "Describing"). */
public final class ArchitectureOptions {
  @Option(
      names = "--sizes",
      paramLabel = "K",
      description = "filter sizes, layer 1 first, comma separated; k1xk2x...xkD per layer (e.g. 3,2 or 3x3,2x2)")
  String sizes;

  @Option(
      names = "--strides",
      paramLabel = "S",
      description = "strides in the same form; default all 1 (e.g. 2,1 or 2x2,1x1)")
  String strides;

  /** The architecture, or an error naming the missing option. */
  public Architecture architecture() {
    if (sizes == null) {
      throw new InvalidInputException("--sizes is required (e.g. --sizes 3,2)");
    }
    int[][] k = parseSizes(sizes, "--sizes");
    int[][] s = strides == null ? null : parseSizes(strides, "--strides");
    if (s != null && s.length != k.length) {
      throw new InvalidInputException(
          "--sizes names " + k.length + " layers but --strides names " + s.length);
    }
    return Architecture.of(k, s);
  }

  /** Parses {@code 3x3,2x2}-style lists. */
  public static int[][] parseSizes(String text, String option) {
    String[] layers = text.strip().split(",", -1);
    int[][] out = new int[layers.length][];
    for (int l = 0; l < layers.length; l++) {
      String[] parts = layers[l].strip().split("x", -1);
      out[l] = new int[parts.length];
      for (int m = 0; m < parts.length; m++) {
        String p = parts[m].strip();
        if (!p.matches("[+-]?\\d+")) {
          throw new InvalidInputException(
              option + ": '" + layers[l].strip() + "' is not a size like 3 or 3x3");
        }
        java.math.BigInteger x = new java.math.BigInteger(p);
        if (x.compareTo(java.math.BigInteger.valueOf(org.lcngeo.core.Limits.MAX_EXTENT)) > 0) {
          throw new org.lcngeo.core.LimitExceededException(option + ": " + x + " in '"
              + layers[l].strip() + "' exceeds the limit of " + org.lcngeo.core.Limits.MAX_EXTENT);
        }
        if (x.bitLength() > 31) {
          throw new InvalidInputException(
              option + ": " + x + " in '" + layers[l].strip() + "' is less than 1");
        }
        out[l][m] = x.intValueExact();
      }
    }
    return out;
  }

  /** Reads {@code --filters}: H nested arrays of depth D and shape k_l. */
  public static FilterTuple<BigFraction> filters(Architecture a, String json) {
    if (json == null) {
      throw new InvalidInputException("--filters is required");
    }
    JsonNode node = NestedArrays.parseJson(json, "--filters");
    if (!node.isArray() || node.size() != a.depth()) {
      throw new InvalidInputException(
          "--filters must be a JSON array of " + a.depth() + " filters, one per layer"
              + (node.isArray() ? ", got " + node.size() : ""));
    }
    List<List<BigFraction>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      String where = "--filters, layer " + (l + 1);
      NestedArrays.Tensor t = NestedArrays.tensor(node.get(l), a.dims(), where);
      if (!java.util.Arrays.equals(t.shape(), a.size(l))) {
        throw new InvalidInputException(
            where + ": shape " + Architecture.vec(t.shape()) + " does not match the size "
                + Architecture.vec(a.size(l)));
      }
      layers.add(t.entries());
    }
    return FilterTuple.of(a, layers);
  }

  /** Reads {@code --matrices}: a JSON array of the weight matrices W_1..W_H, each a list of rows. */
  public static List<List<List<BigFraction>>> matrices(String json) {
    JsonNode node = NestedArrays.parseJson(json, "--matrices");
    if (!node.isArray() || node.size() == 0) {
      throw new InvalidInputException("--matrices must be a non-empty JSON array of matrices");
    }
    List<List<List<BigFraction>>> w = new ArrayList<>();
    for (int l = 0; l < node.size(); l++) {
      NestedArrays.Tensor t = NestedArrays.tensor(node.get(l), 2, "--matrices, W_" + (l + 1));
      int cols = t.shape()[1];
      List<List<BigFraction>> rows = new ArrayList<>();
      for (int i = 0; i < t.shape()[0]; i++) {
        rows.add(t.entries().subList(i * cols, (i + 1) * cols));
      }
      w.add(rows);
    }
    return w;
  }

  /** Reads {@code --target}: a nested array of the end-to-end shape. */
  public static List<BigFraction> target(Architecture a, String json) {
    if (json == null) {
      throw new InvalidInputException("--target is required");
    }
    NestedArrays.Tensor t =
        NestedArrays.tensor(NestedArrays.parseJson(json, "--target"), a.dims(), "--target");
    if (!java.util.Arrays.equals(t.shape(), a.endToEndSize())) {
      throw new InvalidInputException(
          "--target has shape " + Architecture.vec(t.shape()) + " but the end-to-end filter of "
              + "this architecture has size " + Architecture.vec(a.endToEndSize()));
    }
    return t.entries();
  }

  /** Reads {@code --delta}: one value for all, or H-1 values. */
  public static List<BigFraction> delta(Architecture a, String text) {
    int h = a.depth();
    if (h == 1) {
      throw new InvalidInputException("--delta: a network of one layer has no invariants delta");
    }
    String[] parts = text.strip().split(",", -1);
    List<BigFraction> d = new ArrayList<>();
    for (String p : parts) {
      try {
        d.add(Rationals.parse(p));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("--delta: " + e.getMessage());
      }
    }
    if (d.size() == 1) {
      return java.util.Collections.nCopies(h - 1, d.get(0));
    }
    if (d.size() != h - 1) {
      throw new InvalidInputException(h - 1 == 1
          ? "--delta: " + h + " layers have one invariant delta_1, so --delta takes one value, got "
              + d.size()
          : "--delta needs 1 or " + (h - 1) + " values for " + h + " layers, got " + d.size());
    }
    return d;
  }
}
