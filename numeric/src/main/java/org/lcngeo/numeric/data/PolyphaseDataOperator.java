package org.lcngeo.numeric.data;

import org.lcngeo.core.model.Architecture;

/**
 * {@link DataOperator} M in the frequency domain, phase by phase of the stride. With stride s, a
 * filter entry a = s p + rho (componentwise; rho a phase, 0 <= rho < min(s, k), p in the phase grid
 * of shape P = ceil(k / s)) meets X_i[s o + a] = X_i^rho[o + p], where X_i^rho[m] = X_i[s m + rho]
 * is the input's phase rho on the grid m of shape L = d - 1 + P (zero beyond the input). So
 *
 * <pre>
 *   (M v)_(i,o)     = sum_rho sum_p v^rho[p] X_i^rho[o + p]       (v^rho[p] = v[s p + rho], 0 beyond k)
 *   (M^T r)^rho[p]  = sum_i sum_o r_(i,o) X_i^rho[o + p]
 * </pre>
 *
 * are correlations whose indices o + p stay below L: they are circular on the grid L without
 * wrapping around, and become products of discrete Fourier transforms ({@link SeparableDft}, the
 * Hermitian half of each spectrum):
 *
 * <pre>
 *   M v:   Z_i[k] = sum_rho conj(vhat^rho[k]) Xhat_i^rho[k],    (M v)_i = inverse transform of Z_i at o
 *   M^T r: c^rho[k] = sum_i conj(rhat_i[k]) Xhat_i^rho[k],       (M^T r)^rho = inverse transform of c^rho at p
 * </pre>
 *
 * (the inverse transform {@code (1/|L|) sum_k e^{+2 pi i k.m / L}}) with the spectra Xhat_i^rho
 * computed once. Per sample and product about 4 S H multiply-adds (S
 * phases, H = |L| / 2 points of the half spectrum) and a small transform between the d outputs
 * and the spectrum, instead of d n; the phases' transforms of v and of c are once per product,
 * not per sample ({@link #multiplyAdds}).
 *
 * <p>Layout: the spectra by frequency, then phase, each an array over the samples, in memory in
 * that order, so that M v's inner loop is a sum of scaled arrays over the samples (two phases a
 * pass, one target a loop: vectorized by C2) and M^T r's a dot product over the samples (four
 * phases a pass, eight accumulators; C2 vectorizes no reduction). M^T r runs through the spectra
 * backwards: a gradient's M^T r follows an M v, whose last spectra may still be in the caches.
 * M^T on a block of columns ({@link #transposeTimesColumns}) reads each spectrum once per block.
 *
 * <p>The kernels' arrays are all read from index 0 (one small array per frequency and phase, not
 * runs of one long array): C2 (Java 17) vectorizes {@code z[i] += a x[i] + ...} but not {@code
 * z[i] += a x[s + i] + ...}, nor a loop whose references have different offsets.
 */
final class PolyphaseDataOperator extends DataOperator {
  private final int phases;
  /** Points of the half spectrum. */
  private final int spectrum;
  /** Points of the phase grid P. */
  private final int phaseGrid;
  /** entry[p * phases + rho]: the filter entry s p + rho, or -1 beyond the filter. */
  private final int[] entry;
  /** Real and imaginary parts of Xhat_i^rho[k] over the samples i, at k * phases + rho. */
  private final double[][] xRe;
  private final double[][] xIm;
  /** v^rho (the phases as the batch) to its spectra. */
  private final SeparableDft phaseForward;
  /** c^rho (the phases as the batch) to M^T r on the phase grid. */
  private final SeparableDft phaseInverse;
  /** The residuals r_i (the samples as the batch) to their spectra. */
  private final SeparableDft outputForward;
  /** Z_i (the samples as the batch) to (M v)_i on the outputs. */
  private final SeparableDft outputInverse;
  private final ThreadLocal<Scratch> scratch;
  /**
   * Columns of M^T's block product ({@link #transposeTimesColumns}): the length of its vectorized
   * loops. The block's residual spectra take spectrum x samples x COLUMN_BLOCK complex numbers.
   */
  static final int COLUMN_BLOCK = 32;
  /** Samples whose residuals' spectra {@link #transposeTimesColumns} computes together. */
  private static final int SAMPLE_CHUNK = 16;
  /** The decomposition's shapes (for the transforms of a block of columns). */
  private final Shapes shapes;

  /** The shapes of the decomposition: phases, phase grid P and transform grid L per axis. */
  private record Shapes(int[] phases, int[] grid, int[] len, int[] out) {
    static Shapes of(NumericConvolution c) {
      int[] k = c.plan().filterShape();
      int[] s = c.plan().stride();
      int[] out = c.outputShape();
      int dims = k.length;
      int[] ph = new int[dims];
      int[] p = new int[dims];
      int[] len = new int[dims];
      for (int d = 0; d < dims; d++) {
        ph[d] = Math.min(s[d], k[d]);
        p[d] = (k[d] + s[d] - 1) / s[d];
        len[d] = out[d] - 1 + p[d];
      }
      return new Shapes(ph, p, len, out);
    }

    int[] halfLen() {
      int[] h = len.clone();
      h[h.length - 1] = SeparableDft.half(h[h.length - 1]);
      return h;
    }
  }

  /** One thread's arrays: grid points (or frequencies) by the batch. */
  private record Scratch(double[][] v, double[][] vRe, double[][] vIm, double[][] zRe,
      double[][] zIm, double[][] rows, double[][] cRe, double[][] cIm, double[][] c) {}

  PolyphaseDataOperator(TrainingData data) {
    super(data);
    NumericConvolution c = data.convolution();
    Shapes sh = Shapes.of(c);
    this.shapes = sh;
    int[] k = c.plan().filterShape();
    int[] s = c.plan().stride();
    int[] in = c.inputShape();
    this.phases = SeparableDft.points(sh.phases);
    this.phaseGrid = SeparableDft.points(sh.grid);
    this.spectrum = SeparableDft.points(sh.halfLen());
    this.entry = new int[phaseGrid * phases];
    for (int p = 0; p < phaseGrid; p++) {
      int[] pi = Architecture.unflatten(p, sh.grid);
      for (int rho = 0; rho < phases; rho++) {
        entry[p * phases + rho] = strided(s, pi, Architecture.unflatten(rho, sh.phases), k);
      }
    }
    int len = SeparableDft.points(sh.len);
    double scale = 1.0 / len;
    this.phaseForward = SeparableDft.forward(sh.grid, sh.len, phases);
    this.phaseInverse = SeparableDft.inverse(sh.len, sh.grid, scale, phases);
    this.outputForward = SeparableDft.forward(sh.out, sh.len, samples);
    this.outputInverse = SeparableDft.inverse(sh.len, sh.out, scale, samples);
    // the spectra of the inputs' phases, one phase at a time
    SeparableDft inputForward = SeparableDft.forward(sh.len, sh.len, samples);
    this.xRe = new double[spectrum * phases][];
    this.xIm = new double[spectrum * phases][];
    double[][] grid = new double[len][samples];
    for (int rho = 0; rho < phases; rho++) {
      int[] ri = Architecture.unflatten(rho, sh.phases);
      for (int g = 0; g < len; g++) {
        int pos = strided(s, Architecture.unflatten(g, sh.len), ri, in);
        for (int i = 0; i < samples; i++) {
          grid[g][i] = pos < 0 ? 0.0 : x[i][pos];
        }
      }
      double[][] re = new double[spectrum][samples];
      double[][] im = new double[spectrum][samples];
      inputForward.apply(grid, null, re, im);
      for (int f = 0; f < spectrum; f++) {
        xRe[f * phases + rho] = re[f];
        xIm[f * phases + rho] = im[f];
      }
    }
    // copied in the order the products read them, so that they lie in memory as one stream
    for (int f = 0; f < xRe.length; f++) {
      xRe[f] = xRe[f].clone();
      xIm[f] = xIm[f].clone();
    }
    int ph = phases;
    int sp = spectrum;
    int pg = phaseGrid;
    int outs = outputs;
    int n0 = samples;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(new double[pg][ph],
        new double[sp][ph], new double[sp][ph], new double[sp][n0], new double[sp][n0],
        new double[outs][n0], new double[sp][ph], new double[sp][ph], new double[pg][ph]));
  }

  /**
   * Multiply-adds of one product (the mean of M v and M^T r) for N samples: 4 S H N for the
   * spectra, the transforms between the outputs and the spectrum per sample, and those of the
   * phases once.
   */
  static long multiplyAdds(NumericConvolution c, int samples) {
    Shapes sh = Shapes.of(c);
    long phases = SeparableDft.points(sh.phases);
    long spectra = 4L * phases * SeparableDft.points(sh.halfLen()) * samples;
    long outputs = (SeparableDft.forwardMultiplyAdds(sh.out, sh.len)
        + SeparableDft.inverseMultiplyAdds(sh.len, sh.out)) * samples;
    long grid = (SeparableDft.forwardMultiplyAdds(sh.grid, sh.len)
        + SeparableDft.inverseMultiplyAdds(sh.len, sh.grid)) * phases;
    return spectra + (outputs + grid) / 2;
  }

  @Override
  void times(double[] v, double[] out) {
    Scratch w = scratch.get();
    for (int p = 0; p < phaseGrid; p++) {
      double[] row = w.v[p];
      for (int rho = 0; rho < phases; rho++) {
        int j = entry[p * phases + rho];
        row[rho] = j < 0 ? 0.0 : v[j];
      }
    }
    phaseForward.apply(w.v, null, w.vRe, w.vIm);
    for (int f = 0; f < spectrum; f++) {
      double[] zr = w.zRe[f];
      double[] zi = w.zIm[f];
      java.util.Arrays.fill(zr, 0.0);
      java.util.Arrays.fill(zi, 0.0);
      double[] vr = w.vRe[f];
      double[] vi = w.vIm[f];
      int b = f * phases;
      int rho = 0;
      for (; rho + 1 < phases; rho += 2) {
        int x0 = b + rho;
        sum4(zr, vr[rho], xRe[x0], vi[rho], xIm[x0], vr[rho + 1], xRe[x0 + 1], vi[rho + 1],
            xIm[x0 + 1]);
        sum4(zi, vr[rho], xIm[x0], -vi[rho], xRe[x0], vr[rho + 1], xIm[x0 + 1], -vi[rho + 1],
            xRe[x0 + 1]);
      }
      if (rho < phases) {
        int x0 = b + rho;
        sum4(zr, vr[rho], xRe[x0], vi[rho], xIm[x0], 0, xRe[x0], 0, xIm[x0]);
        sum4(zi, vr[rho], xIm[x0], -vi[rho], xRe[x0], 0, xIm[x0], 0, xRe[x0]);
      }
    }
    outputInverse.apply(w.zRe, w.zIm, w.rows, null);
    for (int o = 0; o < outputs; o++) {
      System.arraycopy(w.rows[o], 0, out, o * samples, samples);
    }
  }

  @Override
  void transposeTimes(double[] r, double[] out) {
    Scratch w = scratch.get();
    for (int o = 0; o < outputs; o++) {
      System.arraycopy(r, o * samples, w.rows[o], 0, samples);
    }
    outputForward.apply(w.rows, null, w.zRe, w.zIm);
    for (int f = spectrum - 1; f >= 0; f--) {
      double[] rr = w.zRe[f];
      double[] ri = w.zIm[f];
      double[] cr = w.cRe[f];
      double[] ci = w.cIm[f];
      int b = f * phases;
      int rho = 0;
      for (; rho + 3 < phases; rho += 4) {
        conjDot4(rr, ri, b + rho, cr, ci, rho);
      }
      for (; rho < phases; rho++) {
        double[] xr = xRe[b + rho];
        double[] xi = xIm[b + rho];
        double sr = 0;
        double si = 0;
        for (int i = 0; i < samples; i++) {
          sr += rr[i] * xr[i] + ri[i] * xi[i];
          si += rr[i] * xi[i] - ri[i] * xr[i];
        }
        cr[rho] = sr;
        ci[rho] = si;
      }
    }
    phaseInverse.apply(w.cRe, w.cIm, w.c, null);
    for (int p = 0; p < phaseGrid; p++) {
      double[] row = w.c[p];
      for (int rho = 0; rho < phases; rho++) {
        int j = entry[p * phases + rho];
        if (j >= 0) {
          out[j] = row[rho];
        }
      }
    }
  }

  /**
   * out[c] := M^T r[c] for blocks of up to {@link #COLUMN_BLOCK} columns: the spectra of the
   * block's residuals, {@link #SAMPLE_CHUNK} samples a transform (batch: sample, then column); per
   * frequency and phase, c^rho[k] = sum_i conj(rhat_i[k]) Xhat_i^rho[k] for all columns of the block
   * at once, as sums of scaled arrays over the columns (two samples a pass: vectorized by C2); one
   * inverse transform of all phases and columns of the block. Each spectrum Xhat_i^rho is read once
   * per block instead of once per column. The sums over the samples run in order (one accumulator,
   * where {@link #transposeTimes} uses eight): the results agree with it to rounding.
   */
  @Override
  void transposeTimesColumns(double[][] r, double[][] out) {
    if (r.length == 0) {
      return;
    }
    int width = Math.min(r.length, COLUMN_BLOCK);
    int chunk = Math.min(samples, SAMPLE_CHUNK);
    SeparableDft forward = SeparableDft.forward(shapes.out, shapes.len, chunk * width);
    SeparableDft inverse = SeparableDft.inverse(
        shapes.len, shapes.grid, 1.0 / SeparableDft.points(shapes.len), phases * width);
    // the spectra of a chunk of samples' residuals, the batch (sample, column) column-fastest;
    // then those of the block's c^rho, the batch (phase, column)
    double[][] rows = new double[outputs][chunk * width];
    double[][] hatRe = new double[spectrum][chunk * width];
    double[][] hatIm = new double[spectrum][chunk * width];
    double[][] cHatRe = new double[spectrum][phases * width];
    double[][] cHatIm = new double[spectrum][phases * width];
    // rhat by frequency, then sample (one frequency's arrays together: read for every phase)
    double[][][] rRe = new double[spectrum][samples][width];
    double[][][] rIm = new double[spectrum][samples][width];
    double[][][] cRe = new double[spectrum][phases][width];
    double[][][] cIm = new double[spectrum][phases][width];
    double[][] c = new double[phaseGrid][phases * width];
    for (int c0 = 0; c0 < r.length; c0 += width) {
      int cols = Math.min(width, r.length - c0);
      for (int i0 = 0; i0 < samples; i0 += chunk) {
        int n0 = Math.min(chunk, samples - i0);
        for (int o = 0; o < outputs; o++) {
          double[] row = rows[o];
          java.util.Arrays.fill(row, 0.0);
          for (int k = 0; k < cols; k++) {
            double[] rk = r[c0 + k];
            for (int i = 0, at = o * samples + i0; i < n0; i++) {
              row[i * width + k] = rk[at + i];
            }
          }
        }
        forward.apply(rows, null, hatRe, hatIm);
        for (int f = 0; f < spectrum; f++) {
          for (int i = 0; i < n0; i++) {
            System.arraycopy(hatRe[f], i * width, rRe[f][i0 + i], 0, width);
            System.arraycopy(hatIm[f], i * width, rIm[f][i0 + i], 0, width);
          }
        }
      }
      for (int f = 0; f < spectrum; f++) {
        double[][] rr = rRe[f];
        double[][] ri = rIm[f];
        for (int rho = 0; rho < phases; rho++) {
          double[] xr = xRe[f * phases + rho];
          double[] xi = xIm[f * phases + rho];
          double[] cr = cRe[f][rho];
          double[] ci = cIm[f][rho];
          java.util.Arrays.fill(cr, 0.0);
          java.util.Arrays.fill(ci, 0.0);
          // conj(r) X = (xr rr + xi ri) + i (xi rr - xr ri)
          int i = 0;
          for (; i + 1 < samples; i += 2) {
            sum4(cr, xr[i], rr[i], xi[i], ri[i], xr[i + 1], rr[i + 1], xi[i + 1], ri[i + 1]);
            sum4(ci, xi[i], rr[i], -xr[i], ri[i], xi[i + 1], rr[i + 1], -xr[i + 1], ri[i + 1]);
          }
          if (i < samples) {
            sum4(cr, xr[i], rr[i], xi[i], ri[i], 0, rr[i], 0, ri[i]);
            sum4(ci, xi[i], rr[i], -xr[i], ri[i], 0, rr[i], 0, ri[i]);
          }
        }
      }
      for (int f = 0; f < spectrum; f++) {
        for (int rho = 0; rho < phases; rho++) {
          System.arraycopy(cRe[f][rho], 0, cHatRe[f], rho * width, width);
          System.arraycopy(cIm[f][rho], 0, cHatIm[f], rho * width, width);
        }
      }
      inverse.apply(cHatRe, cHatIm, c, null);
      for (int p = 0; p < phaseGrid; p++) {
        double[] row = c[p];
        for (int rho = 0; rho < phases; rho++) {
          int j = entry[p * phases + rho];
          if (j >= 0) {
            for (int k = 0; k < cols; k++) {
              out[c0 + k][j] = row[rho * width + k];
            }
          }
        }
      }
    }
  }

  /**
   * (cr, ci)[rho + t] := sum_i conj(r_i) Xhat_i at xRe/xIm[at + t], t < 4: conj(r) X = (rr xr + ri
   * xi) + i (rr xi - ri xr).
   */
  private void conjDot4(double[] rr, double[] ri, int at, double[] cr, double[] ci, int rho) {
    double[] x0r = xRe[at];
    double[] x0i = xIm[at];
    double[] x1r = xRe[at + 1];
    double[] x1i = xIm[at + 1];
    double[] x2r = xRe[at + 2];
    double[] x2i = xIm[at + 2];
    double[] x3r = xRe[at + 3];
    double[] x3i = xIm[at + 3];
    double r0 = 0;
    double i0 = 0;
    double r1 = 0;
    double i1 = 0;
    double r2 = 0;
    double i2 = 0;
    double r3 = 0;
    double i3 = 0;
    for (int i = 0; i < rr.length; i++) {
      double a = rr[i];
      double b = ri[i];
      r0 += a * x0r[i] + b * x0i[i];
      i0 += a * x0i[i] - b * x0r[i];
      r1 += a * x1r[i] + b * x1i[i];
      i1 += a * x1i[i] - b * x1r[i];
      r2 += a * x2r[i] + b * x2i[i];
      i2 += a * x2i[i] - b * x2r[i];
      r3 += a * x3r[i] + b * x3i[i];
      i3 += a * x3i[i] - b * x3r[i];
    }
    cr[rho] = r0;
    ci[rho] = i0;
    cr[rho + 1] = r1;
    ci[rho + 1] = i1;
    cr[rho + 2] = r2;
    ci[rho + 2] = i2;
    cr[rho + 3] = r3;
    ci[rho + 3] = i3;
  }

  /**
   * z += a0 x0 + b0 y0 + a1 x1 + b1 y1 elementwise. With (x, y) = (Re, Im) Xhat and (a, b) = (Re,
   * Im) vhat it adds Re(conj(vhat) Xhat) of two phases; with (y, x) and (a, -b), Im(conj(vhat)
   * Xhat) = a Im - b Re. One target a loop: C2 does not vectorize a loop that stores to two arrays.
   */
  private static void sum4(double[] z, double a0, double[] x0, double b0, double[] y0, double a1,
      double[] x1, double b1, double[] y1) {
    for (int i = 0; i < z.length; i++) {
      z[i] += a0 * x0[i] + b0 * y0[i] + a1 * x1[i] + b1 * y1[i];
    }
  }

  /** The row-major position of s g + rho in shape, or -1 if it lies outside (componentwise). */
  private static int strided(int[] s, int[] g, int[] rho, int[] shape) {
    int f = 0;
    for (int d = 0; d < shape.length; d++) {
      int e = s[d] * g[d] + rho[d];
      if (e >= shape[d]) {
        return -1;
      }
      f = f * shape[d] + e;
    }
    return f;
  }
}
