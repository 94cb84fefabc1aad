package org.lcngeo.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.numeric.data.TrainingData;

/**
 * The benchmark workloads (bench/workloads, copied from the shared folder), read with Jackson into
 * records: W1/W1b (exact NTK, with digests of v, J and K), W2/W3 (a target filter to factor) and
 * W4/W5 (training data and initial tuples of the flows).
 */
public final class Workloads {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Workloads() {}

  /** The directory of the workloads: the system property {@code lcn.workloads}, else bench/workloads. */
  public static Path directory() {
    return Path.of(System.getProperty("lcn.workloads", "bench/workloads"));
  }

  /** One layer of a workload: its filter (nested D deep), size and stride. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Layer(int[] shape, int[] stride, JsonNode filter) {}

  /** A workload of a convolutional architecture (W1, W1b, W2, W3) with the digests it records. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Convolutional(
      String name,
      List<Layer> layers,
      JsonNode v,
      @JsonProperty("J_nnz") String jNnz,
      @JsonProperty("J_sha256") String jSha256,
      @JsonProperty("K_trace") String kTrace,
      @JsonProperty("K_sum") String kSum,
      @JsonProperty("K_nnz") String kNnz,
      @JsonProperty("K_max_abs") String kMaxAbs,
      @JsonProperty("K_sha256") String kSha256) {

    public Architecture architecture() {
      if (layers == null || layers.isEmpty()) {
        throw new InvalidInputException(name + " has no layers[] (filter, stride, shape)");
      }
      int[][] sizes = new int[layers.size()][];
      int[][] strides = new int[layers.size()][];
      for (int l = 0; l < sizes.length; l++) {
        if (layers.get(l).shape() == null || layers.get(l).stride() == null) {
          throw new InvalidInputException(name + ": a layer lacks its shape or stride");
        }
        sizes[l] = layers.get(l).shape();
        strides[l] = layers.get(l).stride();
      }
      return Architecture.of(sizes, strides);
    }

    /** The layers' filters as an exact tuple. */
    public FilterTuple<BigFraction> filters() {
      Architecture a = architecture();
      List<List<BigFraction>> out = new ArrayList<>();
      for (Layer l : layers) {
        out.add(integers(l.filter()));
      }
      return FilterTuple.of(a, out);
    }

    /** The end-to-end filter v, row-major. */
    public List<BigFraction> target() {
      if (v == null) {
        throw new InvalidInputException(name + " has no v");
      }
      return integers(v);
    }
  }

  /** W4/W5: a 1-D architecture, training data X, Y, initial tuples and the integration settings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Flow(
      String name,
      @JsonProperty("layer_sizes") int[] layerSizes,
      int[] strides,
      double t1,
      double rtol,
      double atol,
      @JsonProperty("W4_init_index") int w4InitIndex,
      double[][] inits) {

    public Architecture architecture() {
      return Architecture.oneDimensional(layerSizes, strides);
    }
  }

  public static Convolutional convolutional(Path file) {
    return read(file, Convolutional.class);
  }

  /** A flow workload with its training data. */
  public static Flow flow(Path file) {
    return read(file, Flow.class);
  }

  /** The training data X, Y of a flow workload. */
  public static TrainingData trainingData(Path file, Flow w) {
    return TrainingData.fromJson(text(file), w.architecture(), file.toString());
  }

  private static <T> T read(Path file, Class<T> type) {
    try {
      return JSON.readValue(text(file), type);
    } catch (IOException e) {
      throw new InvalidInputException(file + " is not a valid workload: " + e.getMessage());
    }
  }

  private static String text(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("no such workload file: " + file);
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The integers of a nested JSON array, row-major, as exact numbers. */
  static List<BigFraction> integers(JsonNode node) {
    List<BigFraction> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<BigFraction> out) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    } else if (node.isIntegralNumber()) {
      out.add(new BigFraction(node.bigIntegerValue()));
    } else {
      throw new InvalidInputException("expected an integer in a workload, found " + node);
    }
  }
}
