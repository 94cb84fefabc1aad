package org.lcngeo.numeric.flow;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.ntk.MuState;
import org.lcngeo.numeric.ntk.NumericMu;

/**
 * Where a flow ended, in the terms of Thm. 7 and Prop. 8: the gradient norm ||grad L|| (a critical
 * point when small), whether mu(theta) is (numerically) the zero filter, the rank of J against the
 * dimension of the neuromanifold (rank = dimension: mu(theta) is reached through a point where mu
 * is a submersion onto the smooth locus), the Riemannian gradient K grad l(v) in function space,
 * and the eigenvalues of the Hessian of L (a negative one at a critical point: a strict saddle,
 * which gradient flow avoids for almost all initializations).
 *
 * @param gradientNorm ||grad L(theta)||
 * @param muNorm ||mu(theta)||
 * @param zeroReference the norm mu is compared with: |v*| when the data come from a teacher,
 *     else |u| for the unconstrained minimizer u of l, else ||mu(theta(0))||
 * @param zero ||mu(theta)|| < 0.01 zeroReference
 * @param rank numerical rank of J (singular values above 1e-8 times the largest)
 * @param dimension dimension of the neuromanifold (generic rank of J, certified in core)
 * @param riemannianGradientNorm ||K grad l(mu(theta))|| with K = J J^T
 * @param hessianEigenvalues eigenvalues of the Hessian of L, ascending
 * @param strictSaddle the smallest eigenvalue is below -1e-8 times the largest magnitude
 */
public record ConvergenceDiagnostics(
    double gradientNorm,
    double muNorm,
    double zeroReference,
    boolean zero,
    int rank,
    int dimension,
    double riemannianGradientNorm,
    double[] hessianEigenvalues,
    boolean strictSaddle) {

  /** Singular values of J above this times the largest count toward its rank. */
  static final double RANK_THRESHOLD = 1e-8;

  /** Evaluates the diagnostics at theta. */
  public static ConvergenceDiagnostics at(
      NumericMu mu, QuadraticLoss loss, double[] theta, int dimension, double zeroReference) {
    int n = mu.outputSize();
    int p = mu.parameterCount();
    MuState s = mu.newState().at(theta);
    double[] g = new double[n];
    loss.gradient(s.mu(), g);
    double[] grad = new double[p];
    s.jacobianTransposeTimes(g, grad);
    double[] kg = new double[n];
    s.jacobianTimes(grad, kg);
    double[][] j = s.jacobian();
    int rank = NumericalRank.of(j, RANK_THRESHOLD);
    double[][] h = new double[p][p];
    new GradientField(mu, loss).hessian(theta, h);
    double[] eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(h)).getEigenvalues();
    java.util.Arrays.sort(eig);
    double maxAbs = Math.max(Math.abs(eig[0]), Math.abs(eig[eig.length - 1]));
    double muNorm = norm(s.mu());
    return new ConvergenceDiagnostics(
        norm(grad),
        muNorm,
        zeroReference,
        muNorm < 0.01 * zeroReference,
        rank,
        dimension,
        norm(kg),
        eig,
        eig[0] < -1e-8 * maxAbs);
  }

  static double norm(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s);
  }
}
