package org.lcngeo.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/**
 * The golden cases of shared/examples/paper-cases.json (a byte-identical copy in the test
 * resources; schema in the README beside the original) and the readers of their JSON values that
 * the golden-case tests of the symbolic packages share.
 */
public final class PaperCases {
  private PaperCases() {}

  /** The cases of one kind ({@code ntk}, {@code fc}, {@code ntk_delta}, {@code fiber}, ...). */
  public static Stream<JsonNode> ofKind(String kind) throws IOException {
    JsonNode all;
    try (InputStream in = PaperCases.class.getResourceAsStream("/paper-cases.json")) {
      all = new ObjectMapper().readTree(in).get("cases");
    }
    List<JsonNode> out = new ArrayList<>();
    all.forEach(c -> {
      if (c.get("kind").asText().equals(kind)) {
        out.add(c);
      }
    });
    assertThat(out).as("cases of kind " + kind).isNotEmpty();
    return out.stream();
  }

  /** The architecture of a case's {@code input} (filterSizes, strides). */
  public static Architecture architecture(JsonNode input) {
    return Architecture.of(intMatrix(input.get("filterSizes")), intMatrix(input.get("strides")));
  }

  /** The exact filter tuple of nested per-layer arrays (each layer row-major). */
  public static FilterTuple<BigFraction> filters(Architecture a, JsonNode layers) {
    List<List<BigFraction>> out = new ArrayList<>();
    layers.forEach(w -> out.add(flatten(w)));
    return FilterTuple.of(a, out);
  }

  public static BigFraction rational(JsonNode n) {
    return Rationals.parse(n.asText());
  }

  /** The exact rationals of a nested array, row-major (a plain array: its entries). */
  public static List<BigFraction> flatten(JsonNode n) {
    return leaves(n, PaperCases::rational);
  }

  /** The leaves of a nested array as text, row-major. */
  public static List<String> flattenText(JsonNode n) {
    return leaves(n, JsonNode::asText);
  }

  private static <T> List<T> leaves(JsonNode n, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    collect(n, f, out);
    return out;
  }

  private static <T> void collect(JsonNode n, Function<JsonNode, T> f, List<T> out) {
    if (n.isArray()) {
      n.forEach(x -> collect(x, f, out));
    } else {
      out.add(f.apply(n));
    }
  }

  /** A matrix of exact rationals, rows flattened. */
  public static List<List<BigFraction>> matrix(JsonNode n) {
    List<List<BigFraction>> out = new ArrayList<>();
    n.forEach(r -> out.add(flatten(r)));
    return out;
  }

  public static List<List<List<BigFraction>>> matrices(JsonNode n) {
    List<List<List<BigFraction>>> out = new ArrayList<>();
    n.forEach(m -> out.add(matrix(m)));
    return out;
  }

  public static int[] ints(JsonNode n) {
    int[] out = new int[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).asInt();
    }
    return out;
  }

  public static int[][] intMatrix(JsonNode n) {
    int[][] out = new int[n.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = ints(n.get(i));
    }
    return out;
  }
}
