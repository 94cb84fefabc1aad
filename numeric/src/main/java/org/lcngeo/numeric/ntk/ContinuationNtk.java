package org.lcngeo.numeric.ntk;

import org.lcngeo.core.plan.NtkOfV;
import org.lcngeo.numeric.data.ShiftedColumns;

/**
 * K^(delta)(v) computed from v and delta alone by numeric fiber recovery with continuation: at each
 * call, Gauss-Newton on {@code F(theta) = [mu(theta) - v; delta(theta) - delta] = 0}, starting from
 * the previous solution (initially a given theta_0 on the trajectory), then K = J J^T at that theta
 * (Thm. 4 / Cor. 6: where mu is generically one-to-one up to scaling, the point with given
 * invariants is unique up to signs and K does not depend on which one). Where the fiber has several
 * points (1-D with a stride one, Sec. 2.3 and Ex. 19), the continuation follows whichever branch
 * Newton's method reaches, which is exactly where the metric stops being a function of v.
 *
 * <p>Matrix-free apart from the p x p normal matrix {@code G = J^T J + D^T D} (D: the rows of
 * d delta), which is formed by correlations of the partial products ({@link
 * MuState#jacobianGram}); the residual gradient {@code J^T r + D^T r_delta} comes from the plan's
 * correlations. Gauss-Newton proper forms G at every iterate; after {@link #simplify()} G and its
 * Cholesky factor are kept from call to call and formed again only where the iteration contracts
 * by less than {@link #REFRESH_RATE} or takes a large step (consecutive calls of an integrator ask
 * for nearby v, so most calls take a few cheap iterations and no factorization). The simplified
 * iteration is a fixed-point iteration, converging linearly with the mismatch of the kept G; it is
 * accelerated by Anderson mixing of its last {@link #ANDERSON_DEPTH} steps (Walker and Ni, SIAM J.
 * Numer. Anal. 49 (2011)), which removes the slow directions of that mismatch at the cost of a few
 * dot products of length p, and it starts from a predictor along the path ({@link #predict}:
 * quadratic through the last three fiber points where it fits the jump, else a secant): W6a's
 * calls take 4.8 iterations instead of 6.2 with the secant, and W6b forms G a quarter less often
 * with the quadratic one. K x is applied as J (J^T x), never
 * formed: memory O(n p).
 *
 * <p>Stateful: one instance per trajectory and thread.
 */
public final class ContinuationNtk implements NtkOfV {
  private static final int MAX_ITERATIONS = 20;
  /** A contraction factor of the simplified iteration above which G is formed again. */
  static final double REFRESH_RATE = 0.2;
  /** A step (relative to 1 + |theta|) after which G is formed again at the new point. */
  private static final double LARGE_STEP = 1e-2;
  /**
   * The last step (relative) up to which a stalled iteration counts as having reached the
   * least-squares point; beyond it the continuation returns to where the call began.
   */
  private static final double STALLED_STEP = 1e-6;
  /** The solution's accuracy, relative to 1 + |theta|. */
  private static final double ACCURACY = 1e-13;
  /** How many earlier steps of the simplified iteration Anderson mixing combines. */
  static final int ANDERSON_DEPTH = 3;
  private final NumericMu mu;
  private final MuState state;
  private final double[] theta;
  /** Whether G is kept from call to call (see {@link #simplify()}). */
  private boolean simplified;
  /** Whether the last call failed to converge (simplified iteration only). */
  private boolean lost;
  /** theta when the current call began. */
  private final double[] start;
  private final double[] step;
  private final double[] rhs;
  private final double[] residual;
  private final double[] deltaNow;
  private final double[][] normal;
  private final SmallLinearSolver solver;
  /** Whether the solver holds a factor of G (at some recent point). */
  private boolean factored;
  /** Anderson mixing: differences of iterates and of their steps, a ring of the last few. */
  private final double[][] iterateChanges;
  private final double[][] stepChanges;
  private final double[] previousIterate;
  private final double[] previousF;
  private final double[][] mixingNormal;
  private final double[] mixing;
  /** Pairs in the rings, and the slot the next one takes. */
  private int pairs;
  private int nextPair;
  /** Whether previousIterate and previousF (= -step) hold the last iterate under the current G. */
  private boolean havePrevious;
  /** The secant predictor's anchors (see {@link #predict}): v and theta, newest first. */
  private double[] anchorV1;
  private double[] anchorV2;
  private double[] anchorTheta1;
  private double[] anchorTheta2;
  private double[] anchorV3;
  private double[] anchorTheta3;
  private int anchors;
  /** The v of the last call. */
  private final double[] lastV;
  /** G^{-1} H of {@link #linearization} (p x p), allocated on its first call. */
  private double[][] product;

  public ContinuationNtk(NumericMu mu, double[] theta0) {
    this.mu = mu;
    this.state = mu.newState();
    this.theta = theta0.clone();
    this.start = theta0.clone();
    int p = mu.parameterCount();
    int n = mu.outputSize();
    this.step = new double[p];
    this.rhs = new double[p];
    this.residual = new double[n];
    this.deltaNow = new double[mu.depth() - 1];
    this.normal = new double[p][p];
    this.solver = new SmallLinearSolver(p);
    this.iterateChanges = new double[ANDERSON_DEPTH][p];
    this.stepChanges = new double[ANDERSON_DEPTH][p];
    this.previousIterate = new double[p];
    this.previousF = new double[p];
    this.mixingNormal = new double[ANDERSON_DEPTH][ANDERSON_DEPTH + 1];
    this.mixing = new double[ANDERSON_DEPTH];
    this.anchorV1 = new double[n];
    this.anchorV2 = new double[n];
    this.anchorTheta1 = new double[p];
    this.anchorTheta2 = new double[p];
    this.anchorV3 = new double[n];
    this.anchorTheta3 = new double[p];
    this.lastV = new double[n];
  }

  @Override
  public double[][] ntk(double[] v, double[] delta) {
    solve(v, delta);
    double[][] k = state.at(theta).ntk();
    if (lost) {
      for (double[] row : k) {
        java.util.Arrays.fill(row, Double.NaN);
      }
    }
    return k;
  }

  /** out := K x = J (J^T x) at the recovered fiber point, without forming K. */
  @Override
  public void multiply(double[] v, double[] delta, double[] x, double[] out) {
    solve(v, delta);
    if (lost) {
      // no fiber point found: K(v) is unknown here (an integrator rejects the step)
      java.util.Arrays.fill(out, Double.NaN);
      return;
    }
    state.at(theta).jacobianTransposeTimes(x, step);
    state.jacobianTimes(step, out);
  }

  /**
   * From now on keeps G and its factor from call to call (a simplified Gauss-Newton iteration,
   * which converges linearly to the accuracy {@code 1e-13 (1 + |theta|)} and forms G again where
   * it contracts slowly or a step is large), and answers a call that does not converge with NaN
   * instead of the point where it stopped. Without it every iteration forms G (Gauss-Newton
   * proper, converging quadratically to rounding level), which a Jacobian by differences of K(v)
   * x needs.
   */
  public void simplify() {
    simplified = true;
  }

  /**
   * Moves the continuation to a theta with mu(theta) = v (in the least-squares sense when v is
   * slightly off the neuromanifold) and the given invariants; returns it (a view).
   */
  public double[] solve(double[] v, double[] delta) {
    int p = mu.parameterCount();
    int n = mu.outputSize();
    int h = mu.depth();
    System.arraycopy(theta, 0, start, 0, p);
    if (simplified) {
      predict(v);
    }
    double previousStep = Double.NaN;
    double sn = Double.NaN;
    double size = 1;
    boolean converged = false;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      state.at(theta);
      double[] m = state.mu();
      for (int a = 0; a < n; a++) {
        residual[a] = m[a] - v[a];
      }
      mu.invariants(theta, deltaNow);
      // the gradient of (|r|^2 + |r_delta|^2) / 2: J^T r + D^T r_delta
      state.jacobianTransposeTimes(residual, rhs);
      for (int l = 0; l + 1 < h; l++) {
        // d delta_l = 2 w_{l+1} . dw_{l+1} - 2 w_l . dw_l
        double r = deltaNow[l] - delta[l];
        for (int i = mu.layerStart(l); i < mu.layerStart(l + 1); i++) {
          rhs[i] -= 2 * theta[i] * r;
        }
        for (int i = mu.layerStart(l + 1); i < mu.layerStart(l + 2); i++) {
          rhs[i] += 2 * theta[i] * r;
        }
      }
      boolean freshG = !factored || !simplified;
      if (freshG) {
        formNormalMatrix();
        if (!solver.factor(normal)) {
          break;
        }
        factored = true;
      }
      solver.solve(rhs, step);
      if (simplified) {
        mix(freshG);
      }
      double ss = 0;
      double tn = 0;
      for (int i = 0; i < p; i++) {
        theta[i] -= step[i];
        ss += step[i] * step[i];
        tn += theta[i] * theta[i];
      }
      sn = Math.sqrt(ss);
      size = 1 + Math.sqrt(tn);
      // the contraction factor (NaN on the first step: unknown)
      double previous = previousStep;
      double rate = sn / previous;
      previousStep = sn;
      // converged: to rounding level, or the iteration's remaining error (a geometric series of
      // ratio `rate`) is below it
      converged = sn <= ACCURACY * size || (simplified
          ? rate < 0.5 && sn * rate / (1 - rate) <= ACCURACY * size
          : sn <= 1e-9 * size && sn <= 1e-6 * previous);
      if (converged) {
        break;
      }
      if (freshG && it >= 2 && rate > 0.5) {
        // not contracting with G at the point: v off the neuromanifold (the least-squares point
        // is reached) or a singular point, where Gauss-Newton stalls
        break;
      }
      if (rate > REFRESH_RATE || sn > LARGE_STEP * size) {
        // a large step, or G from an earlier point contracts too slowly: Gauss-Newton proper
        factored = false;
      }
    }
    lost = simplified && !converged && !(sn <= STALLED_STEP * size);
    if (lost) {
      // a jump too far for the iteration, or a singular point: keep the last good point
      System.arraycopy(start, 0, theta, 0, p);
      factored = false;
      anchors = 0;
    } else if (simplified && converged) {
      anchor(v);
    }
    System.arraycopy(v, 0, lastV, 0, n);
    havePrevious = false;
    return theta;
  }

  /**
   * The predictor of the simplified iteration: the integrator's calls come in runs of nearby v (its
   * Newton iterations) separated by jumps of one step along the trajectory. With the fiber points
   * of the last three runs (anchors a1, a2, a3), the jump is fitted by the anchors' last two
   * differences, v - v_last = a (a1.v - a2.v) + b (a2.v - a3.v) + e (least squares), and the
   * iteration starts from theta + a (a1.theta - a2.theta) + b (a2.theta - a3.theta): exact where v
   * and theta move on a common quadratic path (equal steps: a = 2, b = -1), an error of third order
   * in the step (W6b forms G a quarter less often than with the secant). Where that fit declines
   * (|e| above half of |v - v_last|, nearly parallel differences, a coefficient beyond 4) or there
   * are two anchors, the secant: a jump mostly along a1.v - a2.v, v - v_last = alpha (a1.v - a2.v)
   * + e with |e| at most half of |v - v_last|, starts from theta + alpha (a1.theta - a2.theta)
   * (W6a: a jump moves theta by about 1e-3 of its size; from the secant's start the iteration
   * needs two or three steps fewer).
   */
  private void predict(double[] v) {
    if (anchors < 2) {
      return;
    }
    boolean three = anchors >= 3;
    int n = v.length;
    double d11 = 0;
    double d12 = 0;
    double d22 = 0;
    double j1 = 0;
    double j2 = 0;
    double jj = 0;
    for (int i = 0; i < n; i++) {
      double d1 = anchorV1[i] - anchorV2[i];
      double j = v[i] - lastV[i];
      d11 += d1 * d1;
      j1 += j * d1;
      jj += j * j;
      if (three) {
        double d2 = anchorV2[i] - anchorV3[i];
        d12 += d1 * d2;
        d22 += d2 * d2;
        j2 += j * d2;
      }
    }
    if (!(d11 > 0) || !(jj > 0)) {
      return;
    }
    double det = d11 * d22 - d12 * d12;
    if (three && det > 1e-6 * d11 * d22) {
      double a = (j1 * d22 - j2 * d12) / det;
      double b = (j2 * d11 - j1 * d12) / det;
      // |e|^2 = |j|^2 - (a j.d1 + b j.d2) for the projection
      if (a > 0 && a <= 4 && Math.abs(b) <= 4 && jj - (a * j1 + b * j2) <= 0.25 * jj) {
        for (int i = 0; i < theta.length; i++) {
          theta[i] +=
              a * (anchorTheta1[i] - anchorTheta2[i]) + b * (anchorTheta2[i] - anchorTheta3[i]);
        }
        return;
      }
    }
    double alpha = j1 / d11;
    // |e|^2 = |j|^2 - alpha^2 |d|^2 for the projection
    if (!(alpha > 0 && alpha <= 4 && jj - alpha * j1 <= 0.25 * jj)) {
      return;
    }
    for (int i = 0; i < theta.length; i++) {
      theta[i] += alpha * (anchorTheta1[i] - anchorTheta2[i]);
    }
  }

  /**
   * After a converged call: v becomes the newest anchor when it lies at least a thousandth of the
   * anchors' spacing from the newest one (a new run of calls), else it only refines it (the
   * integrator's Newton iterations move v much less).
   */
  private void anchor(double[] v) {
    int n = v.length;
    double moved = 0;
    double spacing = 0;
    for (int a = 0; a < n; a++) {
      double m = v[a] - anchorV1[a];
      moved += m * m;
      if (anchors >= 2) {
        double s = anchorV1[a] - anchorV2[a];
        spacing += s * s;
      }
    }
    if (anchors == 0 || (moved > 1e-6 * spacing && moved > 0)) {
      double[] t = anchorV3;
      anchorV3 = anchorV2;
      anchorV2 = anchorV1;
      anchorV1 = t;
      t = anchorTheta3;
      anchorTheta3 = anchorTheta2;
      anchorTheta2 = anchorTheta1;
      anchorTheta1 = t;
      anchors = Math.min(anchors + 1, 3);
    }
    System.arraycopy(v, 0, anchorV1, 0, n);
    System.arraycopy(theta, 0, anchorTheta1, 0, theta.length);
  }

  /**
   * Anderson mixing of the simplified iteration theta -> theta - step (step = G^{-1} grad at
   * theta, G kept): with the last pairs of differences of iterates (dX) and of steps (dF, f = -step)
   * under the same G, gamma minimizes |f - dF gamma| and the next iterate is theta + f - (dX + dF)
   * gamma; {@code step} is replaced by theta minus that iterate. Without a pair (the first
   * iteration, or a G formed this iteration) it is the plain step.
   */
  private void mix(boolean freshG) {
    int p = step.length;
    if (freshG) {
      pairs = 0;
      nextPair = 0;
      havePrevious = false;
    }
    if (havePrevious) {
      double[] dx = iterateChanges[nextPair];
      double[] df = stepChanges[nextPair];
      for (int i = 0; i < p; i++) {
        dx[i] = theta[i] - previousIterate[i];
        df[i] = -step[i] - previousF[i];
      }
      nextPair = (nextPair + 1) % ANDERSON_DEPTH;
      pairs = Math.min(pairs + 1, ANDERSON_DEPTH);
    }
    System.arraycopy(theta, 0, previousIterate, 0, p);
    for (int i = 0; i < p; i++) {
      previousF[i] = -step[i];
    }
    havePrevious = true;
    if (pairs == 0 || !mixingCoefficients()) {
      return;
    }
    for (int j = 0; j < pairs; j++) {
      double gj = mixing[j];
      double[] dx = iterateChanges[j];
      double[] df = stepChanges[j];
      for (int i = 0; i < p; i++) {
        // next = theta + f - gamma (dX + dF); step = theta - next
        step[i] += gj * (dx[i] + df[i]);
      }
    }
  }

  /**
   * gamma := argmin |f - dF gamma| over the stored pairs (normal equations, Gaussian elimination
   * with partial pivoting); false, and the history cleared, when they are numerically singular.
   */
  private boolean mixingCoefficients() {
    int k = pairs;
    int p = step.length;
    double[][] a = mixingNormal;
    for (int r = 0; r < k; r++) {
      double[] dr = stepChanges[r];
      for (int c = r; c < k; c++) {
        double[] dc = stepChanges[c];
        double s = 0;
        for (int i = 0; i < p; i++) {
          s += dr[i] * dc[i];
        }
        a[r][c] = s;
        a[c][r] = s;
      }
      double b = 0;
      for (int i = 0; i < p; i++) {
        b += dr[i] * previousF[i];
      }
      a[r][k] = b;
    }
    double scale = 0;
    for (int r = 0; r < k; r++) {
      scale = Math.max(scale, a[r][r]);
    }
    for (int c = 0; c < k; c++) {
      int pivot = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      if (!(Math.abs(a[pivot][c]) > 1e-12 * scale)) {
        pairs = 0;
        nextPair = 0;
        return false;
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      for (int r = c + 1; r < k; r++) {
        double f = a[r][c] / a[c][c];
        for (int j = c; j <= k; j++) {
          a[r][j] -= f * a[c][j];
        }
      }
    }
    for (int r = k - 1; r >= 0; r--) {
      double s = a[r][k];
      for (int j = r + 1; j < k; j++) {
        s -= a[r][j] * mixing[j];
      }
      mixing[r] = s / a[r][r];
    }
    return true;
  }

  /** G := J^T J + D^T D at theta (the state at theta). */
  private void formNormalMatrix() {
    state.jacobianGram(normal);
    for (int l = 0; l + 1 < mu.depth(); l++) {
      int a0 = mu.layerStart(l);
      int a1 = mu.layerStart(l + 1);
      int a2 = mu.layerStart(l + 2);
      // row D_l: -2 w_l on block l, +2 w_{l+1} on block l+1
      for (int i = a0; i < a2; i++) {
        double di = i < a1 ? -2 * theta[i] : 2 * theta[i];
        for (int j = a0; j < a2; j++) {
          double dj = j < a1 ? -2 * theta[j] : 2 * theta[j];
          normal[i][j] += di * dj;
        }
      }
    }
  }

  /**
   * The parts of the Jacobian of {@code v -> -K(v) x} (x = grad l(v), held fixed) at the current
   * fiber point theta(v) (the last {@link #solve}'s), without the derivative of the tangent space
   * (the term {@code dJ[dtheta] J^T x}, which vanishes where J^T x = 0, at a critical point of the
   * parameter flow): rows := J G^{-1} H(x) by rows (n x p), with H(x) = sum_a x_a d^2 mu_a (Prop.
   * 8's blocks) and G = J^T J + D^T D, formed here; J itself is {@link #jacobianColumns()}
   * afterwards. Then {@code d(-K x) = -J (J^T dx + H(x) G^{-1} J^T dv)} for dv along the
   * neuromanifold (dtheta = G^{-1} J^T dv keeps delta), so with dx = 2A dv the field's Jacobian
   * is {@code -J (2A J + J G^{-1} H)^T}. J G^{-1} H is one product of J's shifted blocks with
   * G^{-1} H by rows ({@link ShiftedColumns#addTimesRows}).
   */
  public void linearization(double[] x, double[][] rows) {
    int p = mu.parameterCount();
    if (product == null) {
      product = new double[p][p];
    }
    state.at(theta);
    formNormalMatrix();
    factored = solver.factor(normal);
    double[][] hx = normal;
    for (double[] row : hx) {
      java.util.Arrays.fill(row, 0.0);
    }
    state.addSecondOrderHessian(x, hx);
    for (double[] row : rows) {
      java.util.Arrays.fill(row, 0.0);
    }
    if (!factored) {
      return;
    }
    for (int k = 0; k < p; k++) {
      // H symmetric: column k of G^{-1} H is G^{-1} (row k of H)
      solver.solve(hx[k], step);
      for (int i = 0; i < p; i++) {
        product[i][k] = step[i];
      }
    }
    state.jacobianColumns().addTimesRows(product, rows);
  }

  /**
   * J at the current fiber point (that of the last {@link #solve} or {@link #linearization}), as
   * shifted blocks: a view, valid until the next call of this object ({@link ShiftedColumns#copy}
   * keeps it).
   */
  public ShiftedColumns jacobianColumns() {
    return state.jacobianColumns();
  }

  /** Number of parameters p. */
  public int parameterCount() {
    return mu.parameterCount();
  }
}
