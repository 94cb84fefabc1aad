package org.lcngeo.symbolic.fiber;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * The column space of an exact rational matrix in a canonical form: the reduced row echelon form
 * of its transpose. Two matrices have the same column space exactly when these forms are equal,
 * and the rank is the number of rows of the form. Used for the Jacobian of mu at fiber points:
 * its column space (the tangent image, Thm. 13's proof) does not change under the positive
 * rescaling of Prop. 2 / 12, which multiplies the columns of layer l by prod_{i != l} lambda_i,
 * so it is computed at the rational representative.
 */
record ColumnSpace(List<List<BigFraction>> basis) {

  static ColumnSpace of(List<List<BigFraction>> matrix) {
    int rows = matrix.size();
    int cols = rows == 0 ? 0 : matrix.get(0).size();
    // transpose: one row per column of the matrix
    List<BigFraction[]> t = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      BigFraction[] r = new BigFraction[rows];
      for (int i = 0; i < rows; i++) {
        r[i] = matrix.get(i).get(j);
      }
      t.add(r);
    }
    int rank = 0;
    for (int c = 0; c < rows && rank < t.size(); c++) {
      int pivot = -1;
      for (int r = rank; r < t.size(); r++) {
        if (t.get(r)[c].getNumerator().signum() != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      BigFraction[] p = t.get(pivot);
      t.set(pivot, t.get(rank));
      t.set(rank, p);
      BigFraction inv = p[c].reciprocal();
      for (int k = c; k < rows; k++) {
        p[k] = p[k].multiply(inv);
      }
      for (int r = 0; r < t.size(); r++) {
        BigFraction[] q = t.get(r);
        if (r == rank || q[c].getNumerator().signum() == 0) {
          continue;
        }
        BigFraction f = q[c];
        for (int k = c; k < rows; k++) {
          if (p[k].getNumerator().signum() != 0) {
            q[k] = q[k].subtract(f.multiply(p[k]));
          }
        }
      }
      rank++;
    }
    List<List<BigFraction>> basis = new ArrayList<>();
    for (int r = 0; r < rank; r++) {
      basis.add(List.of(t.get(r)));
    }
    return new ColumnSpace(List.copyOf(basis));
  }

  int rank() {
    return basis.size();
  }
}
