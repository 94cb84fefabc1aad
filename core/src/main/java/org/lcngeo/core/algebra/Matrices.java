package org.lcngeo.core.algebra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Small dense matrices (lists of rows) over any {@link Ring}: what the fully connected networks of
 * eq. 7 and the exact witnesses need, shared by the exact and the numeric layer.
 */
public final class Matrices {
  private Matrices() {}

  public static <T> List<List<T>> zeros(Ring<T> ring, int rows, int cols) {
    List<List<T>> m = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      m.add(new ArrayList<>(Collections.nCopies(cols, ring.zero())));
    }
    return m;
  }

  public static <T> List<List<T>> identity(Ring<T> ring, int n) {
    List<List<T>> m = zeros(ring, n, n);
    for (int i = 0; i < n; i++) {
      m.get(i).set(i, ring.one());
    }
    return m;
  }

  public static <T> List<List<T>> multiply(Ring<T> ring, List<List<T>> x, List<List<T>> y) {
    int inner = y.size();
    int cols = y.get(0).size();
    List<List<T>> out = zeros(ring, x.size(), cols);
    for (int i = 0; i < x.size(); i++) {
      List<T> row = out.get(i);
      for (int k = 0; k < inner; k++) {
        T a = x.get(i).get(k);
        if (ring.isZero(a)) {
          continue;
        }
        for (int j = 0; j < cols; j++) {
          row.set(j, ring.addProduct(row.get(j), a, y.get(k).get(j)));
        }
      }
    }
    return out;
  }

  public static <T> List<List<T>> transpose(Ring<T> ring, List<List<T>> x) {
    List<List<T>> out = zeros(ring, x.get(0).size(), x.size());
    for (int i = 0; i < x.size(); i++) {
      for (int j = 0; j < x.get(i).size(); j++) {
        out.get(j).set(i, x.get(i).get(j));
      }
    }
    return out;
  }

  public static <T> List<List<T>> add(Ring<T> ring, List<List<T>> x, List<List<T>> y) {
    List<List<T>> out = new ArrayList<>(x.size());
    for (int i = 0; i < x.size(); i++) {
      List<T> row = new ArrayList<>(x.get(i).size());
      for (int j = 0; j < x.get(i).size(); j++) {
        row.add(ring.add(x.get(i).get(j), y.get(i).get(j)));
      }
      out.add(row);
    }
    return out;
  }

  public static <T> List<List<T>> subtract(Ring<T> ring, List<List<T>> x, List<List<T>> y) {
    List<List<T>> out = new ArrayList<>(x.size());
    for (int i = 0; i < x.size(); i++) {
      List<T> row = new ArrayList<>(x.get(i).size());
      for (int j = 0; j < x.get(i).size(); j++) {
        row.add(ring.subtract(x.get(i).get(j), y.get(i).get(j)));
      }
      out.add(row);
    }
    return out;
  }
}
