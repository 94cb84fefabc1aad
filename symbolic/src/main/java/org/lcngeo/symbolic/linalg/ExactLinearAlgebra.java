package org.lcngeo.symbolic.linalg;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.ntk.ExactRank;

/**
 * Gauss-Jordan elimination over Q on small dense matrices (lists of rows, as core {@link
 * org.lcngeo.core.algebra.Matrices}), the one exact row reduction of the symbolic layer: reduced
 * row echelon form, kernel, one solution of a linear system, the determinant; the rank (by {@link ExactRank},
 * fraction-free); and the matrix-vector product and dot product they are used with. Used for the
 * tangent spaces of Lemma 5 / Corollary 6, the column spaces of the Jacobian at fiber points
 * (Thm. 13) and the linear relations of the graph of mu.
 */
public final class ExactLinearAlgebra {
  private ExactLinearAlgebra() {}

  /**
   * Reduced row echelon form in place (of the first {@code columns} columns; further columns, an
   * augmented right-hand side, are carried along); returns the pivot columns.
   */
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
      // entries left of col are zero in the rows from row on: start at col, skip zeros
      BigFraction[] pivot = m[row];
      BigFraction inv = pivot[col].reciprocal();
      for (int j = col; j < pivot.length; j++) {
        pivot[j] = pivot[j].multiply(inv);
      }
      for (int r = 0; r < m.length; r++) {
        if (r != row && m[r][col].getNumerator().signum() != 0) {
          BigFraction f = m[r][col];
          for (int j = col; j < pivot.length; j++) {
            if (pivot[j].getNumerator().signum() != 0) {
              m[r][j] = m[r][j].subtract(f.multiply(pivot[j]));
            }
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

  /**
   * The nonzero rows of the reduced row echelon form of a: a canonical basis of its row space (two
   * matrices with the same number of columns have the same row space exactly when these are equal).
   */
  public static List<List<BigFraction>> reducedRowEchelon(List<List<BigFraction>> a) {
    if (a.isEmpty()) {
      return List.of();
    }
    BigFraction[][] m = copy(a, 0);
    int rank = reduce(m, a.get(0).size()).size();
    List<List<BigFraction>> rows = new ArrayList<>();
    for (int r = 0; r < rank; r++) {
      rows.add(List.of(m[r]));
    }
    return List.copyOf(rows);
  }

  /** Rank over Q (exact, fraction-free: {@link ExactRank#ofRational} with no known bound). */
  public static int rank(List<List<BigFraction>> a) {
    return ExactRank.ofRational(a, -1);
  }

  /** The determinant of a square matrix over Q (Gaussian elimination with row swaps). */
  public static BigFraction determinant(List<List<BigFraction>> a) {
    int n = a.size();
    BigFraction[][] m = n == 0 ? new BigFraction[0][0] : copy(a, 0);
    BigFraction det = BigFraction.ONE;
    for (int c = 0; c < n; c++) {
      int pivot = c;
      while (pivot < n && m[pivot][c].getNumerator().signum() == 0) {
        pivot++;
      }
      if (pivot == n) {
        return BigFraction.ZERO;
      }
      if (pivot != c) {
        BigFraction[] t = m[pivot];
        m[pivot] = m[c];
        m[c] = t;
        det = det.negate();
      }
      det = det.multiply(m[c][c]);
      for (int r = c + 1; r < n; r++) {
        if (m[r][c].getNumerator().signum() != 0) {
          BigFraction f = m[r][c].divide(m[c][c]);
          for (int j = c; j < n; j++) {
            m[r][j] = m[r][j].subtract(f.multiply(m[c][j]));
          }
        }
      }
    }
    return det;
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
