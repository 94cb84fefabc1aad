package org.lcngeo.numeric.fiber;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.numeric.ntk.DoubleMuKernel;
import org.lcngeo.numeric.ntk.NumericMu;
import org.lcngeo.numeric.rescale.NumericRescaling;

/**
 * Numeric fiber recovery for double-valued end-to-end filters (issue 4, item 4): every filter tuple
 * theta with mu(theta) = v and invariants delta(theta) = delta, one per sign class (Prop. 2,
 * Thm. 4, Thm. 13, Examples 16 and 19), in double precision. mu and J are evaluated by the
 * primitive double kernel of the plan ({@link DoubleMuKernel}).
 *
 * <p>D = 1 ({@link #recover}): pi_1(v)(1, z) = prod_l pi_{t_l}(w_l)(1, z) (eq. 8). Its roots are
 * computed ({@link PolynomialRoots}; leading zeros of v are roots z = 0, trailing zeros roots at
 * infinity), distributed among the layers ({@link LayerRootDistribution}, whose Javadoc gives the
 * complexity), each layer rebuilt from its roots, the overall scale fixed by least squares on one
 * scalar so that mu(theta) = v, then rescaled to delta (Prop. 2, {@link NumericRescaling}) and
 * put in canonical signs. Limits: roots of different layers that nearly coincide (for example the
 * t-th roots of values u near 1 for several dilations t) make pi_1(v) too ill-conditioned for
 * double precision, and points can then be missed; a generic target is not affected.
 *
 * <p>Any D, in particular D &gt;= 2 ({@link #refine}): Gauss–Newton on the residual
 * [mu(theta) - v; delta(theta) - delta] from a nearby starting tuple, solving each linearized
 * least-squares step by SVD (so a rank-deficient Jacobian at a singular point costs accuracy, not
 * a crash), with step halving.
 */
public final class NumericFiber {
  /** Default relative tolerance for deciding that two root orbits coincide (Sec. 3, Ex. 19). */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** Largest degree of pi_1(v) whose roots are computed (companion eigenvalues cost O(n^3)). */
  public static final int MAX_DEGREE = 2000;

  /** Largest number of fiber points listed (stride-one fibers can be multinomially large). */
  public static final int MAX_POINTS = 100_000;

  private static final int MAX_GAUSS_NEWTON_STEPS = 100;

  private NumericFiber() {}

  /** {@link #recover(MuPlan, double[], double[], double)} with {@link #DEFAULT_TOLERANCE}. */
  public static List<FiberPoint> recover(MuPlan plan, double[] v, double[] delta) {
    return recover(plan, v, delta, DEFAULT_TOLERANCE);
  }

  /**
   * The whole real fiber of a 1-D target, one point per projective point and sign class.
   *
   * @param plan compiled plan of a 1-D architecture
   * @param v the end-to-end filter, length {@code plan.outputSize()}, not zero
   * @param delta target invariants delta_1..delta_{H-1}
   * @param tolerance relative tolerance for equal orbits (root clusters) and real values
   * @return the points with their residuals; empty when v is not in the neuromanifold
   * @throws InvalidInputException for a target of the wrong shape, the zero target, a degree above
   *     {@link #MAX_DEGREE} or more than {@link #MAX_POINTS} points
   */
  public static List<FiberPoint> recover(
      MuPlan plan, double[] v, double[] delta, double tolerance) {
    Architecture a = plan.architecture();
    if (a.dims() != 1) {
      throw new InvalidInputException(
          "root-based fiber recovery needs a 1-D architecture; for D = " + a.dims()
              + " refine a nearby starting tuple instead");
    }
    checkTarget(plan, v, delta);
    int lo = 0;
    while (v[lo] == 0.0) {
      lo++;
    }
    int hi = v.length - 1;
    while (v[hi] == 0.0) {
      hi--;
    }
    if (hi - lo > MAX_DEGREE) {
      throw new LimitExceededException(
          "the target's polynomial has degree " + (hi - lo) + ", more than the limit of "
              + MAX_DEGREE + " for numeric root finding");
    }
    List<Complex> roots = Arrays.asList(PolynomialRoots.roots(Arrays.copyOfRange(v, lo, hi + 1)));
    int h = a.depth();
    int[] t = new int[h];
    int[] k = new int[h];
    for (int l = 0; l < h; l++) {
      t[l] = a.dilation(l)[0];
      k[l] = a.size(l)[0];
    }
    List<FiberPoint> points = new ArrayList<>();
    for (double[][] w : LayerRootDistribution.distribute(roots, lo, v.length - 1 - hi, t, k,
        tolerance, MAX_POINTS)) {
      List<List<Double>> layers = new ArrayList<>();
      for (double[] wl : w) {
        layers.add(Arrays.stream(wl).boxed().toList());
      }
      FilterTuple<Double> theta = fixScale(plan, FilterTuple.of(a, layers), v);
      theta = NumericRescaling.canonicalSigns(
          NumericRescaling.rescale(theta, Arrays.stream(delta).boxed().toList()).filters());
      points.add(point(plan, theta, v, delta));
    }
    return points;
  }

  /**
   * Gauss–Newton refinement of a starting tuple to a solution of mu(theta) = v, delta(theta) =
   * delta, any D; the result is in canonical signs. Convergence is local: start close to a fiber
   * point (the function-space flow continues from the previous point).
   *
   * @param plan compiled plan of the architecture
   * @param v the end-to-end filter, row-major, not zero
   * @param delta target invariants
   * @param start starting tuple of the same architecture
   */
  public static FiberPoint refine(
      MuPlan plan, double[] v, double[] delta, FilterTuple<Double> start) {
    checkTarget(plan, v, delta);
    if (!start.architecture().equals(plan.architecture())) {
      throw new InvalidInputException("the starting tuple belongs to another architecture");
    }
    Architecture a = plan.architecture();
    double[] theta = start.flat().stream().mapToDouble(Double::doubleValue).toArray();
    NumericMu kernel = NumericMu.of(plan);
    double[] r = residual(kernel, theta, v, delta);
    double norm = norm(r);
    for (int it = 0; it < MAX_GAUSS_NEWTON_STEPS && norm > 0; it++) {
      RealMatrix j = fullJacobian(kernel, theta);
      double[] step = new SingularValueDecomposition(j).getSolver()
          .solve(MatrixUtils.createRealVector(r)).toArray();
      boolean improved = false;
      for (int halving = 0; halving < 40 && !improved; halving++) {
        double[] trial = theta.clone();
        double f = Math.scalb(1.0, -halving);
        for (int i = 0; i < trial.length; i++) {
          trial[i] -= f * step[i];
        }
        double[] rt = residual(kernel, trial, v, delta);
        double nt = norm(rt);
        if (nt < norm) {
          improved = true;
          theta = trial;
          r = rt;
          norm = nt;
        }
      }
      if (!improved || norm(step) <= 1e-15 * norm(theta)) {
        break;
      }
    }
    FilterTuple<Double> result =
        NumericRescaling.canonicalSigns(FilterTuple.fromFlat(a, boxed(theta)));
    return point(plan, result, v, delta);
  }

  private static void checkTarget(MuPlan plan, double[] v, double[] delta) {
    Architecture a = plan.architecture();
    if (v.length != plan.outputSize()) {
      throw new InvalidInputException(
          "the target has " + v.length + " entries but the architecture's end-to-end filter has "
              + plan.outputSize());
    }
    if (delta.length != a.depth() - 1) {
      throw new InvalidInputException(
          "got " + delta.length + " invariants; the architecture needs " + (a.depth() - 1));
    }
    boolean nonZero = false;
    for (double x : v) {
      if (!Double.isFinite(x)) {
        throw new InvalidInputException("the target has a non-finite entry");
      }
      nonZero |= x != 0;
    }
    for (double d : delta) {
      if (!Double.isFinite(d)) {
        throw new InvalidInputException("the invariants must be finite numbers");
      }
    }
    if (!nonZero) {
      throw new InvalidInputException("the zero target has no fiber of non-zero filter tuples");
    }
  }

  /** Multiplies the last layer by the scalar c minimizing ||c mu(theta) - v||. */
  private static FilterTuple<Double> fixScale(MuPlan plan, FilterTuple<Double> theta, double[] v) {
    double[] m = DoubleMuKernel.of(plan).mu(flat(theta));
    double mv = 0;
    double mm = 0;
    for (int i = 0; i < v.length; i++) {
      mv += m[i] * v[i];
      mm += m[i] * m[i];
    }
    double c = mv / mm;
    List<List<Double>> layers = new ArrayList<>(theta.layers());
    int last = layers.size() - 1;
    layers.set(last, layers.get(last).stream().map(x -> x * c).toList());
    return FilterTuple.of(theta.architecture(), layers);
  }

  private static FiberPoint point(
      MuPlan plan, FilterTuple<Double> theta, double[] v, double[] delta) {
    double[] m = DoubleMuKernel.of(plan).mu(flat(theta));
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      double d = m[i] - v[i];
      s += d * d;
    }
    List<Double> inv = theta.invariants(DoubleRing.INSTANCE);
    double dr = 0;
    for (int l = 0; l < delta.length; l++) {
      dr = Math.max(dr, Math.abs(inv.get(l) - delta[l]));
    }
    return new FiberPoint(theta, Math.sqrt(s), dr);
  }

  /** [mu(theta) - v; delta(theta) - delta]. */
  private static double[] residual(NumericMu kernel, double[] theta, double[] v, double[] delta) {
    double[] m = kernel.newState().at(theta).mu();
    double[] inv = kernel.invariants(theta);
    double[] r = new double[v.length + delta.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = m[i] - v[i];
    }
    for (int l = 0; l < delta.length; l++) {
      r[v.length + l] = inv[l] - delta[l];
    }
    return r;
  }

  /** d[mu; delta]/d theta: the plan's Jacobian (Observation 3) and 2(w_{l+1}, -w_l) rows. */
  private static RealMatrix fullJacobian(NumericMu kernel, double[] theta) {
    Architecture a = kernel.architecture();
    double[][] j = kernel.newState().at(theta).jacobian();
    int n = kernel.outputSize();
    RealMatrix m = MatrixUtils.createRealMatrix(n + a.depth() - 1, theta.length);
    for (int i = 0; i < n; i++) {
      m.setRow(i, Arrays.copyOf(j[i], theta.length));
    }
    for (int l = 0; l + 1 < a.depth(); l++) {
      for (int c = a.parameterStart(l); c < a.parameterStart(l + 1); c++) {
        m.setEntry(n + l, c, -2 * theta[c]);
      }
      for (int c = a.parameterStart(l + 1); c < a.parameterStart(l + 2); c++) {
        m.setEntry(n + l, c, 2 * theta[c]);
      }
    }
    return m;
  }

  private static double[] flat(FilterTuple<Double> theta) {
    return theta.flat().stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<Double> boxed(double[] x) {
    return Arrays.stream(x).boxed().toList();
  }

  private static double norm(double[] x) {
    double s = 0;
    for (double d : x) {
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
