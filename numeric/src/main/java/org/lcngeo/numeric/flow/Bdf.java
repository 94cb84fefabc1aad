package org.lcngeo.numeric.flow;

/**
 * A variable-order (1..5), variable-step stiff integrator of the BDF family: the numerical
 * differentiation formulas (NDF) of Shampine and Reichelt, "The MATLAB ODE Suite", SIAM J. Sci.
 * Comput. 18 (1997) 1-22, Sec. 2.1-2.3, in their quasi-constant step size form (the scheme of
 * MATLAB's {@code ode15s}; SciPy's {@code BDF} implements the same formulation), with modified
 * Newton iterations on the analytic Jacobian of the system (dense, or in the low-rank form U V^T
 * of {@link OdeSystem#lowRankJacobian}, whose iteration matrix is inverted by the Woodbury formula
 * with an r x r factorization: memory O(n r), no n x n matrix).
 *
 * <p>The solution history is a table D of modified backward differences for the current step size
 * h (D_0 = y_n, D_1 = h y'_n at the start); the predictor is {@code sum_{j<=k} D_j}, the corrector
 * solves {@code (I - c J) dy = c f(y) - psi - d} with {@code c = h / alpha_k}, {@code alpha_k = (1 -
 * kappa_k) gamma_k}, {@code gamma_k = sum_{j<=k} 1/j}, {@code psi = sum_{j=1..k} gamma_j D_j /
 * alpha_k} and the NDF constants kappa = (-0.1850, -1/9, -0.0823, -0.0415, 0) (Table 1 of the
 * paper; kappa_5 = 0: order 5 is plain BDF5). The local error estimate is {@code (kappa_k gamma_k +
 * 1/(k+1)) d}, d the sum of the Newton corrections. When h changes by a factor r, the table is
 * re-expressed for the new step by the matrix {@code (R U)^T} of the interpolating polynomial
 * (Sec. 2.3). After k+1 steps of equal size the order may move by one to the neighbour whose error
 * estimate permits the largest step.
 *
 * <p>Linear algebra reuse: the Jacobian is evaluated at the start and afterwards only when the
 * Newton iteration fails to converge with a Jacobian from an earlier step (then h is halved only if
 * it fails with a fresh one). The iteration matrix {@code I - c' J} is factored again when the
 * Jacobian is new, after a failed error test, when c = h / alpha_k has moved from the factored c'
 * by more than 30%, or 20 steps after the last factorization (the setup rules of CVODE and LSODE);
 * step size and order changes within the 30% keep the factorization, the corrections scaled by
 * {@code 2 c' / (c' + c)}. Factoring at every change of h cost more than the factorizations: each
 * restarts the convergence rate estimate, and the next steps take two evaluations of f. The Newton
 * iteration stops by the test of CVODE
 * (Hindmarsh et al., "SUNDIALS: Suite of nonlinear and differential/algebraic equation solvers",
 * ACM TOMS 31 (2005) 363-396, Sec. 2.1): its error, estimated with a convergence rate carried from
 * step to step, is a tenth of the local error allowed; so most steps take one evaluation of f.
 * Errors are measured in the weighted max norm {@code max_i |e_i| / (atol + rtol |y_i|)} (as in
 * LSODA, Petzold, SIAM J. Sci. Stat. Comput. 4 (1983) 136-148) rather than the root mean square
 * of ode15s: on random LCN flows at rtol 1e-10 this halves the drift of the invariants delta (the
 * worst of 800 random flows of GradientFlowTest's property drifted by 1.1e-8 max(1, |theta_l|^2)
 * with the RMS norm, by 0.6e-8 with the max norm) for 15% more evaluations. A step size below ten units in the last place of t (a stall)
 * throws {@link
 * FlowDivergedException}: a run that returns has reached T. Grid states come from the interpolating polynomial of
 * the table (dense output), so grid times do not cut steps; only the last step is shortened to end
 * exactly at T. Only autonomous systems; allocation-free per step. An instance keeps the counts
 * of its last run ({@link #jacobians()}, {@link #factorizations()}): one instance per thread.
 */
public final class Bdf implements Integrator {
  static final int MAX_ORDER = 5;
  private static final int NEWTON_MAXITER = 3;
  private static final double NEWTON_TOL = 0.1;
  private static final double NEWTON_DIVERGENCE = 2;
  private static final double CRATE_DOWN = 0.3;
  private static final double MIN_FACTOR = 0.2;
  /**
   * The iteration matrix I - c' J is kept while |c / c' - 1| stays within this bound (CVODE's
   * DGMAX, LSODE's CCMAX) ...
   */
  private static final double MAX_C_CHANGE = 0.3;
  /**
   * ... and for at most this many steps (CVODE's MSBP), so that the convergence rate is measured
   * again on a fresh factorization (a Jacobian gone stale shows there).
   */
  private static final int MAX_STEPS_PER_FACTORIZATION = 20;
  private static final double MAX_FACTOR = 10;
  private static final double[] KAPPA = {0, -0.1850, -1.0 / 9, -0.0823, -0.0415, 0};
  private static final double[] GAMMA = new double[MAX_ORDER + 1];
  private static final double[] ALPHA = new double[MAX_ORDER + 1];
  private static final double[] ERROR_CONST = new double[MAX_ORDER + 1];
  /** U_k = R_k(1), the step-change matrices for factor 1 (Sec. 2.3), k = 1..MAX_ORDER. */
  private static final double[][][] U = new double[MAX_ORDER + 1][][];

  static {
    for (int k = 1; k <= MAX_ORDER; k++) {
      GAMMA[k] = GAMMA[k - 1] + 1.0 / k;
    }
    for (int k = 0; k <= MAX_ORDER; k++) {
      ALPHA[k] = (1 - KAPPA[k]) * GAMMA[k];
      ERROR_CONST[k] = KAPPA[k] * GAMMA[k] + 1.0 / (k + 1);
    }
    for (int k = 1; k <= MAX_ORDER; k++) {
      U[k] = new double[k + 1][k + 1];
      stepChangeMatrix(k, 1.0, U[k]);
    }
  }

  private final double rtol;
  private final double atol;
  private long jacobians;
  private long factorizations;

  /**
   * @param rtol relative tolerance
   * @param atol absolute tolerance
   */
  public Bdf(double rtol, double atol) {
    this.rtol = rtol;
    this.atol = atol;
  }

  @Override
  public long jacobians() {
    return jacobians;
  }

  @Override
  public long factorizations() {
    return factorizations;
  }

  /**
   * out := R_k(factor): {@code R[0][j] = 1}, {@code R[i][j] = prod_{m=1..i} (m - 1 - factor j) /
   * m} (the cumulative products of the Shampine-Reichelt step-change recurrence).
   */
  private static void stepChangeMatrix(int order, double factor, double[][] out) {
    for (int j = 0; j <= order; j++) {
      out[0][j] = 1;
    }
    for (int i = 1; i <= order; i++) {
      out[i][0] = 0;
      for (int j = 1; j <= order; j++) {
        out[i][j] = out[i - 1][j] * (i - 1 - factor * j) / i;
      }
    }
  }

  /** The state of one integration. */
  static final class State {
    final OdeSystem sys;
    final int n;
    final double[][] d = new double[MAX_ORDER + 3][];
    final double[][] dNew = new double[MAX_ORDER + 1][];
    final double[][] r = new double[MAX_ORDER + 1][MAX_ORDER + 1];
    final double[][] ru = new double[MAX_ORDER + 1][MAX_ORDER + 1];
    /** The rank of the system's low-rank Jacobian, 0 when it is dense. */
    final int rank;
    /** Dense: df/dy. Low rank: null. */
    final double[][] jac;
    /** Low rank: df/dy ~ U V^T (the system's, from the last {@link #jacobian}); else null. */
    LowRankJacobian lowRank;
    /** Low rank: G = V^T U; else null. */
    final double[][] gram;
    final double[] small;
    /** Dense: I - c J (n x n). Low rank: I - c G (r x r). */
    final DenseLu lu;
    /** The c of the factored iteration matrix. */
    double factoredC;
    final double[] predict;
    final double[] scale;
    final double[] psi;
    final double[] y;
    final double[] corr;
    final double[] f;
    final double[] dy;
    final double[] interp;
    /** Estimated convergence rate of the Newton iteration (1 after each factorization). */
    double crate = 1;

    State(OdeSystem sys) {
      this.sys = sys;
      this.n = sys.dimension();
      for (int i = 0; i < d.length; i++) {
        d[i] = new double[n];
      }
      for (int i = 0; i < dNew.length; i++) {
        dNew[i] = new double[n];
      }
      this.rank = sys.jacobianRank();
      if (rank > 0) {
        this.jac = null;
        this.gram = new double[rank][rank];
        this.small = new double[rank];
        this.lu = new DenseLu(rank);
      } else {
        this.jac = new double[n][n];
        this.gram = null;
        this.small = null;
        this.lu = new DenseLu(n);
      }
      this.predict = new double[n];
      this.scale = new double[n];
      this.psi = new double[n];
      this.y = new double[n];
      this.corr = new double[n];
      this.f = new double[n];
      this.dy = new double[n];
      this.interp = new double[n];
    }

    /** Re-expresses D_0..D_order for the step size h * factor (Sec. 2.3: D := (R U)^T D). */
    void changeStep(int order, double factor) {
      stepChangeMatrix(order, factor, r);
      double[][] u = U[order];
      for (int i = 0; i <= order; i++) {
        for (int j = 0; j <= order; j++) {
          double s = 0;
          for (int m = 0; m <= order; m++) {
            s += r[i][m] * u[m][j];
          }
          ru[i][j] = s;
        }
      }
      for (int j = 0; j <= order; j++) {
        double[] out = dNew[j];
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i <= order; i++) {
          double c = ru[i][j];
          double[] di = d[i];
          for (int a = 0; a < n; a++) {
            out[a] += c * di[a];
          }
        }
      }
      for (int j = 0; j <= order; j++) {
        System.arraycopy(dNew[j], 0, d[j], 0, n);
      }
    }

    /** Evaluates the Jacobian at y (densely, or U, V and G = V^T U). */
    void jacobian(double[] y) {
      if (rank == 0) {
        sys.jacobian(y, jac);
        return;
      }
      lowRank = sys.lowRankJacobian(y);
      lowRank.gram(gram);
    }

    /** Factors I - c J (dense), or I - c G for the Woodbury form of (I - c U V^T)^{-1}. */
    boolean factor(double c) {
      factoredC = c;
      double[][] g = lu.matrix();
      double[][] src = rank == 0 ? jac : gram;
      int m = rank == 0 ? n : rank;
      for (int i = 0; i < m; i++) {
        double[] gi = g[i];
        double[] ji = src[i];
        for (int j = 0; j < m; j++) {
          gi[j] = -c * ji[j];
        }
        gi[i] += 1;
      }
      return lu.decompose();
    }

    /**
     * x := (I - c J)^{-1} x; low rank: {@code (I - c U V^T)^{-1} = I + c U (I - c V^T U)^{-1}
     * V^T}.
     */
    void solve(double[] x) {
      if (rank == 0) {
        lu.solve(x);
        return;
      }
      java.util.Arrays.fill(small, 0.0);
      double[][] vRows = lowRank.vRows();
      for (int a = 0; a < n; a++) {
        axpy(small, x[a], vRows[a]);
      }
      lu.solve(small);
      lowRank.addUTimes(small, factoredC, x);
    }

    /** y += w x (from index 0, small: C2 compiles it on its own and vectorizes it). */
    private static void axpy(double[] y, double w, double[] x) {
      for (int k = 0; k < y.length; k++) {
        y[k] += w * x[k];
      }
    }

    /** max_i |x_i| / scale_i: the weighted max norm of all error and convergence tests. */
    double norm(double[] x) {
      double m = 0;
      for (int a = 0; a < n; a++) {
        m = Math.max(m, Math.abs(x[a] / scale[a]));
      }
      return m;
    }

    /**
     * The simplified Newton iteration of the corrector with the convergence test of CVODE
     * (Hindmarsh et al., ACM TOMS 31 (2005) 363-396, Sec. 2.1; Jackson and Sacks-Davis): with the
     * convergence rate estimate {@code crate = max(0.3 crate, |dy_m| / |dy_{m-1}|)}, kept from
     * step to step, the iteration has converged when {@code |dy_m| min(1, crate) E_k <= 0.1}, E_k
     * the local error constant (the iteration error is a tenth of the local error allowed), and
     * fails after 3 iterations or when a correction more than doubles. y := the solution, corr :=
     * d (the sum of the corrections); returns the number of iterations, or -1 if it failed.
     */
    int newton(double c, double errorConstant) {
      System.arraycopy(predict, 0, y, 0, n);
      java.util.Arrays.fill(corr, 0.0);
      double oldNorm = 0;
      for (int it = 0; it < NEWTON_MAXITER; it++) {
        sys.derivative(y, f);
        for (int a = 0; a < n; a++) {
          if (!Double.isFinite(f[a])) {
            return -1;
          }
          dy[a] = c * f[a] - psi[a] - corr[a];
        }
        solve(dy);
        if (c != factoredC) {
          // (I - c' J)^{-1} in place of (I - c J)^{-1}: the correction times 2 c' / (c' + c)
          // (CVODE, LSODE), between the right factors 1 (non-stiff components) and c' / c (stiff)
          double s = 2 / (1 + c / factoredC);
          for (int a = 0; a < n; a++) {
            dy[a] *= s;
          }
        }
        double dyNorm = norm(dy);
        for (int a = 0; a < n; a++) {
          y[a] += dy[a];
          corr[a] += dy[a];
        }
        if (it > 0) {
          crate = Math.max(CRATE_DOWN * crate, dyNorm / oldNorm);
        }
        if (dyNorm * Math.min(1, crate) * errorConstant <= NEWTON_TOL) {
          return it + 1;
        }
        if (!(dyNorm <= NEWTON_DIVERGENCE * oldNorm) && it > 0) {
          return -1;
        }
        oldNorm = dyNorm;
      }
      return -1;
    }

    /**
     * out := the interpolating polynomial of D_0..D_order (step h, ending at t) at time s (the
     * backward-difference form of Sec. 2.3).
     */
    void interpolate(int order, double t, double h, double s, double[] out) {
      System.arraycopy(d[0], 0, out, 0, n);
      double p = 1;
      for (int j = 1; j <= order; j++) {
        p *= (s - (t - h * (j - 1))) / (h * j);
        double[] dj = d[j];
        for (int a = 0; a < n; a++) {
          out[a] += p * dj[a];
        }
      }
    }
  }

  @Override
  public long integrate(OdeSystem sys, double[] y0, double[] grid, TrajectoryObserver observer) {
    jacobians = 0;
    factorizations = 0;
    State st = new State(sys);
    int n = st.n;
    double t = grid[0];
    double end = grid[grid.length - 1];
    observer.atGrid(0, t, y0.clone());
    int next = 1;
    System.arraycopy(y0, 0, st.d[0], 0, n);
    sys.derivative(y0, st.f);
    double h = initialStep(sys, y0, st.f, end - t, st.interp);
    for (int a = 0; a < n; a++) {
      st.d[1][a] = h * st.f[a];
    }
    st.jacobian(y0);
    jacobians++;
    boolean factored = false;
    long factoredAt = 0;
    int order = 1;
    int equalSteps = 0;
    long steps = 0;
    while (next < grid.length) {
      double minStep = 10 * Math.ulp(t);
      if (h < minStep) {
        h = rescale(st, order, h, minStep);
        equalSteps = 0;
      }
      boolean freshJacobian = false;
      double tNew;
      int iterations;
      while (true) {
        if (h < minStep) {
          throw new FlowDivergedException(
              "the stiff integrator's step size fell below the resolution of t at t = " + (float) t);
        }
        tNew = t + h;
        if (tNew >= end) {
          tNew = end;
          double hEnd = end - t;
          if (hEnd != h) {
            h = rescale(st, order, h, hEnd);
            equalSteps = 0;
          }
        }
        double[] predict = st.predict;
        double[] psi = st.psi;
        java.util.Arrays.fill(predict, 0.0);
        java.util.Arrays.fill(psi, 0.0);
        for (int j = 0; j <= order; j++) {
          double[] dj = st.d[j];
          double gj = GAMMA[j] / ALPHA[order];
          for (int a = 0; a < n; a++) {
            predict[a] += dj[a];
            psi[a] += gj * dj[a];
          }
        }
        for (int a = 0; a < n; a++) {
          st.scale[a] = atol + rtol * Math.abs(predict[a]);
        }
        double c = h / ALPHA[order];
        iterations = -1;
        while (true) {
          if (factored && (Math.abs(c / st.factoredC - 1) > MAX_C_CHANGE
              || steps - factoredAt >= MAX_STEPS_PER_FACTORIZATION)) {
            factored = false;
          }
          if (!factored) {
            factorizations++;
            factoredAt = steps;
            factored = st.factor(c);
            st.crate = 1;
          }
          if (factored) {
            iterations = st.newton(c, ERROR_CONST[order]);
          }
          if (iterations > 0 || freshJacobian) {
            break;
          }
          st.jacobian(predict);
          jacobians++;
          freshJacobian = true;
          factored = false;
        }
        if (iterations < 0) {
          Integrator.checkFinite(t, st.y);
          h = rescale(st, order, h, h * 0.5);
          equalSteps = 0;
          factored = false;
          continue;
        }
        for (int a = 0; a < n; a++) {
          st.scale[a] = atol + rtol * Math.abs(st.y[a]);
          st.dy[a] = ERROR_CONST[order] * st.corr[a];
        }
        double errorNorm = st.norm(st.dy);
        if (errorNorm > 1) {
          double safety = 0.9 * (2 * NEWTON_MAXITER + 1) / (2 * NEWTON_MAXITER + iterations);
          double factor = Math.max(MIN_FACTOR, safety * Math.pow(errorNorm, -1.0 / (order + 1)));
          h = rescale(st, order, h, h * factor);
          equalSteps = 0;
          // factored again (as in CVODE): the next try measures the convergence rate afresh
          factored = false;
          continue;
        }
        // accepted: update the differences (D_{k+2} := d - D_{k+1}, D_{k+1} := d, D_i += D_{i+1})
        double[][] d = st.d;
        for (int a = 0; a < n; a++) {
          d[order + 2][a] = st.corr[a] - d[order + 1][a];
          d[order + 1][a] = st.corr[a];
        }
        for (int i = order; i >= 0; i--) {
          double[] di = d[i];
          double[] di1 = d[i + 1];
          for (int a = 0; a < n; a++) {
            di[a] += di1[a];
          }
        }
        double safety = 0.9 * (2 * NEWTON_MAXITER + 1) / (2 * NEWTON_MAXITER + iterations);
        steps++;
        Integrator.checkBudget(steps, tNew);
        Integrator.checkFinite(tNew, d[0]);
        while (next < grid.length && grid[next] <= tNew) {
          if (grid[next] == tNew) {
            observer.atGrid(next, tNew, d[0]);
          } else {
            st.interpolate(order, tNew, h, grid[next], st.interp);
            observer.atGrid(next, grid[next], st.interp);
          }
          next++;
        }
        observer.afterStep(tNew, d[0]);
        t = tNew;
        equalSteps++;
        if (equalSteps >= order + 1) {
          double errM = order > 1
              ? st.norm(scaled(st, ERROR_CONST[order - 1], d[order])) : Double.POSITIVE_INFINITY;
          double errP = order < MAX_ORDER
              ? st.norm(scaled(st, ERROR_CONST[order + 1], d[order + 2]))
              : Double.POSITIVE_INFINITY;
          double fM = Math.pow(errM, -1.0 / order);
          double f0 = Math.pow(errorNorm, -1.0 / (order + 1));
          double fP = Math.pow(errP, -1.0 / (order + 2));
          double best = f0;
          int change = 0;
          if (fM > best) {
            best = fM;
            change = -1;
          }
          if (fP > best) {
            best = fP;
            change = 1;
          }
          order += change;
          h = rescale(st, order, h, h * Math.min(MAX_FACTOR, safety * best));
          equalSteps = 0;
        }
        break;
      }
    }
    return steps;
  }

  /** st.dy := c x (a scratch vector for the error norms of the neighbouring orders). */
  private static double[] scaled(State st, double c, double[] x) {
    for (int a = 0; a < st.n; a++) {
      st.dy[a] = c * x[a];
    }
    return st.dy;
  }

  /** Changes the step from h to hNew (re-expressing the difference table); returns hNew. */
  private static double rescale(State st, int order, double h, double hNew) {
    st.changeStep(order, hNew / h);
    return hNew;
  }

  /**
   * The starting step of Hairer, Norsett and Wanner (Solving ODEs I, Sec. II.4) for a method of
   * order 1: {@code h0 = 0.01 ||y|| / ||f||}, corrected by an estimate of the second derivative
   * from one explicit Euler step, at most the interval. tmp is scratch of length n.
   */
  private double initialStep(OdeSystem sys, double[] y, double[] f, double span, double[] tmp) {
    int n = y.length;
    double d0 = Integrator.weightedRms(y, y, rtol, atol);
    double d1 = Integrator.weightedRms(f, y, rtol, atol);
    double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
    h0 = Math.min(h0, span);
    double[] y1 = new double[n];
    for (int i = 0; i < n; i++) {
      y1[i] = y[i] + h0 * f[i];
    }
    sys.derivative(y1, tmp);
    for (int i = 0; i < n; i++) {
      tmp[i] -= f[i];
    }
    double d2 = Integrator.weightedRms(tmp, y, rtol, atol) / h0;
    double h1 = (d1 <= 1e-15 && d2 <= 1e-15)
        ? Math.max(1e-6, h0 * 1e-3)
        : Math.pow(0.01 / Math.max(d1, d2), 0.5);
    return Math.min(Math.min(100 * h0, h1), span);
  }
}
