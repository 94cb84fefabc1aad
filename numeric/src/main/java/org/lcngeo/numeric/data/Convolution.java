package org.lcngeo.numeric.data;

import org.lcngeo.core.InvalidInputException;

/**
 * The strided convolution alpha_{w,s} on D-dimensional signals of eq. 2 / eq. 10 of the paper:
 * {@code (alpha_{w,s}(X))_i = sum_j w_j X_{i s + j}} (componentwise), from an input of shape {@code
 * s (d - 1) + k} to an output of shape d; all tensors row-major. Compiled once per (filter shape,
 * stride, output shape) into the table of input positions {@code X_{i s + j}}, which also gives
 * the matrix M of the map {@code w -> alpha_w(X)} used by the reduction of the loss to filters.
 */
public final class Convolution {
  private final int[] filterShape;
  private final int[] stride;
  private final int[] outputShape;
  private final int[] inputShape;
  private final int filterEntries;
  private final int outputEntries;
  private final int inputEntries;
  /** index[o * filterEntries + j]: flat input position of X_{o s + j}. */
  private final int[] index;

  public Convolution(int[] filterShape, int[] stride, int[] outputShape) {
    int d = filterShape.length;
    if (stride.length != d || outputShape.length != d) {
      throw new InvalidInputException(
          "the output shape has " + outputShape.length + " dimensions but the filter has " + d);
    }
    this.filterShape = filterShape.clone();
    this.stride = stride.clone();
    this.outputShape = outputShape.clone();
    this.inputShape = new int[d];
    long in = 1;
    long out = 1;
    long f = 1;
    for (int m = 0; m < d; m++) {
      if (outputShape[m] < 1) {
        throw new InvalidInputException("output sizes must be at least 1, not " + outputShape[m]);
      }
      inputShape[m] = stride[m] * (outputShape[m] - 1) + filterShape[m];
      in *= inputShape[m];
      out *= outputShape[m];
      f *= filterShape[m];
    }
    if (in * 1L > 50_000_000L || out * f > 50_000_000L) {
      throw new InvalidInputException(
          "signals of " + in + " entries with filters of " + f + " entries are too large");
    }
    this.inputEntries = (int) in;
    this.outputEntries = (int) out;
    this.filterEntries = (int) f;
    this.index = new int[outputEntries * filterEntries];
    int[] oi = new int[d];
    int[] ji = new int[d];
    for (int o = 0; o < outputEntries; o++) {
      unflatten(o, outputShape, oi);
      for (int j = 0; j < filterEntries; j++) {
        unflatten(j, filterShape, ji);
        int p = 0;
        for (int m = 0; m < d; m++) {
          p = p * inputShape[m] + oi[m] * stride[m] + ji[m];
        }
        index[o * filterEntries + j] = p;
      }
    }
  }

  private static void unflatten(int p, int[] shape, int[] idx) {
    for (int m = shape.length - 1; m >= 0; m--) {
      idx[m] = p % shape[m];
      p /= shape[m];
    }
  }

  public int[] inputShape() {
    return inputShape.clone();
  }

  public int[] outputShape() {
    return outputShape.clone();
  }

  public int inputEntries() {
    return inputEntries;
  }

  public int outputEntries() {
    return outputEntries;
  }

  public int filterEntries() {
    return filterEntries;
  }

  /** out := alpha_{w,s}(x). */
  public void apply(double[] w, double[] x, double[] out) {
    for (int o = 0; o < outputEntries; o++) {
      double acc = 0;
      int base = o * filterEntries;
      for (int j = 0; j < filterEntries; j++) {
        acc += w[j] * x[index[base + j]];
      }
      out[o] = acc;
    }
  }

  /** alpha_{w,s}(x) as a new array. */
  public double[] apply(double[] w, double[] x) {
    double[] out = new double[outputEntries];
    apply(w, x, out);
    return out;
  }

  /** Entry (o, j) of the matrix M_x of {@code w -> alpha_w(x)}: X_{o s + j}. */
  public double matrixEntry(double[] x, int o, int j) {
    return x[index[o * filterEntries + j]];
  }
}
