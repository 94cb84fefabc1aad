package org.lcngeo.numeric.data;

/**
 * The discrete Fourier transform of real D-dimensional grids, axis by axis with precomputed
 * twiddles (no FFT: the grids are small and of any length), on a batch of B grids at once. A grid
 * point's values over the batch are one array (the batch innermost), so that every step is a sum
 * of scaled arrays read at the same index, the loops C2 vectorizes.
 *
 * <p>Convention: {@code xhat[k] = sum_m x[m] e^{-2 pi i k.m / L}} on a grid of lengths L; of the
 * spectrum of real data only the half {@code 0 <= k_last <= L_last / 2} of the last axis is kept
 * (Hermitian symmetry). {@link #forward}: a real grid of shape {@code in <= L} (zero beyond) to
 * its half spectrum. {@link #inverse}: a half spectrum z to {@code scale sum_k z[k] e^{+2 pi i
 * k.m / L}} (the sum over the full spectrum, which is real) on the grid m of shape {@code out <=
 * L}.
 */
final class SeparableDft {
  private enum Kind {
    /** Real input, complex output. */
    REAL_IN,
    COMPLEX,
    /** Complex input, the real part of the output. */
    REAL_OUT
  }

  /** One axis: out[q] = sum_m (re[q][m] + i im[q][m]) in[m] along the axis. */
  private record Step(int axis, Kind kind, double[][] re, double[][] im) {}

  private final Step[] steps;
  /** shapes[t]: the grid shape before step t; the last one is the output's. */
  private final int[][] shapes;
  /** This thread's intermediate grids (re, im) between the steps. */
  private final ThreadLocal<double[][][]> scratch;

  private SeparableDft(Step[] steps, int[] inShape, int batch) {
    this.steps = steps;
    this.shapes = new int[steps.length + 1][];
    shapes[0] = inShape.clone();
    for (int t = 0; t < steps.length; t++) {
      shapes[t + 1] = shapes[t].clone();
      shapes[t + 1][steps[t].axis] = steps[t].re.length;
    }
    this.scratch = ThreadLocal.withInitial(() -> {
      double[][][] s = new double[2 * Math.max(0, steps.length - 1)][][];
      for (int t = 1; t < steps.length; t++) {
        s[2 * t - 2] = new double[points(shapes[t])][batch];
        s[2 * t - 1] = new double[points(shapes[t])][batch];
      }
      return s;
    });
  }

  /** Real grids of shape in (zero beyond, in <= len) to their half spectra on the grid len. */
  static SeparableDft forward(int[] in, int[] len, int batch) {
    int last = len.length - 1;
    Step[] s = new Step[len.length];
    s[0] = twiddles(last, Kind.REAL_IN, half(len[last]), in[last], len[last], -1, 1.0, false);
    for (int d = last - 1, t = 1; d >= 0; d--, t++) {
      s[t] = twiddles(d, Kind.COMPLEX, len[d], in[d], len[d], -1, 1.0, false);
    }
    return new SeparableDft(s, in, batch);
  }

  /** Half spectra on the grid len to scale times the real grids of shape out <= len. */
  static SeparableDft inverse(int[] len, int[] out, double scale, int batch) {
    int last = len.length - 1;
    Step[] s = new Step[len.length];
    for (int d = 0; d < last; d++) {
      s[d] = twiddles(d, Kind.COMPLEX, out[d], len[d], len[d], 1, 1.0, false);
    }
    s[last] = twiddles(last, Kind.REAL_OUT, out[last], half(len[last]), len[last], 1, scale, true);
    int[] in = len.clone();
    in[last] = half(len[last]);
    return new SeparableDft(s, in, batch);
  }

  /** Multiply-adds of {@link #forward}(in, len) on one grid. */
  static long forwardMultiplyAdds(int[] in, int[] len) {
    int last = len.length - 1;
    int[] g = in.clone();
    g[last] = half(len[last]);
    long c = 2L * points(g) * in[last];
    for (int d = last - 1; d >= 0; d--) {
      g[d] = len[d];
      c += 4L * points(g) * in[d];
    }
    return c;
  }

  /** Multiply-adds of {@link #inverse}(len, out) on one grid. */
  static long inverseMultiplyAdds(int[] len, int[] out) {
    int last = len.length - 1;
    int[] g = len.clone();
    g[last] = half(len[last]);
    long c = 0;
    for (int d = 0; d < last; d++) {
      g[d] = out[d];
      c += 4L * points(g) * len[d];
    }
    g[last] = out[last];
    return c + 2L * points(g) * half(len[last]);
  }

  /** Entries of the kept half of an axis of length l: 0 .. floor(l / 2). */
  static int half(int l) {
    return l / 2 + 1;
  }

  static int points(int[] shape) {
    int p = 1;
    for (int e : shape) {
      p *= e;
    }
    return p;
  }

  /**
   * Twiddles w[q][m] = scale e^{sign 2 pi i q m / l} for q < rows, m < cols; with hermitian, the
   * columns m > 0 other than l / 2 count twice (they stand for m and l - m).
   */
  private static Step twiddles(
      int axis, Kind kind, int rows, int cols, int l, int sign, double scale, boolean hermitian) {
    double[][] re = new double[rows][cols];
    double[][] im = new double[rows][cols];
    for (int q = 0; q < rows; q++) {
      for (int m = 0; m < cols; m++) {
        double w = hermitian && m > 0 && 2 * m != l ? 2 * scale : scale;
        double angle = 2 * Math.PI * ((long) q * m % l) / l;
        re[q][m] = w * Math.cos(angle);
        im[q][m] = sign * w * Math.sin(angle);
      }
    }
    return new Step(axis, kind, re, im);
  }

  /**
   * (outRe, outIm) := the transform of (inRe, inIm): arrays of grid points (row-major) of the
   * batch; inIm is not read by {@link #forward}, outIm not written by {@link #inverse} (null).
   */
  void apply(double[][] inRe, double[][] inIm, double[][] outRe, double[][] outIm) {
    double[][][] s = scratch.get();
    double[][] re = inRe;
    double[][] im = inIm;
    for (int t = 0; t < steps.length; t++) {
      boolean last = t == steps.length - 1;
      double[][] toRe = last ? outRe : s[2 * t];
      double[][] toIm = last ? outIm : s[2 * t + 1];
      step(steps[t], shapes[t], re, im, toRe, toIm);
      re = toRe;
      im = toIm;
    }
  }

  private static void step(
      Step st, int[] shape, double[][] inRe, double[][] inIm, double[][] outRe, double[][] outIm) {
    int a = st.axis;
    int outer = 1;
    for (int d = 0; d < a; d++) {
      outer *= shape[d];
    }
    int inner = 1;
    for (int d = a + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    int inLen = shape[a];
    int outLen = st.re.length;
    for (int o = 0; o < outer; o++) {
      for (int q = 0; q < outLen; q++) {
        double[] wr = st.re[q];
        double[] wi = st.im[q];
        for (int u = 0; u < inner; u++) {
          int y = (o * outLen + q) * inner + u;
          int x0 = o * inLen * inner + u;
          double[] yr = outRe[y];
          java.util.Arrays.fill(yr, 0.0);
          double[] yi = null;
          if (st.kind != Kind.REAL_OUT) {
            yi = outIm[y];
            java.util.Arrays.fill(yi, 0.0);
          }
          int m = 0;
          for (; m + 1 < inLen; m += 2) {
            int x = x0 + m * inner;
            term(st.kind, yr, yi, wr[m], wi[m], inRe[x], inIm == null ? null : inIm[x], wr[m + 1],
                wi[m + 1], inRe[x + inner], inIm == null ? null : inIm[x + inner]);
          }
          if (m < inLen) {
            int x = x0 + m * inner;
            term(st.kind, yr, yi, wr[m], wi[m], inRe[x], inIm == null ? null : inIm[x], 0, 0,
                inRe[x], inIm == null ? null : inIm[x]);
          }
        }
      }
    }
  }

  /** (yr, yi) += (c0 + i s0) (x0 + i u0) + (c1 + i s1) (x1 + i u1) as far as the kind needs. */
  private static void term(Kind kind, double[] yr, double[] yi, double c0, double s0, double[] x0,
      double[] u0, double c1, double s1, double[] x1, double[] u1) {
    switch (kind) {
      case REAL_IN -> {
        sum2(yr, c0, x0, c1, x1);
        sum2(yi, s0, x0, s1, x1);
      }
      case COMPLEX -> {
        sum4(yr, c0, x0, -s0, u0, c1, x1, -s1, u1);
        sum4(yi, c0, u0, s0, x0, c1, u1, s1, x1);
      }
      case REAL_OUT -> sum4(yr, c0, x0, -s0, u0, c1, x1, -s1, u1);
    }
  }

  /** y += c0 x0 + c1 x1 elementwise. */
  private static void sum2(double[] y, double c0, double[] x0, double c1, double[] x1) {
    for (int t = 0; t < y.length; t++) {
      y[t] += c0 * x0[t] + c1 * x1[t];
    }
  }

  /**
   * y += c0 x0 + d0 u0 + c1 x1 + d1 u1 elementwise: Re of (c + i s)(x + i u) with d = -s, Im with
   * (x, u) = (u, x) and d = s. One target a loop: C2 does not vectorize a loop that stores to two
   * arrays.
   */
  private static void sum4(double[] y, double c0, double[] x0, double d0, double[] u0, double c1,
      double[] x1, double d1, double[] u1) {
    for (int t = 0; t < y.length; t++) {
      y[t] += c0 * x0[t] + d0 * u0[t] + c1 * x1[t] + d1 * u1[t];
    }
  }
}
