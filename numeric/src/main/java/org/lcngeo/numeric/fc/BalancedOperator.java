package org.lcngeo.numeric.fc;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The operator A_W of eq. 6 (Arora et al. 2018): A_W(G) = sum_{j=1}^H (W W^T)^{(H-j)/H} G
 * (W^T W)^{(j-1)/H}, which equals the NTK action K_theta (eq. 7) at every balanced theta with
 * product W. Fractional powers of the positive semidefinite W W^T and W^T W by symmetric
 * eigendecomposition (Hipparchus), eigenvalues at rounding level (64 n ulp of the largest) set to
 * zero; the power 0 is the identity.
 */
public final class BalancedOperator {
  private BalancedOperator() {}

  /** A_W(G) for depth h. */
  public static RealMatrix apply(RealMatrix w, RealMatrix g, int h) {
    RealMatrix left = w.multiplyTransposed(w);
    RealMatrix right = w.transposeMultiply(w);
    EigenDecompositionSymmetric el = new EigenDecompositionSymmetric(left);
    EigenDecompositionSymmetric er = new EigenDecompositionSymmetric(right);
    RealMatrix sum = MatrixUtils.createRealMatrix(g.getRowDimension(), g.getColumnDimension());
    for (int j = 1; j <= h; j++) {
      sum = sum.add(power(el, (double) (h - j) / h).multiply(g)
          .multiply(power(er, (double) (j - 1) / h)));
    }
    return sum;
  }

  private static RealMatrix power(EigenDecompositionSymmetric e, double p) {
    double[] lambda = e.getEigenvalues();
    double max = 0;
    for (double x : lambda) {
      max = Math.max(max, Math.abs(x));
    }
    // Eigenvalues at rounding level are zero: their fractional powers would be pure noise.
    double floor = 64 * lambda.length * Math.ulp(max);
    double[] powered = new double[lambda.length];
    for (int i = 0; i < lambda.length; i++) {
      powered[i] = p == 0 ? 1 : lambda[i] <= floor ? 0 : Math.pow(lambda[i], p);
    }
    RealMatrix v = e.getV();
    return v.multiply(MatrixUtils.createRealDiagonalMatrix(powered)).multiplyTransposed(v);
  }
}
