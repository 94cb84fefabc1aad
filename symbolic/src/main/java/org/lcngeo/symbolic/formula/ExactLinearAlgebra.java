package org.lcngeo.symbolic.formula;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Gaussian elimination over Q on small dense matrices (lists of rows, as core {@link
 * org.lcngeo.core.algebra.Matrices}): rank, kernel, one solution of a linear system; and the
 * matrix-vector product and dot product they are used with.
 */
public final class ExactLinearAlgebra {
  private ExactLinearAlgebra() {}

  /** Row echelon form in place; returns the pivot columns. */
  private static List<Integer> reduce(BigFraction[][] m, int columns) {
    List<Integer> pivots = new ArrayList<>();
    int row = 0;
    for (int col = 0; col < columns && row < m.length; col++) {
      int p = row;
      while (p < m.length && m[p][col].getNumerator().signum() == 0) {
        p++;
      }
      if (p == m.length) {
        continue;
      }
      BigFraction[] t = m[p];
      m[p] = m[row];
      m[row] = t;
      BigFraction inv = m[row][col].reciprocal();
      for (int j = 0; j < m[row].length; j++) {
        m[row][j] = m[row][j].multiply(inv);
      }
      for (int r = 0; r < m.length; r++) {
        if (r != row && m[r][col].getNumerator().signum() != 0) {
          BigFraction f = m[r][col];
          for (int j = 0; j < m[r].length; j++) {
            m[r][j] = m[r][j].subtract(f.multiply(m[row][j]));
          }
        }
      }
      pivots.add(col);
      row++;
    }
    return pivots;
  }

  private static BigFraction[][] copy(List<List<BigFraction>> a, int extra) {
    int cols = a.isEmpty() ? 0 : a.get(0).size();
    BigFraction[][] m = new BigFraction[a.size()][cols + extra];
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < cols; j++) {
        m[i][j] = a.get(i).get(j);
      }
      for (int j = cols; j < cols + extra; j++) {
        m[i][j] = BigFraction.ZERO;
      }
    }
    return m;
  }

  public static int rank(List<List<BigFraction>> a) {
    if (a.isEmpty()) {
      return 0;
    }
    return reduce(copy(a, 0), a.get(0).size()).size();
  }

  /** A basis of {x : a x = 0}, {@code columns} = number of unknowns. */
  public static List<List<BigFraction>> kernel(List<List<BigFraction>> a, int columns) {
    BigFraction[][] m = a.isEmpty() ? new BigFraction[0][columns] : copy(a, 0);
    List<Integer> pivots = reduce(m, columns);
    List<List<BigFraction>> basis = new ArrayList<>();
    for (int free = 0; free < columns; free++) {
      if (pivots.contains(free)) {
        continue;
      }
      List<BigFraction> x = new ArrayList<>();
      for (int j = 0; j < columns; j++) {
        x.add(j == free ? BigFraction.ONE : BigFraction.ZERO);
      }
      for (int r = 0; r < pivots.size(); r++) {
        x.set(pivots.get(r), m[r][free].negate());
      }
      basis.add(x);
    }
    return basis;
  }

  /** One solution of a x = b (free unknowns 0), or null when there is none. */
  public static List<BigFraction> solve(List<List<BigFraction>> a, List<BigFraction> b) {
    int cols = a.get(0).size();
    BigFraction[][] m = copy(a, 1);
    for (int i = 0; i < b.size(); i++) {
      m[i][cols] = b.get(i);
    }
    List<Integer> pivots = reduce(m, cols);
    for (int r = pivots.size(); r < m.length; r++) {
      if (m[r][cols].getNumerator().signum() != 0) {
        return null;
      }
    }
    List<BigFraction> x = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      x.add(BigFraction.ZERO);
    }
    for (int r = 0; r < pivots.size(); r++) {
      x.set(pivots.get(r), m[r][cols]);
    }
    return x;
  }

  public static List<BigFraction> times(List<List<BigFraction>> a, List<BigFraction> x) {
    List<BigFraction> y = new ArrayList<>();
    for (List<BigFraction> row : a) {
      y.add(dot(row, x));
    }
    return y;
  }

  public static BigFraction dot(List<BigFraction> x, List<BigFraction> y) {
    BigFraction s = BigFraction.ZERO;
    for (int i = 0; i < x.size(); i++) {
      s = s.add(x.get(i).multiply(y.get(i)));
    }
    return s;
  }
}
