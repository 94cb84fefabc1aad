package org.lcngeo.core.plan;

import java.util.ArrayList;
import java.util.List;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.Limits;
import org.lcngeo.core.algebra.Matrices;
import org.lcngeo.core.algebra.PrimeField;
import org.lcngeo.core.algebra.Ring;
import org.lcngeo.core.model.FullyConnectedNetwork;

/**
 * Fully connected linear networks over any {@link Ring} (paper, eq. 7 and Example 20): the product
 * W = W_H ... W_1, the invariants Delta_i = W_{i+1}^T W_{i+1} - W_i W_i^T, and the NTK
 *
 * <pre>K(Z) = sum_l A_l A_l^T Z B_l^T B_l,   A_l = W_H ... W_{l+1},  B_l = W_{l-1} ... W_1,</pre>
 *
 * which on the row-major vec(Z) is the matrix {@code sum_l (A_l A_l^T) kron (B_l^T B_l)} and equals
 * J J^T for the Jacobian J of vec(W) with respect to the entries of W_1, W_2, ... (row-major).
 *
 * <p>Matrices are lists of rows; weights are the list W_1..W_H. Layer indices of the methods are
 * 0-based: layer l is the paper's W_{l+1}. Exact with {@code RationalRing}, double precision with
 * {@code DoubleRing}.
 */
public final class FullyConnectedPlan {
  private final FullyConnectedNetwork network;

  private FullyConnectedPlan(FullyConnectedNetwork network) {
    this.network = network;
  }

  public static FullyConnectedPlan of(FullyConnectedNetwork network) {
    return new FullyConnectedPlan(network);
  }

  public FullyConnectedNetwork network() {
    return network;
  }

  /** The end-to-end matrix W_H ... W_1 (d_H x d_0). */
  public <T> List<List<T>> product(Ring<T> ring, List<List<List<T>>> w) {
    check(w);
    return after(ring, w, -1);
  }

  /** A for layer l (0-based): the product of the layers after l, W_H ... W_{l+2} (d_H x d_{l+1}). */
  public <T> List<List<T>> after(Ring<T> ring, List<List<List<T>>> w, int l) {
    List<List<T>> a = Matrices.identity(ring, network.width(network.depth()));
    for (int i = network.depth() - 1; i > l; i--) {
      a = Matrices.multiply(ring, a, w.get(i));
    }
    return a;
  }

  /** B for layer l (0-based): the product of the layers before l, W_l ... W_1 (d_l x d_0). */
  public <T> List<List<T>> before(Ring<T> ring, List<List<List<T>>> w, int l) {
    List<List<T>> b = Matrices.identity(ring, network.width(0));
    for (int i = 0; i < l; i++) {
      b = Matrices.multiply(ring, w.get(i), b);
    }
    return b;
  }

  /** Delta_i = W_{i+1}^T W_{i+1} - W_i W_i^T for i = 1..H-1 (list index i - 1), d_i x d_i. */
  public <T> List<List<List<T>>> deltas(Ring<T> ring, List<List<List<T>>> w) {
    check(w);
    List<List<List<T>>> out = new ArrayList<>();
    for (int i = 0; i + 1 < network.depth(); i++) {
      List<List<T>> next = w.get(i + 1);
      List<List<T>> cur = w.get(i);
      out.add(Matrices.subtract(ring, Matrices.multiply(ring, Matrices.transpose(ring, next), next),
          Matrices.multiply(ring, cur, Matrices.transpose(ring, cur))));
    }
    return out;
  }

  /** The NTK as a matrix on the row-major vec(Z): sum_l (A_l A_l^T) kron (B_l^T B_l). */
  public <T> List<List<T>> ntk(Ring<T> ring, List<List<List<T>>> w) {
    check(w);
    int dh = network.width(network.depth());
    int d0 = network.width(0);
    int n = network.outputEntries();
    Limits.checkDenseSquare(n, "the NTK");
    List<List<T>> k = Matrices.zeros(ring, n, n);
    for (int l = 0; l < network.depth(); l++) {
      List<List<T>> a = after(ring, w, l);
      List<List<T>> b = before(ring, w, l);
      List<List<T>> left = Matrices.multiply(ring, a, Matrices.transpose(ring, a));
      List<List<T>> right = Matrices.multiply(ring, Matrices.transpose(ring, b), b);
      for (int p = 0; p < dh; p++) {
        for (int r = 0; r < dh; r++) {
          T x = left.get(p).get(r);
          if (ring.isZero(x)) {
            continue;
          }
          for (int q = 0; q < d0; q++) {
            List<T> row = k.get(p * d0 + q);
            for (int s = 0; s < d0; s++) {
              row.set(r * d0 + s, ring.addProduct(row.get(r * d0 + s), x, right.get(q).get(s)));
            }
          }
        }
      }
    }
    return k;
  }

  /** The action K(Z) = sum_l A_l A_l^T Z B_l^T B_l of the NTK on a d_H x d_0 matrix Z (eq. 7). */
  public <T> List<List<T>> apply(Ring<T> ring, List<List<List<T>>> w, List<List<T>> z) {
    check(w);
    int dh = network.width(network.depth());
    int d0 = network.width(0);
    if (z.size() != dh || z.stream().anyMatch(r -> r.size() != d0)) {
      throw new InvalidInputException("Z must be a " + dh + " x " + d0 + " matrix");
    }
    List<List<T>> sum = Matrices.zeros(ring, dh, d0);
    for (int l = 0; l < network.depth(); l++) {
      List<List<T>> a = after(ring, w, l);
      List<List<T>> b = before(ring, w, l);
      List<List<T>> term = Matrices.multiply(ring,
          Matrices.multiply(ring, Matrices.multiply(ring, a, Matrices.transpose(ring, a)), z),
          Matrices.multiply(ring, Matrices.transpose(ring, b), b));
      sum = Matrices.add(ring, sum, term);
    }
    return sum;
  }

  /**
   * J^T vec(G) layer by layer: the gradient of {@code <W_H ... W_1, G>} in W_l, which is
   * A_l^T G B_l^T (eq. 4 with G = grad ell(W)); list index l is layer l (0-based), each d_{l+1} x
   * d_l.
   */
  public <T> List<List<List<T>>> pullback(Ring<T> ring, List<List<List<T>>> w, List<List<T>> g) {
    check(w);
    int dh = network.width(network.depth());
    int d0 = network.width(0);
    if (g.size() != dh || g.stream().anyMatch(r -> r.size() != d0)) {
      throw new InvalidInputException("G must be a " + dh + " x " + d0 + " matrix");
    }
    List<List<List<T>>> out = new ArrayList<>(network.depth());
    for (int l = 0; l < network.depth(); l++) {
      List<List<T>> a = after(ring, w, l);
      List<List<T>> b = before(ring, w, l);
      out.add(Matrices.multiply(ring, Matrices.multiply(ring, Matrices.transpose(ring, a), g),
          Matrices.transpose(ring, b)));
    }
    return out;
  }

  /**
   * The Jacobian of vec(W_H ... W_1) (row-major) with respect to the entries of W_1, ..., W_H
   * (each row-major): d(W)[p][q] / d(W_l)[a][b] = A_l[p][a] B_l[b][q].
   */
  public <T> List<List<T>> jacobian(Ring<T> ring, List<List<List<T>>> w) {
    check(w);
    int dh = network.width(network.depth());
    int d0 = network.width(0);
    List<List<T>> j = Matrices.zeros(ring, network.outputEntries(), network.parameterCount());
    for (int l = 0; l < network.depth(); l++) {
      List<List<T>> a = after(ring, w, l);
      List<List<T>> b = before(ring, w, l);
      int rows = network.rows(l);
      int cols = network.columns(l);
      int start = network.parameterStart(l);
      for (int p = 0; p < dh; p++) {
        for (int q = 0; q < d0; q++) {
          List<T> row = j.get(p * d0 + q);
          for (int x = 0; x < rows; x++) {
            for (int y = 0; y < cols; y++) {
              row.set(start + x * cols + y, ring.multiply(a.get(p).get(x), b.get(y).get(q)));
            }
          }
        }
      }
    }
    return j;
  }

  /**
   * The neuromanifold dimension r(d_0 + d_H - r), certified as in {@link Neuromanifold}: it is an
   * upper bound on the rank of J everywhere (the image lies in the determinantal variety of that
   * dimension), and the rank of J mod p at a seeded random integer point is a lower bound; they
   * meet with high probability at the first point (Schwartz-Zippel), and if they never do the
   * largest lower bound is returned with {@code certain() == false}.
   */
  public Neuromanifold.Result certifiedDimension() {
    int upper = Math.min(network.dimension(), network.parameterCount());
    PrimeField f = PrimeField.M31;
    return Neuromanifold.certify(
        upper,
        random -> {
          List<List<List<Long>>> w = new ArrayList<>();
          for (int l = 0; l < network.depth(); l++) {
            List<List<Long>> m = new ArrayList<>();
            for (int x = 0; x < network.rows(l); x++) {
              List<Long> row = new ArrayList<>();
              for (int y = 0; y < network.columns(l); y++) {
                row.add(random.nextLong(1, f.p()));
              }
              m.add(row);
            }
            w.add(m);
          }
          return jacobian(f, w).stream()
              .map(r -> r.stream().mapToLong(Long::longValue).toArray())
              .toArray(long[][]::new);
        });
  }

  private <T> void check(List<List<List<T>>> w) {
    FullyConnectedNetwork actual = FullyConnectedNetwork.ofMatrices(w);
    if (!actual.equals(network)) {
      throw new InvalidInputException(
          "the matrices form a network " + actual.summary() + ", expected " + network.summary());
    }
  }
}
