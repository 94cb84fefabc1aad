package org.lcngeo.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON text of plain values (maps with string keys, lists, strings, integers, doubles, booleans,
 * null, int and double arrays) through Jackson's streaming generator with the indentation {@link
 * Output}'s data-binding mapper uses, so the text is the mapper's byte for byte, without starting
 * data binding: the mapper's first use costs a command about 0.06 s of CPU time (its default date
 * format loads the JDK's locale data), more than {@code lcn manifold} spends on many inputs. Values
 * of any other type (exact numbers, records) are left to the mapper ({@link #isPlain} is false).
 */
final class PlainJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private PlainJson() {}

  /** Whether {@link #write} writes this value (every nested value plain too). */
  static boolean isPlain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Double || value instanceof int[] || value instanceof double[]) {
      return true;
    }
    if (value instanceof List<?> list) {
      return list.stream().allMatch(PlainJson::isPlain);
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .allMatch(e -> e.getKey() instanceof String && isPlain(e.getValue()));
    }
    return false;
  }

  /** The indented JSON text of a plain value ({@link #isPlain}), without a final newline. */
  static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    } else if (value instanceof double[] a) {
      g.writeArray(a, 0, a.length);
    } else if (value instanceof List<?> list) {
      g.writeStartArray(list, list.size());
      for (Object x : list) {
        write(g, x);
      }
      g.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject(map);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("not a plain JSON value: " + value.getClass());
    }
  }
}
