package org.lcngeo.numeric.flow;

import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.ntk.MuState;
import org.lcngeo.numeric.ntk.NumericMu;

/**
 * The parameter-space gradient field {@code theta' = -grad L(theta) = -J^T grad l(mu(theta))} of L =
 * l o mu (paper, Sec. 2.2), evaluated with the structured J^T r of the numeric executor (no dense
 * J); its Jacobian is minus the Hessian of L, formed exactly: {@code J^T (2A) J + sum_a g_a d^2
 * mu_a} with g = grad l(mu(theta)) ({@link QuadraticLoss#gaussNewton}: no n x n matrix when the
 * loss runs on the data). One instance per trajectory and thread; the right-hand side does not
 * allocate.
 */
public final class GradientField implements OdeSystem {
  private final NumericMu mu;
  private final QuadraticLoss loss;
  private final MuState state;
  private final double[] g;
  private long evaluations;

  public GradientField(NumericMu mu, QuadraticLoss loss) {
    if (loss.size() != mu.outputSize()) {
      throw new IllegalArgumentException("loss and network disagree on the end-to-end size");
    }
    this.mu = mu;
    this.loss = loss;
    this.state = mu.newState();
    this.g = new double[mu.outputSize()];
  }

  @Override
  public int dimension() {
    return mu.parameterCount();
  }

  @Override
  public void derivative(double[] theta, double[] out) {
    evaluations++;
    state.at(theta);
    loss.gradient(state.mu(), g);
    state.jacobianTransposeTimes(g, out);
    for (int i = 0; i < out.length; i++) {
      out[i] = -out[i];
    }
  }

  @Override
  public void jacobian(double[] theta, double[][] out) {
    hessian(theta, out);
    for (double[] row : out) {
      for (int j = 0; j < row.length; j++) {
        row[j] = -row[j];
      }
    }
  }

  /** out := the Hessian of L at theta (parameters x parameters). */
  public void hessian(double[] theta, double[][] out) {
    state.at(theta);
    loss.gradient(state.mu(), g);
    loss.gaussNewton(state.jacobianColumns(), out);
    state.addSecondOrderHessian(g, out);
  }

  /** L(theta) = l(mu(theta)). */
  public double loss(double[] theta) {
    return loss.value(state.at(theta).mu());
  }

  @Override
  public long evaluations() {
    return evaluations;
  }
}
