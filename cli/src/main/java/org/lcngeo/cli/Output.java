package org.lcngeo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.plan.Neuromanifold;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/** JSON and text output shared by the commands (cli.md, "Numbers in JSON output"). */
public final class Output {
  private Output() {}

  /** The mapper of typed and exact values, built on first use ({@link PlainJson} needs none). */
  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper().registerModule(ExactJson.module())
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Prints one JSON object. */
  public static void json(PrintStream out, Map<String, ?> object) {
    out.println(jsonText(object));
  }

  /**
   * A record's components as JSON fields, in declaration order (nested records become objects):
   * for front ends that add fields of their own around a typed result.
   */
  public static Map<String, Object> fields(Record result) {
    return Mapper.INSTANCE.convertValue(result, FIELDS);
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>
      FIELDS = new com.fasterxml.jackson.core.type.TypeReference<>() {};

  /** One JSON object as text, without the final newline. */
  public static String jsonText(Map<String, ?> object) {
    if (PlainJson.plain(object)) {
      return PlainJson.text(object, true);
    }
    try {
      return Mapper.INSTANCE.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The spec's {@code architecture} object. */
  public static Map<String, Object> architecture(Architecture a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dims", a.dims());
    List<int[]> sizes = new ArrayList<>();
    List<int[]> strides = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      sizes.add(a.size(l));
      strides.add(a.stride(l));
    }
    m.put("sizes", sizes);
    m.put("strides", strides);
    m.put("endToEndSize", a.endToEndSize());
    m.put("endToEndStride", a.endToEndStride());
    m.put("dimension", Neuromanifold.dimension(a));
    return m;
  }

  /** Exact rationals as strings, nested row-major into the given shape. */
  public static Object nested(List<BigFraction> flat, int[] shape) {
    return nest(flat, shape, Rationals::format);
  }

  /** Any row-major list nested into a shape, entries mapped by f. */
  public static <T> Object nest(List<T> flat, int[] shape, Function<? super T, ?> f) {
    return nestFrom(flat, shape, 0, 0, f);
  }

  /**
   * The layers of a filter tuple (row-major, as {@link org.lcngeo.core.model.FilterTuple#layers}),
   * layer l nested into its filter size k_l, entries mapped by f.
   */
  public static <T> List<Object> layers(
      Architecture a, List<? extends List<T>> layers, Function<? super T, ?> f) {
    List<Object> out = new ArrayList<>(a.depth());
    for (int l = 0; l < a.depth(); l++) {
      out.add(nest(layers.get(l), a.size(l), f));
    }
    return out;
  }

  private static <T> Object nestFrom(
      List<T> flat, int[] shape, int level, int start, Function<? super T, ?> f) {
    if (level == shape.length) {
      return f.apply(flat.get(start));
    }
    int block = 1;
    for (int m = level + 1; m < shape.length; m++) {
      block *= shape[m];
    }
    List<Object> out = new ArrayList<>(shape[level]);
    for (int i = 0; i < shape[level]; i++) {
      out.add(nestFrom(flat, shape, level + 1, start + i * block, f));
    }
    return out;
  }

  /** A matrix of exact rationals as rows of strings. */
  public static List<List<String>> matrix(List<List<BigFraction>> m) {
    return m.stream().map(Rationals::formatAll).toList();
  }

  /** Right-aligned text matrix, one row a line, with a leading indent. */
  public static String table(List<? extends List<String>> rows, String indent) {
    int width = 1;
    for (List<String> r : rows) {
      for (String s : r) {
        width = Math.max(width, s.length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (List<String> r : rows) {
      b.append(indent).append('[');
      for (int j = 0; j < r.size(); j++) {
        b.append(j == 0 ? "" : "  ").append(" ".repeat(width - r.get(j).length())).append(r.get(j));
      }
      b.append("]\n");
    }
    return b.toString();
  }

  /**
   * A real algebraic number's certificate as JSON (FLINT's qqbar): {@code minimalPolynomial}
   * (integer coefficients, lowest degree first), {@code isolatingInterval} [lo, hi] (exact
   * rationals; lo = hi for a rational), and {@code symjaEvaluates} (whether its exact string is a
   * form Symja evaluates; true for every form lcngeo prints, as its round-trip tests show).
   */
  public static Map<String, Object> certificate(RealAlgebraicNumber x) {
    RealAlgebraicNumber.Certificate c = x.certificate();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("minimalPolynomial", c.minimalPolynomial().stream().map(Object::toString).toList());
    m.put("isolatingInterval", List.of(Rationals.format(c.lo()), Rationals.format(c.hi())));
    m.put("symjaEvaluates", c.symjaEvaluates());
    return m;
  }

  /** {@link #certificate} of every entry of a matrix. */
  public static List<List<Map<String, Object>>> certificates(List<List<RealAlgebraicNumber>> m) {
    return m.stream().map(r -> r.stream().map(Output::certificate).toList()).toList();
  }
}
