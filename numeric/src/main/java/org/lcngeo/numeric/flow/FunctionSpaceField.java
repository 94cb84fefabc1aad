package org.lcngeo.numeric.flow;

import org.lcngeo.core.plan.NtkOfV;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.ShiftedColumns;
import org.lcngeo.numeric.ntk.ContinuationNtk;

/**
 * The function-space Riemannian gradient field {@code v' = -K^(delta)(v) grad l(v)} (paper, Thm. 4
 * and Cor. 6), with K^(delta) given as a function of v ({@link NtkOfV}: a closed form, or numeric
 * fiber recovery with continuation). The stiff methods' Jacobian: forward differences (n extra
 * evaluations), since K^(delta)(v) is only available pointwise; beyond small n with fiber
 * recovery, the low-rank form of {@link ContinuationNtk#linearization} (rank p, memory O(n p), K
 * never formed).
 */
public final class FunctionSpaceField implements OdeSystem {
  private final NtkOfV ntk;
  private final QuadraticLoss loss;
  private final double[] delta;
  private final double[] g;
  private final double[] f0;
  private final double[] f1;
  private final double[] shifted;
  private final long budget;
  /** The fiber recovery when K comes from it (low-rank Jacobian), else null. */
  private final ContinuationNtk recovery;
  /** The last low-rank Jacobian (its V's storage is reused), null before the first. */
  private Linearized linearized;
  private long evaluations;

  /** Thrown when the evaluation budget is spent (the flow is stuck near a singular point). */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  /**
   * @param budget the most right-hand-side evaluations allowed; beyond it {@link #derivative}
   *     throws {@link BudgetExceeded}
   */
  public FunctionSpaceField(NtkOfV ntk, QuadraticLoss loss, double[] delta, long budget) {
    this.budget = budget;
    this.ntk = ntk;
    this.loss = loss;
    this.delta = delta.clone();
    int n = loss.size();
    this.g = new double[n];
    this.f0 = new double[n];
    this.f1 = new double[n];
    this.shifted = new double[n];
    this.recovery = ntk instanceof ContinuationNtk c ? c : null;
    if (recovery != null && n >= LOW_RANK_FROM) {
      // the low-rank Jacobian does not difference K(v) x: the cheaper iteration serves
      recovery.simplify();
    }
  }

  /**
   * With fiber recovery and from this many entries on, the stiff methods get the low-rank
   * Jacobian of {@link ContinuationNtk#linearization}: below it the dense one (n forward
   * differences, an n x n LU) is cheap and exact.
   */
  static final int LOW_RANK_FROM = 64;

  @Override
  public int jacobianRank() {
    return recovery == null || g.length < LOW_RANK_FROM ? 0 : recovery.parameterCount();
  }

  /**
   * U = -J, V = 2A J + J G^{-1} H(grad l(v)) at the fiber point of v (see {@link
   * ContinuationNtk#linearization}; 2A J by {@link QuadraticLoss#addHessianTimes}, from J's
   * shifted blocks, into columns, then added to V's rows). U is kept as those blocks (a copy: the
   * recovery moves on), not as an n x p array.
   */
  @Override
  public LowRankJacobian lowRankJacobian(double[] v) {
    int n = v.length;
    int p = recovery.parameterCount();
    if (linearized == null) {
      linearized = new Linearized(n, p);
    }
    Linearized lin = linearized;
    derivative(v, f0);
    recovery.linearization(g, lin.vRows);
    ShiftedColumns jac = recovery.jacobianColumns();
    for (double[] column : lin.columns) {
      java.util.Arrays.fill(column, 0.0);
    }
    loss.addHessianTimes(jac, lin.columns);
    // V += the columns, transposed in blocks of rows (each block's rows stay in the cache)
    for (int a0 = 0; a0 < n; a0 += TRANSPOSE_BLOCK) {
      int a1 = Math.min(n, a0 + TRANSPOSE_BLOCK);
      for (int k = 0; k < p; k++) {
        double[] column = lin.columns[k];
        for (int a = a0; a < a1; a++) {
          lin.vRows[a][k] += column[a];
        }
      }
    }
    lin.jac = jac.copy();
    return lin;
  }

  /** Rows of V per block of the transposition in {@link #lowRankJacobian}. */
  private static final int TRANSPOSE_BLOCK = 16;

  /** The low-rank Jacobian U V^T with U = -J, J as shifted blocks (paper, Observation 3). */
  private static final class Linearized implements LowRankJacobian {
    /** V by rows (n x p). */
    final double[][] vRows;
    /** 2A J by columns (p x n), from {@link QuadraticLoss#addHessianTimes}. */
    final double[][] columns;
    /** J^T V by rows (p x p), for {@link #gram}. */
    final double[][] jtv;
    ShiftedColumns jac;

    Linearized(int n, int p) {
      this.vRows = new double[n][p];
      this.columns = new double[p][n];
      this.jtv = new double[p][p];
    }

    @Override
    public double[][] vRows() {
      return vRows;
    }

    @Override
    public void addUTimes(double[] y, double scale, double[] x) {
      jac.addTimes(y, -scale, x);
    }

    /**
     * V^T U = -(J^T V)^T, J^T V from J's blocks and V's rows (axpys of length p, one per entry of
     * J), not p^2 dot products of length n.
     */
    @Override
    public void gram(double[][] out) {
      jac.transposeTimesRows(vRows, jtv);
      for (int i = 0; i < out.length; i++) {
        double[] row = out[i];
        for (int k = 0; k < row.length; k++) {
          row[k] = -jtv[k][i];
        }
      }
    }
  }

  @Override
  public int dimension() {
    return loss.size();
  }

  @Override
  public void derivative(double[] v, double[] out) {
    if (++evaluations > budget) {
      throw new BudgetExceeded();
    }
    loss.gradient(v, g);
    ntk.multiply(v, delta, g, out);
    for (int a = 0; a < out.length; a++) {
      out[a] = -out[a];
    }
  }

  @Override
  public void jacobian(double[] v, double[][] out) {
    int n = v.length;
    derivative(v, f0);
    System.arraycopy(v, 0, shifted, 0, n);
    for (int j = 0; j < n; j++) {
      double e = 1.4901161193847656e-8 * Math.max(1e-3, Math.abs(v[j]));
      shifted[j] = v[j] + e;
      derivative(shifted, f1);
      shifted[j] = v[j];
      for (int i = 0; i < n; i++) {
        out[i][j] = (f1[i] - f0[i]) / e;
      }
    }
    // leave the continuation (if any) at v
    derivative(v, f0);
  }

  @Override
  public long evaluations() {
    return evaluations;
  }
}
