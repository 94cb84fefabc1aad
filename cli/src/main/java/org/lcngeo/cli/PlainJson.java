package org.lcngeo.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * JSON of plain values written by jackson-core's generator, byte for byte what {@link Output}'s
 * {@code ObjectMapper} writes for them, without building a mapper (its date format loads the
 * calendar and locale data; it cost a flow's or a sweep's whole process about a tenth of its CPU
 * time; {@code lcn manifold} about 0.06 s). Plain values: null, strings, booleans, {@code Integer},
 * {@code Long}, {@code BigInteger}, {@code Double}, {@code int[]}, {@code long[]},
 * {@code double[]}, and lists and string-keyed maps of plain values; anything else (records, exact numbers, expression trees) goes through the mapper.
 */
final class PlainJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private PlainJson() {}

  /** Whether {@code value} and everything in it are plain values. */
  static boolean plain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Double
        || value instanceof int[] || value instanceof long[] || value instanceof double[]) {
      return true;
    }
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String) || !plain(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof java.util.List<?> l) {
      for (Object x : l) {
        if (!plain(x)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * The JSON text of a plain value ({@link #plain}), indented as {@code INDENT_OUTPUT} indents or
   * compact.
   */
  static String text(Object value, boolean indent) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (indent) {
        g.setPrettyPrinter(new DefaultPrettyPrinter());
      }
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does no I/O
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer i) {
      g.writeNumber(i);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof int[] a) {
      g.writeArray(a, 0, a.length);
    } else if (value instanceof long[] a) {
      g.writeArray(a, 0, a.length);
    } else if (value instanceof double[] a) {
      g.writeArray(a, 0, a.length);
    } else if (value instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      g.writeStartArray();
      for (Object x : (Collection<?>) value) {
        write(g, x);
      }
      g.writeEndArray();
    }
  }
}
