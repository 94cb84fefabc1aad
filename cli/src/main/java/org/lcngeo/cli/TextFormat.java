package org.lcngeo.cli;

import java.util.List;
import java.util.stream.Collectors;

/** Compact text rendering of nested lists: {@code [2, 0, 5]} or {@code [[1, 2], [3, 4]]}. */
final class TextFormat {
  private TextFormat() {}

  static String nested(Object o) {
    if (o instanceof List<?> l) {
      return l.stream().map(TextFormat::nested).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(o);
  }
}
