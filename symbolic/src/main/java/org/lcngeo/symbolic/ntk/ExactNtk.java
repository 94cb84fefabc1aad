package org.lcngeo.symbolic.ntk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.Limits;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.core.plan.Neuromanifold;

/**
 * The exact executor of the compiled plan of mu over Q: end-to-end filter, Jacobian, the layer
 * kernels K_l = J_l J_l^T, the NTK K = J J^T = sum_l K_l, the rank of J and the invariants, at a
 * rational filter tuple.
 *
 * <p>How (Observation 3 and eq. 8 / Lemma 9): each layer is scaled by the common denominator d_l
 * of its entries to an integer filter, so every partial product P_{-l} = prod_{i != l}
 * pi_{t_i}(w_i) is an integer vector over the denominator D / d_l, D = prod_l d_l (computed once
 * by {@link MuPlan#partialProduct}). Column (l, j) of J is P_{-l} shifted by {@code
 * plan.offsets(l)[j]}, hence {@code K_l = sum_j S_j P_{-l} P_{-l}^T S_j^T} and {@code K = (sum_l
 * d_l^2 K_l^int) / D^2}. That sum runs over the non-zeros of P_{-l} only, fills the upper triangle
 * (K is symmetric) and runs in {@code long} whenever an a-priori bound (Cauchy-Schwarz:
 * sum_l d_l^2 ||P_{-l}||^2 < 2^63) rules out overflow, in {@link BigInteger} otherwise.
 *
 * <p>Results are computed on first use and cached; instances are safe to share between threads.
 */
public final class ExactNtk {
  private final MuPlan plan;
  private final FilterTuple<BigFraction> theta;
  private final int n;
  private final BigInteger[] scales;
  private final BigInteger denominator;
  private final FilterTuple<BigInteger> integers;
  private final int[][] nonZeros;
  private final BigInteger[][] values;
  private ScaledIntegerMatrix ntk;
  private List<ScaledIntegerMatrix> layerKernels;
  private ScaledIntegerMatrix jacobian;
  private Integer rank;

  private ExactNtk(MuPlan plan, FilterTuple<BigFraction> theta) {
    if (!plan.architecture().equals(theta.architecture())) {
      throw new IllegalArgumentException("the plan belongs to another architecture");
    }
    this.plan = plan;
    this.theta = theta;
    this.n = plan.outputSize();
    int h = theta.depth();
    scales = new BigInteger[h];
    BigInteger d = BigInteger.ONE;
    List<List<BigInteger>> layers = new ArrayList<>(h);
    for (int l = 0; l < h; l++) {
      BigInteger s = BigInteger.ONE;
      for (BigFraction x : theta.layer(l)) {
        s = ScaledIntegerMatrix.lcm(s, x.getDenominator());
      }
      scales[l] = s;
      d = d.multiply(s);
      List<BigInteger> w = new ArrayList<>(theta.layer(l).size());
      for (BigFraction x : theta.layer(l)) {
        w.add(x.getNumerator().multiply(s.divide(x.getDenominator())));
      }
      layers.add(w);
    }
    denominator = d;
    integers = FilterTuple.of(theta.architecture(), layers);
    nonZeros = new int[h][];
    values = new BigInteger[h][];
    for (int l = 0; l < h; l++) {
      List<BigInteger> p = plan.partialProduct(IntegerRing.INSTANCE, integers, l);
      int count = 0;
      for (BigInteger x : p) {
        count += x.signum() != 0 ? 1 : 0;
      }
      nonZeros[l] = new int[count];
      values[l] = new BigInteger[count];
      int c = 0;
      for (int a = 0; a < p.size(); a++) {
        if (p.get(a).signum() != 0) {
          nonZeros[l][c] = a;
          values[l][c++] = p.get(a);
        }
      }
    }
  }

  /** The executor at theta, compiling the plan of its architecture. */
  public static ExactNtk of(FilterTuple<BigFraction> theta) {
    return new ExactNtk(MuPlan.compile(theta.architecture()), theta);
  }

  /** The executor at theta with an already compiled plan of its architecture. */
  public static ExactNtk of(MuPlan plan, FilterTuple<BigFraction> theta) {
    return new ExactNtk(plan, theta);
  }

  public MuPlan plan() {
    return plan;
  }

  public Architecture architecture() {
    return plan.architecture();
  }

  /** The filter tuple this executor runs at. */
  public FilterTuple<BigFraction> filters() {
    return theta;
  }

  /** The end-to-end filter mu(theta), row-major (eq. 8, Lemma 9). */
  public List<BigFraction> endToEnd() {
    List<BigInteger> p = plan.multiplyByLayer(
        IntegerRing.INSTANCE, partialVector(0), 0, integers.layer(0));
    List<BigFraction> v = new ArrayList<>(n);
    for (BigInteger x : p) {
      v.add(new BigFraction(x, denominator));
    }
    return v;
  }

  /** The invariants delta_l = ||w_{l+1}||^2 - ||w_l||^2, l = 1..H-1 (eq. 1). */
  public List<BigFraction> invariants() {
    return theta.invariants(RationalRing.INSTANCE);
  }

  /**
   * The Jacobian J of mu at theta over the common denominator D: rows are end-to-end entries
   * (row-major), columns the parameters (w_1, ..., w_H); column (l, j) is P_{-l} shifted by {@code
   * plan.offsets(l)[j]} (Observation 3).
   */
  public synchronized ScaledIntegerMatrix scaledJacobian() {
    if (jacobian == null) {
      jacobian = ScaledIntegerMatrix.ofBigIntegers(
          n, architecture().parameterCount(), integerJacobian(true), denominator);
    }
    return jacobian;
  }

  /**
   * The layer block J_l of the Jacobian (0-based layer l): n rows, one column per entry of w_l;
   * column j is P_{-l} shifted by {@code plan.offsets(l)[j]}, over the denominator D / d_l.
   */
  public ScaledIntegerMatrix jacobianBlock(int l) {
    int[] off = plan.offsets(l);
    checkDense(n, off.length, "the Jacobian block");
    BigInteger[] j = new BigInteger[n * off.length];
    for (int c = 0; c < nonZeros[l].length; c++) {
      for (int jj = 0; jj < off.length; jj++) {
        j[(nonZeros[l][c] + off[jj]) * off.length + jj] = values[l][c];
      }
    }
    return ScaledIntegerMatrix.ofBigIntegers(n, off.length, j, denominator.divide(scales[l]));
  }

  /** The Jacobian J of mu at theta as rows of fractions (see {@link #scaledJacobian()}). */
  public List<List<BigFraction>> jacobian() {
    return scaledJacobian().toFractions();
  }

  /**
   * K_l = J_l J_l^T for layer l (0-based), exactly; it does not depend on w_l (Observation 3).
   *
   * @throws org.lcngeo.core.LimitExceededException when n x n exceeds {@link Limits}
   */
  public ScaledIntegerMatrix layerKernel(int l) {
    return layerKernels().get(l);
  }

  /** The H layer kernels K_1..K_H (list index l - 1), exactly. */
  public synchronized List<ScaledIntegerMatrix> layerKernels() {
    if (layerKernels == null) {
      List<ScaledIntegerMatrix> out = new ArrayList<>();
      for (int l = 0; l < theta.depth(); l++) {
        BigInteger dl = denominator.divide(scales[l]);
        out.add(kernel(new int[] {l}, new BigInteger[] {BigInteger.ONE}, dl.multiply(dl)));
      }
      layerKernels = Collections.unmodifiableList(out);
    }
    return layerKernels;
  }

  /**
   * The NTK K = J J^T = sum_l K_l at theta, exactly, over the denominator D^2.
   *
   * @throws org.lcngeo.core.LimitExceededException when n x n exceeds {@link Limits}
   */
  public synchronized ScaledIntegerMatrix ntk() {
    if (ntk == null) {
      int h = theta.depth();
      int[] all = new int[h];
      BigInteger[] weights = new BigInteger[h];
      for (int l = 0; l < h; l++) {
        all[l] = l;
        weights[l] = scales[l].multiply(scales[l]);
      }
      ntk = kernel(all, weights, denominator.multiply(denominator));
    }
    return ntk;
  }

  /**
   * The rank of J over Q, certain: the rank mod p of the integer Jacobian is a lower bound, the
   * certified dimension of the neuromanifold an upper bound (the rank at any point is at most the
   * generic rank); when they differ, fraction-free elimination decides ({@link ExactRank}).
   *
   * @throws LimitExceededException when J is too large to hold densely ({@link Limits})
   */
  public synchronized int rank() {
    if (rank == null) {
      Neuromanifold.Result dim = Neuromanifold.compute(plan);
      BigInteger[] j = integerJacobian(false);
      int cols = architecture().parameterCount();
      BigInteger[][] m = new BigInteger[n][cols];
      for (int a = 0; a < n; a++) {
        org.lcngeo.core.Deadline.checkCurrent();
        for (int c = 0; c < cols; c++) {
          BigInteger x = j[a * cols + c];
          m[a][c] = x == null ? BigInteger.ZERO : x;
        }
      }
      rank = ExactRank.of(m, dim.certain() ? dim.dimension() : -1);
    }
    return rank;
  }

  /** Sum over the given layers of weight * K_l^int, over the given denominator. */
  private ScaledIntegerMatrix kernel(int[] layers, BigInteger[] weights, BigInteger den) {
    Limits.checkDenseSquare(n, "the NTK");
    BigInteger[][] vals = new BigInteger[layers.length][];
    for (int i = 0; i < layers.length; i++) {
      vals[i] = values[layers[i]];
    }
    if (NtkKernel.fitsInLong(weights, vals)) {
      long[] k = new long[n * n];
      for (int i = 0; i < layers.length; i++) {
        BigInteger[] v = vals[i];
        long[] pv = new long[v.length];
        for (int c = 0; c < v.length; c++) {
          pv[c] = v[c].longValueExact();
        }
        NtkKernel.addLong(
            k, n, nonZeros[layers[i]], pv, plan.offsets(layers[i]), weights[i].longValueExact());
      }
      NtkKernel.mirror(k, n);
      return ScaledIntegerMatrix.ofLongs(n, n, k, den);
    }
    BigInteger[] k = new BigInteger[n * n];
    for (int i = 0; i < layers.length; i++) {
      NtkKernel.addBig(k, n, nonZeros[layers[i]], vals[i], plan.offsets(layers[i]), weights[i]);
    }
    NtkKernel.mirror(k, n);
    return ScaledIntegerMatrix.ofBigIntegers(n, n, k, den);
  }

  /**
   * Row-major integer Jacobian ({@code null} = 0): column (l, j) holds P_{-l} shifted, times d_l
   * when {@code scaled} (then J = result / D), plain otherwise (same column space).
   */
  private BigInteger[] integerJacobian(boolean scaled) {
    Architecture a = architecture();
    int cols = a.parameterCount();
    checkDense(n, cols, "the Jacobian");
    BigInteger[] j = new BigInteger[n * cols];
    for (int l = 0; l < theta.depth(); l++) {
      int[] off = plan.offsets(l);
      int start = a.parameterStart(l);
      for (int c = 0; c < nonZeros[l].length; c++) {
        org.lcngeo.core.Deadline.checkCurrent();
        BigInteger x = scaled ? values[l][c].multiply(scales[l]) : values[l][c];
        for (int jj = 0; jj < off.length; jj++) {
          j[(nonZeros[l][c] + off[jj]) * cols + start + jj] = x;
        }
      }
    }
    return j;
  }

  private static void checkDense(long rows, long cols, String what) {
    if (rows * cols > Limits.MAX_NTK_ENTRIES) {
      throw new LimitExceededException(
          what + " would be " + rows + "x" + cols + " (" + rows * cols
              + " entries), more than the limit of " + Limits.MAX_NTK_ENTRIES + " entries");
    }
  }

  private List<BigInteger> partialVector(int l) {
    List<BigInteger> p = new ArrayList<>(Collections.nCopies(n, BigInteger.ZERO));
    for (int c = 0; c < nonZeros[l].length; c++) {
      p.set(nonZeros[l][c], values[l][c]);
    }
    return p;
  }
}
