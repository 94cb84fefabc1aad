package org.lcngeo.numeric.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcngeo.core.InvalidInputException;

/**
 * A small strict JSON reader (RFC 8259) for data files: objects become {@link Map}s, arrays {@link
 * List}s, numbers {@link Double} (parsed from their text, so files written with shortest round-trip
 * digits, like NumPy's, are read exactly), strings, booleans and null. The numeric module has no
 * JSON library of its own, and data files need nothing more.
 */
public final class Json {
  private final String s;
  private int pos;

  private Json(String s) {
    this.s = s;
  }

  /** Parses one JSON document; malformed input is an {@link InvalidInputException}. */
  public static Object parse(String text, String where) {
    Json p = new Json(text);
    try {
      p.ws();
      Object v = p.value();
      p.ws();
      if (p.pos != p.s.length()) {
        throw p.error("unexpected text after the JSON value");
      }
      return v;
    } catch (IndexOutOfBoundsException e) {
      throw new InvalidInputException(where + " is not valid JSON: unexpected end of input");
    } catch (InvalidInputException e) {
      throw new InvalidInputException(where + " is not valid JSON: " + e.getMessage());
    }
  }

  private InvalidInputException error(String what) {
    return new InvalidInputException(what + " at character " + (pos + 1));
  }

  private void ws() {
    while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private Object value() {
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, pos)) {
      throw error("unexpected token");
    }
    pos += word.length();
    return v;
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    pos++;
    ws();
    if (s.charAt(pos) == '}') {
      pos++;
      return m;
    }
    while (true) {
      ws();
      if (s.charAt(pos) != '"') {
        throw error("expected a key");
      }
      String k = string();
      ws();
      if (s.charAt(pos++) != ':') {
        throw error("expected ':'");
      }
      ws();
      m.put(k, value());
      ws();
      char c = s.charAt(pos++);
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    pos++;
    ws();
    if (s.charAt(pos) == ']') {
      pos++;
      return l;
    }
    while (true) {
      ws();
      l.add(value());
      ws();
      char c = s.charAt(pos++);
      if (c == ']') {
        return l;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    pos++;
    while (true) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        char e = s.charAt(pos++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
  }

  private Double number() {
    int start = pos;
    while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String t = s.substring(start, pos);
    if (!t.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      pos = start;
      throw error("malformed number '" + t + "'");
    }
    return Double.parseDouble(t);
  }
}
