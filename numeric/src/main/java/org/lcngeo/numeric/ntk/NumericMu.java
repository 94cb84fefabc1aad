package org.lcngeo.numeric.ntk;

import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.plan.MuPlan;

/**
 * The numeric executor of the compiled plan of mu ({@link MuPlan}): the same index structure
 * ({@code offsets(l)}, {@code support(l)}) run by primitive double kernels. Immutable and shared by
 * threads; the per-point work happens in a {@link MuState} (one per thread), which holds the partial
 * products P_{-l} of Observation 3 and evaluates mu (eq. 8 / Lemma 9), the Jacobian J, the products
 * J x and J^T r without forming J (dilated convolutions and correlations with P_{-l}), K_l = J_l
 * J_l^T, K = J J^T, the invariants delta (eq. 1) and the second-order part of the Hessian of a loss
 * composed with mu (Prop. 8's blocks).
 */
public final class NumericMu {
  final MuPlan plan;
  final Architecture architecture;
  final int n;
  final int parameters;
  final int depth;
  /** offsets[l][j]: end-to-end position of entry j of layer l. */
  final int[][] offsets;
  /** supports[l]: structural support of P_{-l}. */
  final int[][] supports;
  /** starts[l]: first index of layer l in theta; starts[depth] = parameters. */
  final int[] starts;
  /**
   * suffixEven[l] and suffixOdd[l]: the structural support of the suffix product S_l = prod_{i >=
   * l} pi(w_i) (eq. 8), its even and its odd positions, ascending (l = 0..depth; S_depth = 1). Off
   * it S_l is exactly zero: layers with dilations above 1 leave most positions of the suffix
   * products of the layers after them empty (W6b: 841 of S_1's 3,697, 121 of S_2's 2,641).
   */
  final int[][] suffixEven;
  final int[][] suffixOdd;
  /**
   * ownLayer[l] multiplies S_{l+1} by layer l (mu's suffix products, l < depth - 1), firstLayer[l]
   * multiplies S_{l+1} by layer 0 (the first factor of P_{-l}, 1 <= l < depth - 1), both on the
   * lattice of S_{l+1} ({@link LatticeProduct}); null where S_{l+1} = 1.
   */
  final LatticeProduct[] ownLayer;
  final LatticeProduct[] firstLayer;
  /** How J^T J is formed from the partial products. */
  final GramPlan gram;

  private NumericMu(MuPlan plan) {
    this.plan = plan;
    this.architecture = plan.architecture();
    this.n = plan.outputSize();
    this.parameters = architecture.parameterCount();
    this.depth = architecture.depth();
    this.offsets = new int[depth][];
    this.supports = new int[depth][];
    this.starts = new int[depth + 1];
    for (int l = 0; l < depth; l++) {
      offsets[l] = plan.offsets(l);
      supports[l] = plan.support(l);
      starts[l] = architecture.parameterStart(l);
    }
    starts[depth] = parameters;
    this.gram = new GramPlan(n, offsets, supports, starts);
    this.suffixEven = new int[depth + 1][];
    this.suffixOdd = new int[depth + 1][];
    int[] support = {0};
    for (int l = depth; ; l--) {
      suffixEven[l] = java.util.Arrays.stream(support).filter(q -> q % 2 == 0).toArray();
      suffixOdd[l] = java.util.Arrays.stream(support).filter(q -> q % 2 != 0).toArray();
      if (l == 0) {
        break;
      }
      boolean[] hit = new boolean[n];
      for (int q : support) {
        for (int o : offsets[l - 1]) {
          hit[q + o] = true;
        }
      }
      support = java.util.stream.IntStream.range(0, n).filter(q -> hit[q]).toArray();
    }
    this.ownLayer = new LatticeProduct[depth];
    this.firstLayer = new LatticeProduct[depth];
    for (int l = 0; l + 1 < depth; l++) {
      int[] suffixSupport = java.util.stream.IntStream.concat(
          java.util.Arrays.stream(suffixEven[l + 1]), java.util.Arrays.stream(suffixOdd[l + 1]))
          .sorted().toArray();
      ownLayer[l] =
          new LatticeProduct(architecture, offsets[l], suffixSupport, l + 1, l, starts[l]);
      if (l >= 1) {
        firstLayer[l] =
            new LatticeProduct(architecture, offsets[0], suffixSupport, l + 1, 0, starts[0]);
      }
    }
  }

  /** The executor of a compiled plan. */
  public static NumericMu of(MuPlan plan) {
    return new NumericMu(plan);
  }

  /** The executor of an architecture's plan. */
  public static NumericMu of(Architecture architecture) {
    return new NumericMu(MuPlan.compile(architecture));
  }

  public MuPlan plan() {
    return plan;
  }

  public Architecture architecture() {
    return architecture;
  }

  /** n: entries of the end-to-end filter. */
  public int outputSize() {
    return n;
  }

  /** Number of parameters (length of theta). */
  public int parameterCount() {
    return parameters;
  }

  /** H. */
  public int depth() {
    return depth;
  }

  /** A fresh mutable evaluation state (one per thread). */
  public MuState newState() {
    return new MuState(this);
  }

  /** The invariants delta_l = ||w_{l+1}||^2 - ||w_l||^2 (eq. 1) of a flat theta, into out (H-1). */
  public void invariants(double[] theta, double[] out) {
    double prev = squaredNorm(theta, 0);
    for (int l = 0; l + 1 < depth; l++) {
      double next = squaredNorm(theta, l + 1);
      out[l] = next - prev;
      prev = next;
    }
  }

  /** The invariants as a new array. */
  public double[] invariants(double[] theta) {
    double[] d = new double[depth - 1];
    invariants(theta, d);
    return d;
  }

  /** ||w_l||^2. */
  public double squaredNorm(double[] theta, int l) {
    double s = 0;
    for (int i = starts[l]; i < starts[l + 1]; i++) {
      s += theta[i] * theta[i];
    }
    return s;
  }

  /** Index of layer l's first entry in theta. */
  public int layerStart(int l) {
    return starts[l];
  }

  /**
   * out := x * pi_{t_l}(w_l) on end-to-end positions (x must be a product of other layers, zero
   * from {@code extent} on); returns the extent of the product. One contiguous axpy per filter
   * entry, without tests for zeros (its two arrays are read at different offsets, which C2 does not
   * vectorize: the suffix products go through {@link LatticeProduct}).
   */
  int multiplyByLayer(double[] x, int extent, int l, double[] theta, double[] out) {
    int[] off = offsets[l];
    int k = off.length;
    int newExtent = extent + off[k - 1];
    int s = starts[l];
    double w0 = theta[s];
    for (int q = 0; q < extent; q++) {
      out[q] = w0 * x[q];
    }
    for (int q = extent; q < newExtent; q++) {
      out[q] = 0.0;
    }
    for (int j = 1; j < k; j++) {
      double wj = theta[s + j];
      int o = off[j];
      for (int q = 0; q < extent; q++) {
        out[q + o] += wj * x[q];
      }
    }
    return newExtent;
  }
}
