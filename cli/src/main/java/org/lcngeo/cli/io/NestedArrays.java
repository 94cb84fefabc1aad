package org.lcngeo.cli.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.Rationals;

/**
 * Reads the nested JSON arrays of the command line ({@code --filters}, {@code --target}, {@code
 * --matrices}) into exact rationals with their shapes. JSON numbers are read from their text (so
 * {@code 0.1} is 1/10); strings hold {@code p/q} or decimals; everything goes through {@link
 * Rationals#parse}, never through a computer algebra system.
 */
public final class NestedArrays {
  /** Maximum length of one JSON argument. */
  public static final int MAX_JSON_LENGTH = 5_000_000;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private NestedArrays() {}

  /** A tensor read from JSON: row-major entries and shape. */
  public record Tensor(List<BigFraction> entries, int[] shape) {}

  public static JsonNode parseJson(String json, String option) {
    if (json == null || json.isBlank()) {
      throw new InvalidInputException(option + " is empty");
    }
    if (json.length() > MAX_JSON_LENGTH) {
      throw new InvalidInputException(
          option + " is " + json.length() + " characters long, more than " + MAX_JSON_LENGTH);
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          option + " is not valid JSON: " + org.lcngeo.numeric.data.TrainingData.jsonError(e));
    }
  }

  /** One exact number from a JSON number or string node. */
  public static BigFraction number(JsonNode node, String where) {
    if (node.isNumber()) {
      if (node.isBigDecimal() || node.isFloatingPointNumber()) {
        return Rationals.fromDecimal(node.decimalValue());
      }
      return new BigFraction(node.bigIntegerValue());
    }
    if (node.isTextual()) {
      try {
        return Rationals.parse(node.textValue());
      } catch (InvalidInputException e) {
        throw new InvalidInputException(where + ": " + e.getMessage());
      }
    }
    throw new InvalidInputException(where + ": expected a number, found " + describe(node));
  }

  /** A rectangular nested array of the given depth. */
  public static Tensor tensor(JsonNode node, int depth, String where) {
    List<BigFraction> out = new ArrayList<>();
    int[] shape = new int[depth];
    Arrays.fill(shape, -1);
    collect(node, 0, depth, shape, out, where);
    return new Tensor(out, shape);
  }

  private static void collect(
      JsonNode node, int level, int depth, int[] shape, List<BigFraction> out, String where) {
    if (level == depth) {
      out.add(number(node, where));
      return;
    }
    if (!node.isArray()) {
      throw new InvalidInputException(
          where + ": expected an array nested " + depth + " deep, found " + describe(node)
              + " at depth " + (level + 1));
    }
    if (node.size() == 0) {
      throw new InvalidInputException(where + ": empty array");
    }
    if (shape[level] < 0) {
      shape[level] = node.size();
    } else if (shape[level] != node.size()) {
      throw new InvalidInputException(
          where + ": ragged array (lengths " + shape[level] + " and " + node.size()
              + " at depth " + (level + 1) + ")");
    }
    for (JsonNode child : node) {
      collect(child, level + 1, depth, shape, out, where);
    }
  }

  /** Depth of the first-element chain of nested arrays ({@code [[1]]} has depth 2). */
  public static int depth(JsonNode node) {
    int d = 0;
    while (node.isArray() && node.size() > 0) {
      d++;
      node = node.get(0);
    }
    return d;
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    String text = node.toString();
    return text.length() > 30 ? text.substring(0, 27) + "..." : text;
  }
}
