package org.lcngeo.numeric.flow;

/**
 * Dormand-Prince 8(5,3) (Hairer, Norsett and Wanner, Solving ODEs I, Sec. II.10; the coefficients
 * of Hairer's {@code dop853.f}, as in SciPy's {@code DOP853}), for non-stiff runs, written for this
 * package: stages in place (no allocation per step), the first stage of a step is the last of the
 * one before (FSAL: 12 evaluations per step). A grid time inside a step gets its state from a
 * step of the same method from the step's start to the grid time (11 more evaluations; W4: about
 * 200 of 114 k steps), not from the 7th-order dense output of {@code dop853.f}: between the steps
 * of a mildly stiff gradient flow that continuous extension amplified the decayed stiff
 * components (a flow near its fit had grid states 10^4 tolerances off, and its loss rose between
 * two grid times), while a shorter step of the method stays in its stability region. The
 * accepted steps, and so the state at T, are those of the method without grid times.
 *
 * <p>Step-size control of {@code dop853.f}: the error is {@code |h| err5^2 / sqrt(n (err5^2 + 0.01
 * err3^2))} with the 5th- and 3rd-order estimates in the weighted 2-norm with scale {@code atol +
 * rtol max(|y_n|, |y_n+1|)}; the new step is {@code h / max(1/6, min(3, err^(1/8 - 0.2 beta)
 * errOld^(-beta) / 0.9))} (the PI controller of Gustafsson with Hairer's stabilization exponent
 * beta), not larger than h after a rejection, and {@code h / min(3, err^(1/8) / 0.9)} after a
 * rejection. A stage with a non-finite derivative counts as an infinite error (the step is
 * rejected and shrunk). The starting step is the heuristic of Sec. II.4 for order 8.
 */
public final class Dop853 implements Integrator {
  private static final double SAFETY = 0.9;
  /** Bounds of h_new / h. */
  private static final double MIN_FACTOR = 1.0 / 3;
  private static final double MAX_FACTOR = 6;
  /** The PI controller's beta (Hairer's dop853 default: 0, the plain controller). */
  private static final double BETA = 0.0;
  private static final double EXPONENT = 1.0 / 8 - 0.2 * BETA;
  private static final int STAGES = 12;
  /** Stage coefficients a_{s,j} (rows 1..12; row 12 is the solution weights b). */
  private static final double[][] A = {
    {},
    {0.05260015195876773},
    {0.0197250569845379, 0.0591751709536137},
    {0.02958758547680685, 0.0, 0.08876275643042054},
    {0.2413651341592667, 0.0, -0.8845494793282861, 0.924834003261792},
    {0.037037037037037035, 0.0, 0.0, 0.17082860872947386, 0.12546768756682242},
    {0.037109375, 0.0, 0.0, 0.17025221101954405, 0.06021653898045596, -0.017578125},
    {0.03709200011850479, 0.0, 0.0, 0.17038392571223998, 0.10726203044637328, -0.015319437748624402, 0.008273789163814023},
    {0.6241109587160757, 0.0, 0.0, -3.3608926294469414, -0.868219346841726, 27.59209969944671, 20.154067550477894, -43.48988418106996},
    {0.47766253643826434, 0.0, 0.0, -2.4881146199716677, -0.590290826836843, 21.230051448181193, 15.279233632882423, -33.28821096898486, -0.020331201708508627},
    {-0.9371424300859873, 0.0, 0.0, 5.186372428844064, 1.0914373489967295, -8.149787010746927, -18.52006565999696, 22.739487099350505, 2.4936055526796523, -3.0467644718982196},
    {2.273310147516538, 0.0, 0.0, -10.53449546673725, -2.0008720582248625, -17.9589318631188, 27.94888452941996, -2.8589982771350235, -8.87285693353063, 12.360567175794303, 0.6433927460157636},
    {0.054293734116568765, 0.0, 0.0, 0.0, 0.0, 4.450312892752409, 1.8915178993145003, -5.801203960010585, 0.3111643669578199, -0.1521609496625161, 0.20136540080403034, 0.04471061572777259},
  };
  private static final double[] E5 = {0.01312004499419488, 0.0, 0.0, 0.0, 0.0, -1.2251564463762044, -0.4957589496572502, 1.6643771824549864, -0.35032884874997366, 0.3341791187130175, 0.08192320648511571, -0.022355307863886294, 0.0};
  private static final double[] E3 = {-0.18980075407240762, 0.0, 0.0, 0.0, 0.0, 4.450312892752409, 1.8915178993145003, -5.801203960010585, -0.4226823213237919, -0.1521609496625161, 0.20136540080403034, 0.02265179219836082, 0.0};

  private final double rtol;
  private final double atol;

  public Dop853(double rtol, double atol) {
    this.rtol = rtol;
    this.atol = atol;
  }

  @Override
  public long integrate(OdeSystem sys, double[] y0, double[] grid, TrajectoryObserver observer) {
    int n = sys.dimension();
    double[][] k = new double[STAGES + 1][n];
    // the stages of the steps to grid times inside a step (ks[0] is the step's k[0])
    double[][] ks = new double[STAGES][];
    for (int s = 1; s < STAGES; s++) {
      ks[s] = new double[n];
    }
    double[] y = y0.clone();
    double[] yNew = new double[n];
    double[] stage = new double[n];
    double t = grid[0];
    double end = grid[grid.length - 1];
    observer.atGrid(0, t, y0.clone());
    sys.derivative(y, k[0]);
    if (!finite(k[0])) {
      throw new FlowDivergedException(
          "the flow diverged at t = " + (float) t + " (the right-hand side is not finite)");
    }
    double h = initialStep(sys, y, k[0], end - t, stage, yNew);
    double errOld = 1e-4;
    boolean rejected = false;
    long steps = 0;
    int next = 1;
    while (next < grid.length) {
      double minStep = 10 * Math.ulp(t);
      if (h < minStep) {
        throw new FlowDivergedException(
            "the Dormand-Prince step size fell below the resolution of t at t = " + (float) t);
      }
      boolean last = t + 1.01 * h >= end;
      if (last) {
        h = end - t;
      }
      stepTo(sys, y, h, k, yNew);
      sys.derivative(yNew, k[STAGES]);
      boolean ok = true;
      for (int s = 1; s <= STAGES; s++) {
        ok &= finite(k[s]);
      }
      double err = ok ? error(y, yNew, k, h) : Double.POSITIVE_INFINITY;
      double fac11 = Math.pow(err, EXPONENT);
      if (err <= 1) {
        double fac = Math.max(1 / MAX_FACTOR,
            Math.min(1 / MIN_FACTOR, fac11 / Math.pow(errOld, BETA) / SAFETY));
        double hNew = h / fac;
        errOld = Math.max(err, 1e-4);
        if (rejected) {
          hNew = Math.min(hNew, h);
          rejected = false;
        }
        double tNew = last ? end : t + h;
        steps++;
        Integrator.checkBudget(steps, tNew);
        Integrator.checkFinite(tNew, yNew);
        while (next < grid.length && grid[next] <= tNew) {
          if (grid[next] == tNew) {
            observer.atGrid(next, tNew, yNew);
          } else {
            ks[0] = k[0];
            stepTo(sys, y, grid[next] - t, ks, stage);
            observer.atGrid(next, grid[next], stage);
          }
          next++;
        }
        observer.afterStep(tNew, yNew);
        double[] swap = y;
        y = yNew;
        yNew = swap;
        swap = k[0];
        k[0] = k[STAGES];
        k[STAGES] = swap;
        t = tNew;
        h = hNew;
      } else {
        h = h / Math.min(1 / MIN_FACTOR, fac11 / SAFETY);
        rejected = true;
      }
    }
    return steps;
  }

  /** out := y + h sum_j a_j k_j. */
  private static void combine(double[] y, double h, double[] a, double[][] k, double[] out) {
    int n = y.length;
    System.arraycopy(y, 0, out, 0, n);
    for (int j = 0; j < a.length; j++) {
      double c = h * a[j];
      if (c == 0.0) {
        continue;
      }
      double[] kj = k[j];
      for (int i = 0; i < n; i++) {
        out[i] += c * kj[i];
      }
    }
  }

  private static boolean finite(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * 0.0;
    }
    return s == 0.0;
  }

  /** The error of {@code dop853.f}: |h| err5^2 / sqrt(n (err5^2 + 0.01 err3^2)). */
  private double error(double[] y, double[] yNew, double[][] k, double h) {
    int n = y.length;
    double e5 = 0;
    double e3 = 0;
    for (int i = 0; i < n; i++) {
      double sk = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
      double a5 = 0;
      double a3 = 0;
      for (int j = 0; j <= STAGES; j++) {
        double kj = k[j][i];
        a5 += E5[j] * kj;
        a3 += E3[j] * kj;
      }
      a5 /= sk;
      a3 /= sk;
      e5 += a5 * a5;
      e3 += a3 * a3;
    }
    double den = e5 + 0.01 * e3;
    if (den <= 0) {
      return 0;
    }
    return Math.abs(h) * e5 / Math.sqrt(n * den);
  }

  /**
   * out := the state one step of length h from y (the method's 8th-order solution, no error
   * estimate), ks[0] = f(y); ks[1..11] are overwritten (the stages), out serves as their scratch.
   */
  private static void stepTo(OdeSystem sys, double[] y, double h, double[][] ks, double[] out) {
    for (int s = 1; s < STAGES; s++) {
      combine(y, h, A[s], ks, out);
      sys.derivative(out, ks[s]);
    }
    combine(y, h, A[STAGES], ks, out);
  }

  /**
   * The starting step of Sec. II.4 for order 8: {@code h0 = 0.01 ||y|| / ||f||}, corrected by an
   * estimate of the second derivative from one explicit Euler step; at most the span.
   */
  private double initialStep(OdeSystem sys, double[] y, double[] f, double span, double[] y1,
      double[] f1) {
    int n = y.length;
    double d0 = Integrator.weightedRms(y, y, rtol, atol);
    double d1 = Integrator.weightedRms(f, y, rtol, atol);
    double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
    h0 = Math.min(h0, span);
    for (int i = 0; i < n; i++) {
      y1[i] = y[i] + h0 * f[i];
    }
    sys.derivative(y1, f1);
    for (int i = 0; i < n; i++) {
      f1[i] -= f[i];
    }
    double d2 = Integrator.weightedRms(f1, y, rtol, atol) / h0;
    double h1 = (d1 <= 1e-15 && d2 <= 1e-15)
        ? Math.max(1e-6, h0 * 1e-3)
        : Math.pow(0.01 / Math.max(d1, d2), 1.0 / 8);
    return Math.min(Math.min(100 * h0, h1), span);
  }
}
