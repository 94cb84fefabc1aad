package org.lcngeo.numeric.fc;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.lcngeo.core.InvalidInputException;

/**
 * A fully connected linear network theta = (W_1, ..., W_H), W_l of shape d_l x d_{l-1}, in double
 * precision (paper, Sec. 1.1 and Sec. 4): the product W = W_H ... W_1, the conserved matrices
 * Delta_i of eq. 5 and the NTK action of eq. 7. Immutable (matrices are copied in and out).
 */
public final class FcNetwork {
  private final RealMatrix[] layers;

  private FcNetwork(RealMatrix[] layers) {
    this.layers = layers;
  }

  /** Checks that consecutive shapes chain: columns of W_{l+1} = rows of W_l. */
  public static FcNetwork of(List<RealMatrix> layers) {
    if (layers.isEmpty()) {
      throw new InvalidInputException("a fully connected network needs at least one layer");
    }
    RealMatrix[] w = new RealMatrix[layers.size()];
    for (int l = 0; l < w.length; l++) {
      w[l] = layers.get(l).copy();
      if (l > 0 && w[l].getColumnDimension() != w[l - 1].getRowDimension()) {
        throw new InvalidInputException(
            "W_" + (l + 1) + " has " + w[l].getColumnDimension() + " columns but W_" + l + " has "
                + w[l - 1].getRowDimension() + " rows");
      }
    }
    return new FcNetwork(w);
  }

  /** Splits a flat vector (W_1, ..., W_H, each row-major) with the shapes of this network. */
  public FcNetwork withFlat(double[] flat) {
    RealMatrix[] w = new RealMatrix[layers.length];
    int p = 0;
    for (int l = 0; l < w.length; l++) {
      w[l] = MatrixUtils.createRealMatrix(layers[l].getRowDimension(),
          layers[l].getColumnDimension());
      for (int i = 0; i < w[l].getRowDimension(); i++) {
        for (int j = 0; j < w[l].getColumnDimension(); j++) {
          w[l].setEntry(i, j, flat[p++]);
        }
      }
    }
    return new FcNetwork(w);
  }

  /** The flat parameter vector (W_1, ..., W_H), each row-major. */
  public double[] flat() {
    int n = 0;
    for (RealMatrix w : layers) {
      n += w.getRowDimension() * w.getColumnDimension();
    }
    double[] x = new double[n];
    int p = 0;
    for (RealMatrix w : layers) {
      for (double[] row : w.getData()) {
        System.arraycopy(row, 0, x, p, row.length);
        p += row.length;
      }
    }
    return x;
  }

  public int depth() {
    return layers.length;
  }

  /** W_{l+1} (0-based l). */
  public RealMatrix layer(int l) {
    return layers[l].copy();
  }

  /** W_to ... W_from (0-based, inclusive); the identity of size d_from when to < from. */
  RealMatrix chain(int from, int to) {
    RealMatrix p = MatrixUtils.createRealIdentityMatrix(
        from == 0 ? layers[0].getColumnDimension() : layers[from - 1].getRowDimension());
    for (int l = from; l <= to; l++) {
      p = layers[l].multiply(p);
    }
    return p;
  }

  /** W = W_H ... W_1 = mu(theta). */
  public RealMatrix product() {
    return chain(0, layers.length - 1);
  }

  /** Delta_i = W_{i+1}^T W_{i+1} - W_i W_i^T, i = 1..H-1 (eq. 5), conserved by the flow (eq. 4). */
  public List<RealMatrix> deltas() {
    List<RealMatrix> d = new ArrayList<>();
    for (int i = 0; i + 1 < layers.length; i++) {
      d.add(layers[i + 1].transposeMultiply(layers[i + 1])
          .subtract(layers[i].multiplyTransposed(layers[i])));
    }
    return d;
  }

  /** True when every Delta_i is zero up to {@code tol} in max norm (balanced, Sec. 1.1). */
  public boolean isBalanced(double tol) {
    return deltas().stream().allMatch(d -> maxAbs(d) <= tol);
  }

  /**
   * The NTK applied to Z (eq. 7): K(Z) = sum_l A_l A_l^T Z B_l^T B_l with A_l = W_H ... W_{l+1}
   * and B_l = W_{l-1} ... W_1.
   */
  public RealMatrix ntk(RealMatrix z) {
    int h = layers.length;
    RealMatrix k = MatrixUtils.createRealMatrix(z.getRowDimension(), z.getColumnDimension());
    for (int l = 0; l < h; l++) {
      RealMatrix a = chain(l + 1, h - 1);
      RealMatrix b = chain(0, l - 1);
      k = k.add(a.multiplyTransposed(a).multiply(z).multiply(b.transposeMultiply(b)));
    }
    return k;
  }

  /**
   * The NTK as a matrix on row-major vec(Z): sum_l (A_l A_l^T) kron (B_l^T B_l) = J J^T, with J the
   * Jacobian of vec(W) in the row-major entries of (W_1, ..., W_H).
   */
  public RealMatrix ntkMatrix() {
    int h = layers.length;
    RealMatrix k = null;
    for (int l = 0; l < h; l++) {
      RealMatrix a = chain(l + 1, h - 1);
      RealMatrix b = chain(0, l - 1);
      RealMatrix term = kronecker(a.multiplyTransposed(a), b.transposeMultiply(b));
      k = k == null ? term : k.add(term);
    }
    return k;
  }

  /**
   * The Euclidean gradient of L(theta) = ell(W_H ... W_1) in W_j: A_j^T grad ell(W) B_j^T
   * (eq. 4), for all j, flattened like {@link #flat()}.
   */
  public double[] gradient(RealMatrix lossGradient) {
    int h = layers.length;
    RealMatrix[] g = new RealMatrix[h];
    for (int l = 0; l < h; l++) {
      RealMatrix a = chain(l + 1, h - 1);
      RealMatrix b = chain(0, l - 1);
      g[l] = a.transposeMultiply(lossGradient).multiplyTransposed(b);
    }
    return new FcNetwork(g).flat();
  }

  static RealMatrix kronecker(RealMatrix p, RealMatrix q) {
    int pr = p.getRowDimension();
    int pc = p.getColumnDimension();
    int qr = q.getRowDimension();
    int qc = q.getColumnDimension();
    RealMatrix k = MatrixUtils.createRealMatrix(pr * qr, pc * qc);
    for (int i = 0; i < pr; i++) {
      for (int j = 0; j < pc; j++) {
        for (int a = 0; a < qr; a++) {
          for (int b = 0; b < qc; b++) {
            k.setEntry(i * qr + a, j * qc + b, p.getEntry(i, j) * q.getEntry(a, b));
          }
        }
      }
    }
    return k;
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
