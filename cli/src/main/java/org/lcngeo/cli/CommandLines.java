package org.lcngeo.cli;

import java.util.ArrayList;
import java.util.List;

/** Command lines as written in a shell, such as the atlas's witnesses and notebook {@code %lcn} lines. */
public final class CommandLines {
  private CommandLines() {}

  /** Splits a command line at blanks, keeping 'single' and "double" quoted parts together. */
  public static List<String> split(String line) {
    List<String> args = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any) {
          args.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) {
      args.add(cur.toString());
    }
    return args;
  }
}
