package org.lcngeo.numeric.fc;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.lcngeo.numeric.flow.FlowDivergedException;
import org.lcngeo.numeric.flow.ForwardDifferences;
import org.lcngeo.numeric.flow.Integrator;
import org.lcngeo.numeric.flow.OdeSystem;

/**
 * The two gradient flows of a fully connected linear network (Sec. 1.1), as right-hand sides for
 * the integrators of {@code numeric.flow}:
 *
 * <ul>
 *   <li>the parameter-space flow W_j' = -grad_{W_j} ell(W_H ... W_1) (eq. 4), which conserves the
 *       Delta_i of eq. 5;
 *   <li>the balanced flow W' = -A_W(grad ell(W)) on the product alone (eq. 6).
 * </ul>
 *
 * For balanced starts the product of the first is a solution of the second (Arora et al. 2018); for
 * unbalanced starts it is not, and two starts with the same product and the same Delta_i can move
 * differently (Example 20). The Jacobians the stiff methods need are taken by forward differences.
 */
public final class FcFlows {
  private FcFlows() {}

  /** theta' = -grad L(theta) = -J^T vec(grad ell(W)) on the flat parameters (eq. 4). */
  public static final class ParameterField implements OdeSystem {
    private final FcNetwork shape;
    private final FcLoss loss;
    private final double[] f0;
    private final double[] f1;
    private final double[] shifted;
    private long evaluations;

    public ParameterField(FcNetwork shape, FcLoss loss) {
      this.shape = shape;
      this.loss = loss;
      int n = dimension();
      this.f0 = new double[n];
      this.f1 = new double[n];
      this.shifted = new double[n];
    }

    @Override
    public int dimension() {
      return shape.network().parameterCount();
    }

    @Override
    public void derivative(double[] y, double[] out) {
      evaluations++;
      FcNetwork theta = shape.withFlat(y);
      double[] g = theta.gradient(loss.gradient(theta.product()));
      for (int i = 0; i < g.length; i++) {
        out[i] = -g[i];
      }
    }

    @Override
    public void jacobian(double[] y, double[][] out) {
      derivative(y, f0);
      ForwardDifferences.jacobian(this, y, f0, shifted, f1, out);
    }

    @Override
    public long evaluations() {
      return evaluations;
    }
  }

  /** W' = -A_W(grad ell(W)) on the row-major product W of a depth-h network (eq. 6). */
  public static final class BalancedField implements OdeSystem {
    private final int rows;
    private final int cols;
    private final int depth;
    private final FcLoss loss;
    private final long budget;
    private final double[] f0;
    private final double[] f1;
    private final double[] shifted;
    private long evaluations;

    /**
     * @param budget the most right-hand-side evaluations allowed: beyond it the flow is taken to
     *     have stalled at a rank-deficient W ({@link FlowDivergedException})
     */
    public BalancedField(int rows, int cols, int depth, FcLoss loss, long budget) {
      this.budget = budget;
      this.rows = rows;
      this.cols = cols;
      this.depth = depth;
      this.loss = loss;
      this.f0 = new double[rows * cols];
      this.f1 = new double[rows * cols];
      this.shifted = new double[rows * cols];
    }

    @Override
    public int dimension() {
      return rows * cols;
    }

    @Override
    public void derivative(double[] y, double[] out) {
      if (++evaluations > budget) {
        throw new FlowDivergedException("the balanced flow used its " + budget
            + " evaluations: stalled where W W^T or W^T W is singular");
      }
      RealMatrix w = matrix(y, rows, cols);
      double[] f = flat(BalancedOperator.apply(w, loss.gradient(w), depth));
      for (int i = 0; i < f.length; i++) {
        out[i] = -f[i];
      }
    }

    @Override
    public void jacobian(double[] y, double[][] out) {
      derivative(y, f0);
      ForwardDifferences.jacobian(this, y, f0, shifted, f1, out);
    }

    @Override
    public long evaluations() {
      return evaluations;
    }
  }

  /** theta at every time of the grid (grid[0] the start) of the parameter-space flow (eq. 4). */
  public static List<FcNetwork> parameterFlow(
      FcNetwork start, FcLoss loss, double[] grid, Integrator integrator) {
    List<FcNetwork> out = new ArrayList<>();
    for (double[] y : atGrid(new ParameterField(start, loss), start.flat(), grid, integrator)) {
      out.add(start.withFlat(y));
    }
    return out;
  }

  /**
   * W at every time of the grid of the balanced flow of eq. 6 of a depth-h network. Meant for W of
   * full rank with W W^T and W^T W invertible (square W): where they are singular the fractional
   * powers are not Lipschitz and the step size collapses.
   */
  public static List<RealMatrix> balancedFlow(
      RealMatrix w0, int h, FcLoss loss, double[] grid, Integrator integrator) {
    int rows = w0.getRowDimension();
    int cols = w0.getColumnDimension();
    List<RealMatrix> out = new ArrayList<>();
    for (double[] y :
        atGrid(new BalancedField(rows, cols, h, loss, Long.MAX_VALUE), flat(w0), grid, integrator)) {
      out.add(matrix(y, rows, cols));
    }
    return out;
  }

  private static List<double[]> atGrid(
      OdeSystem system, double[] y0, double[] grid, Integrator integrator) {
    List<double[]> out = new ArrayList<>();
    integrator.integrate(system, y0, grid, (k, t, y) -> out.add(y.clone()));
    return out;
  }

  static double[] flat(RealMatrix m) {
    int c = m.getColumnDimension();
    double[] y = new double[m.getRowDimension() * c];
    for (int i = 0; i < m.getRowDimension(); i++) {
      System.arraycopy(m.getRow(i), 0, y, i * c, c);
    }
    return y;
  }

  static RealMatrix matrix(double[] y, int rows, int cols) {
    RealMatrix m = MatrixUtils.createRealMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m.setEntry(i, j, y[i * cols + j]);
      }
    }
    return m;
  }
}
