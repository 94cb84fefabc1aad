package org.lcngeo.numeric.ntk;

import java.util.Arrays;
import org.lcngeo.core.model.Architecture;

/**
 * The product x * pi_{t_i}(w_i) of a suffix product x = S_m = prod_{l >= m} pi_{t_l}(w_l) (eq. 8)
 * with the polynomial of an earlier layer i < m, computed on the lattice x lives on: S_m is zero
 * off g Z^D with g = t_m (every later dilation is a multiple of t_m), and t_i divides g. So x is
 * compressed to the grid of its lattice points, each filter entry adds w_j times it, shifted by the
 * entry's offset divided by g, to the compressed array of the offset's residue class modulo g (its
 * phase), and the phases are scattered back to end-to-end positions. In flattened positions the
 * lattice is no run of contiguous positions (W6b: S_1 lies on the even rows and columns of the
 * 65-wide box), so the axpys over it were short and three quarters zeros; here they run over the
 * whole compressed x (W6b: 957 entries for S_1), each after a copy of x to the entry's offset, so
 * that both arrays are read at one index (the form C2 vectorizes). The terms of every output
 * position are added in the order of the filter entries, as {@link NumericMu#multiplyByLayer}
 * adds them: the same values bit for bit. Immutable; the caller supplies the scratch arrays.
 */
final class LatticeProduct {
  private final int layerStart;
  /** x's structural support (flattened positions) and their indices in the compressed grid. */
  private final int[] support;
  private final int[] compressed;
  /** One past the last compressed index of x's support. */
  private final int extent;
  /** Entries of the compressed grid (the size of each phase's array). */
  final int size;
  /** Number of phases: residue classes of the output lattice t_i Z^D modulo g. */
  final int phases;
  /** Filter entry j's phase times size plus its offset in the compressed grid. */
  private final int[] target;
  /** Per phase: compressed indices with an end-to-end position, and that position. */
  private final int[][] from;
  private final int[][] to;
  /** One past the last position of the product's support. */
  private final int productExtent;

  /** The product of S_m (support given, flattened positions) with layer i's polynomial. */
  LatticeProduct(Architecture a, int[] offsets, int[] supportOfSm, int m, int i, int start) {
    int d = a.dims();
    int[] box = a.endToEndSize();
    int[] g = a.dilation(m);
    int[] t = a.dilation(i);
    int[] size = a.size(i);
    int[] grid = new int[d];
    int[] classes = new int[d];
    for (int k = 0; k < d; k++) {
      grid[k] = (box[k] + g[k] - 1) / g[k];
      classes[k] = g[k] / t[k];
    }
    this.layerStart = start;
    this.size = Arrays.stream(grid).reduce(1, (x, y) -> x * y);
    this.phases = Arrays.stream(classes).reduce(1, (x, y) -> x * y);
    this.support = supportOfSm.clone();
    this.compressed = new int[support.length];
    int last = 0;
    for (int q = 0; q < support.length; q++) {
      int[] y = Architecture.unflatten(support[q], box);
      int[] u = new int[d];
      for (int k = 0; k < d; k++) {
        u[k] = y[k] / g[k];
      }
      compressed[q] = flatten(u, grid);
      last = Math.max(last, compressed[q]);
    }
    this.extent = last + 1;
    this.target = new int[offsets.length];
    for (int j = 0; j < offsets.length; j++) {
      int[] idx = Architecture.unflatten(j, size);
      int[] phase = new int[d];
      int[] coarse = new int[d];
      for (int k = 0; k < d; k++) {
        int o = idx[k] * t[k];
        phase[k] = (o % g[k]) / t[k];
        coarse[k] = o / g[k];
      }
      target[j] = flatten(phase, classes) * this.size + flatten(coarse, grid);
    }
    this.from = new int[phases][];
    this.to = new int[phases][];
    for (int p = 0; p < phases; p++) {
      int[] phase = Architecture.unflatten(p, classes);
      int[] f = new int[this.size];
      int[] e = new int[this.size];
      int count = 0;
      for (int c = 0; c < this.size; c++) {
        int[] u = Architecture.unflatten(c, grid);
        int[] y = new int[d];
        boolean inside = true;
        for (int k = 0; k < d; k++) {
          y[k] = u[k] * g[k] + phase[k] * t[k];
          inside &= y[k] < box[k];
        }
        if (inside) {
          f[count] = c;
          e[count++] = flatten(y, box);
        }
      }
      from[p] = Arrays.copyOf(f, count);
      to[p] = Arrays.copyOf(e, count);
    }
    this.productExtent = support[support.length - 1] + 1 + offsets[offsets.length - 1];
  }

  private static int flatten(int[] idx, int[] shape) {
    int p = 0;
    for (int k = 0; k < shape.length; k++) {
      p = p * shape[k] + idx[k];
    }
    return p;
  }

  /**
   * out := x * pi(w_i) (x zero off S_m's support; out zeroed up to the product's extent, which is
   * returned); xc (size {@link #size}), shifted and phase (size phases x size) are scratch.
   */
  int multiply(double[] x, double[] theta, double[] out, double[] xc, double[] shifted,
      double[] phase) {
    Arrays.fill(xc, 0, extent, 0.0);
    for (int q = 0; q < support.length; q++) {
      xc[compressed[q]] = x[support[q]];
    }
    Arrays.fill(phase, 0, phases * size, 0.0);
    for (int j = 0; j < target.length; j++) {
      double w = theta[layerStart + j];
      int at = target[j];
      System.arraycopy(xc, 0, shifted, at, extent);
      Axpy.add(phase, w, shifted, at, at + extent);
    }
    Arrays.fill(out, 0, productExtent, 0.0);
    for (int p = 0; p < phases; p++) {
      int[] f = from[p];
      int[] e = to[p];
      int base = p * size;
      for (int c = 0; c < f.length; c++) {
        out[e[c]] = phase[base + f[c]];
      }
    }
    return productExtent;
  }

  /**
   * The adjoint step of J^T r ({@link MuState#jacobianTransposeTimes}): next[c] := sum_j w_i[j]
   * r[c + offset_j] for c in S_m's support (other entries untouched), the terms in the order of j.
   * On the lattice: r split into its phases, then per filter entry one axpy of the entry's phase,
   * read from the entry's compressed offset, into the compressed result. Scratch as for {@link
   * #multiply}.
   */
  void adjoint(double[] r, double[] theta, double[] next, double[] nc, double[] shifted,
      double[] phase) {
    Arrays.fill(phase, 0, phases * size, 0.0);
    for (int p = 0; p < phases; p++) {
      int[] f = from[p];
      int[] e = to[p];
      int base = p * size;
      for (int c = 0; c < f.length; c++) {
        phase[base + f[c]] = r[e[c]];
      }
    }
    Arrays.fill(nc, 0, extent, 0.0);
    for (int j = 0; j < target.length; j++) {
      System.arraycopy(phase, target[j], shifted, 0, extent);
      Axpy.add(nc, theta[layerStart + j], shifted, 0, extent);
    }
    for (int q = 0; q < support.length; q++) {
      next[support[q]] = nc[compressed[q]];
    }
  }
}
