package org.lcngeo.symbolic.fiber;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Matrices;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.symbolic.linalg.ExactLinearAlgebra;

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
    return new ColumnSpace(
        matrix.isEmpty()
            ? List.of()
            : ExactLinearAlgebra.reducedRowEchelon(Matrices.transpose(RationalRing.INSTANCE, matrix)));
  }

  int rank() {
    return basis.size();
  }
}
