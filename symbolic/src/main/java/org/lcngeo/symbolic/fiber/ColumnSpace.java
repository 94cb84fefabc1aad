package org.lcngeo.symbolic.fiber;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Matrices;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.linalg.ExactLinearAlgebra;

/**
 * The column space of an exact matrix (rational, or over a real number field) in a canonical
 * form: the reduced row echelon form of its transpose. Two matrices have the same column space
 * exactly when these forms have equal values, and the rank is the number of rows of the form.
 * Used for the Jacobian of mu at fiber points: its column space (the tangent image, Thm. 13's
 * proof) does not change under the positive rescaling of Prop. 2 / 12, which multiplies the
 * columns of layer l by prod_{i != l} lambda_i, so it is computed at the representative.
 */
record ColumnSpace(List<List<FieldElement>> basis) {
  private static final NumberField Q = FieldExtensions.rationals();

  static ColumnSpace of(List<List<BigFraction>> matrix) {
    if (matrix.isEmpty()) {
      return new ColumnSpace(List.of());
    }
    List<List<BigFraction>> r =
        ExactLinearAlgebra.reducedRowEchelon(Matrices.transpose(RationalRing.INSTANCE, matrix));
    return new ColumnSpace(r.stream().map(row -> row.stream().map(Q::element).toList()).toList());
  }

  /** The column space of a matrix over one real number field, by elimination in that field. */
  static ColumnSpace over(List<List<FieldElement>> matrix) {
    if (matrix.isEmpty()) {
      return new ColumnSpace(List.of());
    }
    int rows = matrix.get(0).size();
    int cols = matrix.size();
    List<List<FieldElement>> m = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      List<FieldElement> row = new ArrayList<>();
      for (int j = 0; j < cols; j++) {
        row.add(matrix.get(j).get(i));
      }
      m.add(row);
    }
    int rank = 0;
    for (int c = 0; c < cols && rank < rows; c++) {
      int pivot = -1;
      for (int i = rank; i < rows && pivot < 0; i++) {
        if (!m.get(i).get(c).isZero()) {
          pivot = i;
        }
      }
      if (pivot < 0) {
        continue;
      }
      List<FieldElement> p = m.get(pivot);
      m.set(pivot, m.get(rank));
      FieldElement inv = p.get(c).inverse();
      List<FieldElement> normalized = p.stream().map(x -> x.multiply(inv)).toList();
      m.set(rank, normalized);
      for (int i = 0; i < rows; i++) {
        FieldElement f = m.get(i).get(c);
        if (i != rank && !f.isZero()) {
          List<FieldElement> row = new ArrayList<>(m.get(i));
          for (int j = 0; j < cols; j++) {
            row.set(j, row.get(j).subtract(f.multiply(normalized.get(j))));
          }
          m.set(i, row);
        }
      }
      rank++;
    }
    return new ColumnSpace(List.copyOf(m.subList(0, rank)));
  }

  int rank() {
    return basis.size();
  }

  /** Equal column spaces: equal canonical forms, entries compared by value across fields. */
  boolean sameAs(ColumnSpace o) {
    if (o.rank() != rank()) {
      return false;
    }
    return FieldElement.allValuesEqual(
        basis.stream().flatMap(List::stream).toList(),
        o.basis.stream().flatMap(List::stream).toList());
  }
}
