package org.lcngeo.numeric.fc;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.FullyConnectedNetwork;
import org.lcngeo.core.plan.FullyConnectedPlan;

/**
 * A point theta = (W_1, ..., W_H) of a fully connected linear network in double precision, W_l of
 * shape d_l x d_{l-1} (paper, Sec. 1.1 and Sec. 4). Every formula (the product, the Delta_i of eq.
 * 5, the NTK of eq. 7 and the gradient of eq. 4) is core's {@link FullyConnectedPlan} over {@link
 * DoubleRing}; this class only converts between the plan's lists of rows, Hipparchus matrices and
 * the flat parameter vector of the flows. Immutable.
 */
public final class FcNetwork {
  private static final DoubleRing R = DoubleRing.INSTANCE;
  private final FullyConnectedPlan plan;
  private final List<List<List<Double>>> w;

  private FcNetwork(FullyConnectedPlan plan, List<List<List<Double>>> w) {
    this.plan = plan;
    this.w = w;
  }

  /** Checks that consecutive shapes chain: columns of W_{l+1} = rows of W_l. */
  public static FcNetwork of(List<RealMatrix> layers) {
    List<List<List<Double>>> w = layers.stream().map(FcNetwork::rows).toList();
    return new FcNetwork(FullyConnectedPlan.of(FullyConnectedNetwork.ofMatrices(w)), w);
  }

  /** The network of the given widths d_0..d_H at the flat parameter vector (each W_l row-major). */
  public static FcNetwork ofFlat(FullyConnectedNetwork network, double[] flat) {
    FullyConnectedPlan plan = FullyConnectedPlan.of(network);
    return new FcNetwork(plan, split(network, flat));
  }

  /** Splits a flat vector (W_1, ..., W_H, each row-major) with the shapes of this network. */
  public FcNetwork withFlat(double[] flat) {
    return new FcNetwork(plan, split(plan.network(), flat));
  }

  private static List<List<List<Double>>> split(FullyConnectedNetwork net, double[] flat) {
    if (flat.length != net.parameterCount()) {
      throw new IllegalArgumentException(
          flat.length + " parameters for a network of " + net.parameterCount());
    }
    List<List<List<Double>>> w = new ArrayList<>(net.depth());
    int p = 0;
    for (int l = 0; l < net.depth(); l++) {
      List<List<Double>> m = new ArrayList<>(net.rows(l));
      for (int i = 0; i < net.rows(l); i++) {
        List<Double> row = new ArrayList<>(net.columns(l));
        for (int j = 0; j < net.columns(l); j++) {
          row.add(flat[p++]);
        }
        m.add(row);
      }
      w.add(m);
    }
    return w;
  }

  /** The flat parameter vector (W_1, ..., W_H), each row-major. */
  public double[] flat() {
    return flatten(w);
  }

  public FullyConnectedNetwork network() {
    return plan.network();
  }

  public int depth() {
    return w.size();
  }

  /** W_{l+1} (0-based l). */
  public RealMatrix layer(int l) {
    return matrix(w.get(l));
  }

  /** W = W_H ... W_1 = mu(theta). */
  public RealMatrix product() {
    return matrix(plan.product(R, w));
  }

  /** Delta_i = W_{i+1}^T W_{i+1} - W_i W_i^T, i = 1..H-1 (eq. 5), conserved by the flow (eq. 4). */
  public List<RealMatrix> deltas() {
    return plan.deltas(R, w).stream().map(FcNetwork::matrix).toList();
  }

  /** True when every Delta_i is zero up to {@code tol} in max norm (balanced, Sec. 1.1). */
  public boolean isBalanced(double tol) {
    return deltas().stream().allMatch(d -> maxAbs(d) <= tol);
  }

  /** The NTK applied to Z (eq. 7). */
  public RealMatrix ntk(RealMatrix z) {
    return matrix(plan.apply(R, w, rows(z)));
  }

  /** The NTK as a matrix on row-major vec(Z) (eq. 7): J J^T. */
  public RealMatrix ntkMatrix() {
    return matrix(plan.ntk(R, w));
  }

  /** The Jacobian J of vec(W) in the flat parameters (rows: row-major vec(W)). */
  public RealMatrix jacobian() {
    return matrix(plan.jacobian(R, w));
  }

  /**
   * The Euclidean gradient of L(theta) = ell(W_H ... W_1) for the loss gradient G = grad ell(W):
   * A_j^T G B_j^T in every W_j (eq. 4), flattened like {@link #flat()}.
   */
  public double[] gradient(RealMatrix lossGradient) {
    return flatten(plan.pullback(R, w, rows(lossGradient)));
  }

  private static double[] flatten(List<List<List<Double>>> layers) {
    return layers.stream()
        .flatMap(List::stream)
        .flatMap(List::stream)
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  static List<List<Double>> rows(RealMatrix m) {
    List<List<Double>> out = new ArrayList<>(m.getRowDimension());
    for (double[] row : m.getData()) {
      out.add(java.util.Arrays.stream(row).boxed().toList());
    }
    return out;
  }

  static RealMatrix matrix(List<List<Double>> rows) {
    RealMatrix m = MatrixUtils.createRealMatrix(rows.size(), rows.get(0).size());
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < rows.get(i).size(); j++) {
        m.setEntry(i, j, rows.get(i).get(j));
      }
    }
    return m;
  }

  static double maxAbs(RealMatrix m) {
    double x = 0;
    for (double[] row : m.getData()) {
      for (double v : row) {
        x = Math.max(x, Math.abs(v));
      }
    }
    return x;
  }
}
