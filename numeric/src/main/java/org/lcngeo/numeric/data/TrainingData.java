package org.lcngeo.numeric.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;

/**
 * Training data (X_i, Y_i), i = 1..N, for a D-dimensional LCN (paper, Sec. 2.2): inputs of shape
 * {@code s (d - 1) + k} and outputs of shape d for the end-to-end filter size k and stride s (eq.
 * 10), all row-major. Generated from a seeded Gaussian teacher or read from JSON ({@code X}, {@code
 * Y}, as in the W4/W5 workload) or CSV (one sample a row: X then Y, D = 1).
 *
 * @param x N rows of inputs (flattened)
 * @param y N rows of outputs (flattened)
 * @param teacher the end-to-end filter v* that generated the data, or null
 * @param convolution the double executor of the end-to-end convolution (shapes and index table)
 */
public record TrainingData(double[][] x, double[][] y, double[] teacher, NumericConvolution convolution) {
  /** Number of samples N. */
  public int samples() {
    return x.length;
  }

  /** The end-to-end convolution of an architecture with a given output shape. */
  public static NumericConvolution endToEnd(Architecture a, int[] outputShape) {
    return NumericConvolution.forOutput(a.endToEndSize(), a.endToEndStride(), outputShape);
  }

  /**
   * Seeded synthetic data: v* and every X_i entry standard Gaussian, Y_i = alpha_{v*}(X_i) + noise
   * * (standard Gaussian).
   */
  public static TrainingData generate(
      Architecture a, int samples, int[] outputShape, long seed, double noise) {
    if (samples < 1 || samples > 10_000_000) {
      throw new InvalidInputException("--samples must be between 1 and 10000000, not " + samples);
    }
    NumericConvolution c = endToEnd(a, outputShape);
    if ((long) samples * (c.inputEntries() + c.outputEntries()) > 50_000_000L) {
      throw new InvalidInputException(
          samples + " samples of " + c.inputEntries() + " entries are too many to hold");
    }
    SplittableRandom r = new SplittableRandom(seed);
    double[] teacher = new double[c.filterEntries()];
    for (int i = 0; i < teacher.length; i++) {
      teacher[i] = r.nextGaussian();
    }
    double[][] x = new double[samples][c.inputEntries()];
    double[][] y = new double[samples][];
    for (int i = 0; i < samples; i++) {
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = r.nextGaussian();
      }
      y[i] = c.apply(teacher, x[i]);
      for (int j = 0; j < y[i].length; j++) {
        y[i][j] += noise * r.nextGaussian();
      }
    }
    return new TrainingData(x, y, teacher, c);
  }

  /** Reads a data file: {@code .csv} as CSV, anything else as JSON. */
  public static TrainingData load(Path file, Architecture a) {
    String text = readText(file);
    return isCsv(file) ? fromCsv(text, a, file.toString()) : fromJson(text, a, file.toString());
  }

  /** Whether {@link #load} reads a file as CSV (its name ends with {@code .csv}). */
  public static boolean isCsv(Path file) {
    return file.toString().toLowerCase().endsWith(".csv");
  }

  /** The text of a data file (UTF-8, at most 500 MB); a file that cannot be read is bad input. */
  public static String readText(Path file) {
    try {
      if (Files.size(file) > 500_000_000L) {
        throw new InvalidInputException("data file " + file + " is larger than 500 MB");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read data file " + file + ": " + e.getMessage());
    }
  }

  /**
   * JSON object with arrays {@code X} and {@code Y} of N samples each: a sample is a flat row (D =
   * 1) or a nested array of depth D; an optional {@code v_star} is taken as the teacher.
   */
  public static TrainingData fromJson(String text, Architecture a, String where) {
    return fromJson(readJson(text, where), a, where);
  }

  /** {@link #fromJson(String, Architecture, String)} of a document already read. */
  public static TrainingData fromJson(JsonNode m, Architecture a, String where) {
    if (!m.isObject()) {
      throw new InvalidInputException(where + " must hold a JSON object with arrays X and Y");
    }
    JsonNode xs = m.path("X");
    JsonNode ys = m.path("Y");
    if (!xs.isArray() || !ys.isArray()) {
      throw new InvalidInputException(where + " must hold arrays X and Y");
    }
    if (xs.size() != ys.size() || xs.isEmpty()) {
      throw new InvalidInputException(
          where + ": X has " + xs.size() + " samples and Y " + ys.size() + "; they must agree and"
              + " not be empty");
    }
    int d = a.dims();
    int[] outShape = null;
    double[][] x = new double[xs.size()][];
    double[][] y = new double[xs.size()][];
    NumericConvolution c = null;
    for (int i = 0; i < xs.size(); i++) {
      int[] ys0 = new int[d];
      double[] yf = flatten(ys.get(i), d, ys0, where + ": Y[" + i + "]");
      if (outShape == null) {
        outShape = ys0;
        c = endToEnd(a, outShape);
      } else if (!Arrays.equals(outShape, ys0)) {
        throw new InvalidInputException(where + ": Y[" + i + "] has a different shape than Y[0]");
      }
      int[] xs0 = new int[d];
      double[] xf = flatten(xs.get(i), d, xs0, where + ": X[" + i + "]");
      if (!Arrays.equals(xs0, c.inputShape())) {
        throw new InvalidInputException(
            where + ": X[" + i + "] has shape " + Architecture.vec(xs0) + " but outputs of shape "
                + Architecture.vec(outShape) + " need inputs of shape s(d-1)+k = "
                + Architecture.vec(c.inputShape()));
      }
      x[i] = xf;
      y[i] = yf;
    }
    double[] teacher = null;
    JsonNode vs = m.path("v_star");
    if (vs.isArray() && vs.size() == c.filterEntries()) {
      teacher = flatten(vs, 1, new int[1], where + ": v_star");
    } else if (vs.isArray() && d > 1 && vs.size() == a.endToEndSize()[0]) {
      // nested like the filters (the W6 workloads)
      int[] shape = new int[d];
      double[] t = flatten(vs, d, shape, where + ": v_star");
      if (Arrays.equals(shape, a.endToEndSize())) {
        teacher = t;
      }
    }
    return new TrainingData(x, y, teacher, c);
  }

  /**
   * Reads one strict JSON document ({@link StrictJson}); malformed input is an {@link
   * InvalidInputException} saying that {@code where} is not valid JSON. Numbers keep the value of
   * their text (shortest round-trip digits, like NumPy's, are read exactly).
   */
  public static JsonNode readJson(String text, String where) {
    JsonNode node;
    try {
      node = StrictJson.read(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(where + " is not valid JSON: " + jsonError(e));
    }
    if (node == null || node.isMissingNode()) {
      throw new InvalidInputException(where + " is not valid JSON: unexpected end of input");
    }
    return node;
  }

  /**
   * Jackson's description of a syntax error, for one line of a user message: without the
   * {@code [Source: ...]} blocks it puts inside (which name no source, only "REDACTED"), line
   * breaks or control characters, and with the line and column where it stopped.
   */
  public static String jsonError(JsonProcessingException e) {
    String text = String.valueOf(e.getOriginalMessage())
        .replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
        .replaceAll("\\[Source: [^\\]]*\\]", "")
        .replaceAll("\\p{Cntrl}", " ")
        .strip();
    if (text.length() > 200) {
      text = text.substring(0, 197) + "...";
    }
    var at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? text
        : text + " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /**
   * The entries of a JSON array nested {@code depth} deep, row-major, each a finite number; its
   * shape is written to {@code shape}.
   */
  public static double[] flatten(JsonNode node, int depth, int[] shape, String where) {
    Arrays.fill(shape, -1);
    Entries out = new Entries();
    collect(node, 0, depth, shape, out, where);
    return Arrays.copyOf(out.values, out.size);
  }

  /** A growing array of entries (no boxing: a sweep's start-up runs this interpreted). */
  private static final class Entries {
    double[] values = new double[16];
    int size;

    void add(double x) {
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size);
      }
      values[size++] = x;
    }
  }

  private static void collect(
      JsonNode node, int level, int depth, int[] shape, Entries out, String where) {
    if (level == depth) {
      if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
        throw new InvalidInputException(where + ": expected a finite number, found " + node);
      }
      out.add(node.doubleValue());
      return;
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new InvalidInputException(
          where + ": expected a non-empty array nested " + depth + " deep");
    }
    if (shape[level] < 0) {
      shape[level] = node.size();
    } else if (shape[level] != node.size()) {
      throw new InvalidInputException(where + ": ragged array");
    }
    for (JsonNode child : node) {
      collect(child, level + 1, depth, shape, out, where);
    }
  }

  /**
   * CSV, D = 1: one sample a row, its s(d-1)+k inputs followed by its d outputs (so a row of L
   * numbers has d = (L + s - k) / (s + 1)); a first line that is not numeric is a header.
   */
  public static TrainingData fromCsv(String text, Architecture a, String where) {
    if (a.dims() != 1) {
      throw new InvalidInputException(
          where + ": CSV data is for 1-D networks; give D-dimensional data as nested JSON arrays");
    }
    int k = a.endToEndSize()[0];
    int s = a.endToEndStride()[0];
    List<double[]> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int li = 0; li < lines.length; li++) {
      String line = lines[li].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s*[,;]\\s*");
      double[] row = new double[f.length];
      try {
        for (int j = 0; j < f.length; j++) {
          row[j] = Double.parseDouble(f[j]);
          if (!Double.isFinite(row[j])) {
            throw new NumberFormatException();
          }
        }
      } catch (NumberFormatException e) {
        if (rows.isEmpty() && li == 0) {
          continue;
        }
        throw new InvalidInputException(where + ", line " + (li + 1) + ": not a row of numbers");
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException(where + " holds no samples");
    }
    int len = rows.get(0).length;
    if ((len + s - k) % (s + 1) != 0 || (len + s - k) / (s + 1) < 1) {
      throw new InvalidInputException(
          where + ": a row of " + len + " numbers is not s(d-1)+k inputs plus d outputs for k = "
              + k + ", s = " + s);
    }
    int dOut = (len + s - k) / (s + 1);
    NumericConvolution c = endToEnd(a, new int[] {dOut});
    double[][] x = new double[rows.size()][];
    double[][] y = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      double[] r = rows.get(i);
      if (r.length != len) {
        throw new InvalidInputException(where + ": row " + (i + 1) + " has " + r.length
            + " numbers, the first has " + len);
      }
      x[i] = Arrays.copyOfRange(r, 0, c.inputEntries());
      y[i] = Arrays.copyOfRange(r, c.inputEntries(), len);
    }
    return new TrainingData(x, y, null, c);
  }
}
