package org.lcngeo.numeric.data;

import org.lcngeo.core.plan.Convolution;

/**
 * The double-precision executor of a compiled {@link Convolution} (alpha_{w,s} of eq. 2 / eq. 10
 * of the paper): runs the plan's table of input positions {@code X_{i s + j}} in primitive doubles,
 * allocation-free, and reads the matrix M_X of {@code w -> alpha_w(X)} used by the reduction of the
 * loss to filters off the same table.
 */
public final class NumericConvolution {
  private final Convolution plan;
  private final int filterEntries;
  private final int outputEntries;
  /** The plan's {@link Convolution#positions()}, copied once. */
  private final int[] index;

  public NumericConvolution(Convolution plan) {
    this.plan = plan;
    this.filterEntries = plan.filterEntries();
    this.outputEntries = plan.outputEntries();
    this.index = plan.positions();
  }

  /** The executor of {@link Convolution#compileForOutput}: inputs of shape s(d - 1) + k. */
  public static NumericConvolution forOutput(int[] filterShape, int[] stride, int[] outputShape) {
    return new NumericConvolution(Convolution.compileForOutput(filterShape, stride, outputShape));
  }

  /** The compiled plan this executor runs. */
  public Convolution plan() {
    return plan;
  }

  public int[] inputShape() {
    return plan.inputShape();
  }

  public int[] outputShape() {
    return plan.outputShape();
  }

  public int inputEntries() {
    return plan.inputEntries();
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

  /** The input position of filter entry j in output o (X_{o s + j}). */
  public int position(int o, int j) {
    return index[o * filterEntries + j];
  }

  /** Entry (o, j) of the matrix M_x of {@code w -> alpha_w(x)}: X_{o s + j}. */
  public double matrixEntry(double[] x, int o, int j) {
    return x[index[o * filterEntries + j]];
  }
}
