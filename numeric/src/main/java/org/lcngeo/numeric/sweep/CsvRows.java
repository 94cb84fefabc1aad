package org.lcngeo.numeric.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The CSV dialect of sweep files: RFC 4180 quoting, one record per line (line breaks inside values
 * are replaced by spaces, so that a record is always exactly one line and a torn last line is
 * recognizable by its missing newline).
 */
public final class CsvRows {
  private CsvRows() {}

  public static String line(List<String> fields) {
    StringJoiner j = new StringJoiner(",", "", "\n");
    for (String f : fields) {
      j.add(quote(f));
    }
    return j.toString();
  }

  static String line(List<String> header, Map<String, String> row) {
    List<String> f = new ArrayList<>();
    for (String h : header) {
      f.add(row.getOrDefault(h, ""));
    }
    return line(f);
  }

  private static String quote(String s) {
    String one = s.replace('\n', ' ').replace('\r', ' ');
    if (one.indexOf(',') < 0 && one.indexOf('"') < 0) {
      return one;
    }
    return '"' + one.replace("\"", "\"\"") + '"';
  }

  /** Splits one line (without its newline) into fields. */
  public static List<String> parse(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
