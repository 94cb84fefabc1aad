package org.lcngeo.core.plan;

import java.util.ArrayList;
import java.util.List;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.Ring;
import org.lcngeo.core.model.Architecture;

/**
 * The strided convolution alpha_{w,s} on D-dimensional signals (paper, eq. 2 for D = 1 and eq. 10
 * in general): {@code (alpha_{w,s}(X))_i = sum_j w_j X_{i*s + j}}, indices componentwise, tensors
 * stored row-major. A signal of shape n gives an output of shape {@code floor((n - k)/s) + 1}; an
 * output of shape d needs an input of shape {@code s(d - 1) + k} ({@link #inputShape}).
 *
 * <p>Compiled once per (filter shape, stride, input shape) into THE index structure of the
 * convolution, the table of flat input positions of X_{i s + j} ({@link #position}); it also gives
 * the matrix M_X of {@code w -> alpha_w(X)}. {@link #apply} executes the table over any {@link
 * Ring}; the numeric module runs the same table in primitive doubles.
 *
 * <p>By Lemma 9, composing the layers of an {@link Architecture} (layer 1 first) is the single
 * convolution {@code alpha_{mu(w), s_1...s_H}} with the end-to-end filter of {@link MuPlan#mu}.
 */
public final class Convolution {
  /** Largest signal and largest table (output entries times filter entries) compiled. */
  private static final long MAX_ENTRIES = 50_000_000L;

  private final int[] filterShape;
  private final int[] stride;
  private final int[] inputShape;
  private final int[] outputShape;
  private final int filterEntries;
  private final int inputEntries;
  private final int outputEntries;
  /** positions[o * filterEntries + j]: flat input position of X_{o s + j}. */
  private final int[] positions;

  private Convolution(int[] filterShape, int[] stride, int[] inputShape) {
    this.outputShape = outputShape(inputShape, filterShape, stride);
    this.filterShape = filterShape.clone();
    this.stride = stride.clone();
    this.inputShape = inputShape.clone();
    long in = product(inputShape);
    long out = product(outputShape);
    long f = product(filterShape);
    if (in > MAX_ENTRIES || out * f > MAX_ENTRIES) {
      throw new InvalidInputException(
          "signals of " + in + " entries with filters of " + f + " entries are too large");
    }
    this.inputEntries = (int) in;
    this.outputEntries = (int) out;
    this.filterEntries = (int) f;
    int dims = inputShape.length;
    int[] rowStride = new int[dims];
    int r = 1;
    for (int m = dims - 1; m >= 0; m--) {
      rowStride[m] = r;
      r *= inputShape[m];
    }
    // flat position of filter entry j relative to the window's corner
    int[] filterOffset = new int[filterEntries];
    for (int j = 0; j < filterEntries; j++) {
      int[] idx = Architecture.unflatten(j, filterShape);
      for (int m = 0; m < dims; m++) {
        filterOffset[j] += idx[m] * rowStride[m];
      }
    }
    this.positions = new int[outputEntries * filterEntries];
    for (int o = 0; o < outputEntries; o++) {
      int[] idx = Architecture.unflatten(o, outputShape);
      int corner = 0;
      for (int m = 0; m < dims; m++) {
        corner += idx[m] * stride[m] * rowStride[m];
      }
      for (int j = 0; j < filterEntries; j++) {
        positions[o * filterEntries + j] = corner + filterOffset[j];
      }
    }
  }

  /** Compiles alpha_{w,s} for filters of shape k on signals of shape n. */
  public static Convolution compile(int[] filterShape, int[] stride, int[] inputShape) {
    return new Convolution(filterShape, stride, inputShape);
  }

  /**
   * Compiles alpha_{w,s} for the signals of shape {@code s(d - 1) + k} whose output has shape d.
   */
  public static Convolution compileForOutput(int[] filterShape, int[] stride, int[] outputShape) {
    return new Convolution(filterShape, stride, inputShape(outputShape, filterShape, stride));
  }

  /** Shape of the output of alpha_{w,s} on a signal of the given shape. */
  public static int[] outputShape(int[] inputShape, int[] filterShape, int[] stride) {
    checkRanks(inputShape, filterShape, stride);
    int[] d = new int[inputShape.length];
    for (int m = 0; m < d.length; m++) {
      if (inputShape[m] < filterShape[m]) {
        throw new InvalidInputException(
            "a signal of size " + Architecture.vec(inputShape) + " is smaller than the filter "
                + Architecture.vec(filterShape));
      }
      d[m] = (inputShape[m] - filterShape[m]) / stride[m] + 1;
    }
    return d;
  }

  /** Smallest input shape {@code s(d - 1) + k} whose output has the given shape. */
  public static int[] inputShape(int[] outputShape, int[] filterShape, int[] stride) {
    checkRanks(outputShape, filterShape, stride);
    int[] n = new int[outputShape.length];
    for (int m = 0; m < n.length; m++) {
      if (outputShape[m] < 1) {
        throw new InvalidInputException("an output size must be at least 1");
      }
      long size = (long) stride[m] * (outputShape[m] - 1) + filterShape[m];
      if (size > MAX_ENTRIES) {
        throw new InvalidInputException(
            "an output size of " + outputShape[m] + " needs signals too large to hold");
      }
      n[m] = (int) size;
    }
    return n;
  }

  /**
   * Input shape of a whole network whose last layer outputs the given shape: the layers' {@link
   * #inputShape} applied from layer H back to layer 1. It equals the input shape of the end-to-end
   * convolution (end-to-end size and stride).
   */
  public static int[] networkInputShape(Architecture a, int[] outputShape) {
    int[] n = outputShape;
    for (int l = a.depth() - 1; l >= 0; l--) {
      n = inputShape(n, a.size(l), a.stride(l));
    }
    return n;
  }

  public int[] filterShape() {
    return filterShape.clone();
  }

  public int[] stride() {
    return stride.clone();
  }

  public int[] inputShape() {
    return inputShape.clone();
  }

  public int[] outputShape() {
    return outputShape.clone();
  }

  public int filterEntries() {
    return filterEntries;
  }

  public int inputEntries() {
    return inputEntries;
  }

  public int outputEntries() {
    return outputEntries;
  }

  /** Flat input position of X_{o s + j}: entry (o, j) of the matrix M_X of w -> alpha_w(X). */
  public int position(int o, int j) {
    return positions[o * filterEntries + j];
  }

  /** The whole table: {@code positions()[o * filterEntries() + j] = position(o, j)}. */
  public int[] positions() {
    return positions.clone();
  }

  /** alpha_{w,s}(X) for a filter w and a signal X of the compiled shapes (both row-major). */
  public <T> List<T> apply(Ring<T> ring, List<T> filter, List<T> signal) {
    if (signal.size() != inputEntries || filter.size() != filterEntries) {
      throw new InvalidInputException("signal or filter does not have the stated shape");
    }
    List<T> y = new ArrayList<>(outputEntries);
    for (int o = 0; o < outputEntries; o++) {
      T acc = ring.zero();
      int base = o * filterEntries;
      for (int j = 0; j < filterEntries; j++) {
        acc = ring.addProduct(acc, filter.get(j), signal.get(positions[base + j]));
      }
      y.add(acc);
    }
    return y;
  }

  private static long product(int[] v) {
    long p = 1;
    for (int x : v) {
      p *= x;
      if (p > Integer.MAX_VALUE) {
        return Long.MAX_VALUE / 2;
      }
    }
    return p;
  }

  private static void checkRanks(int[] shape, int[] filterShape, int[] stride) {
    if (shape.length != filterShape.length || stride.length != filterShape.length) {
      throw new InvalidInputException(
          "signal, filter and stride must have the same dimension D");
    }
    for (int m = 0; m < stride.length; m++) {
      if (stride[m] < 1 || filterShape[m] < 1) {
        throw new InvalidInputException("filter sizes and strides must be at least 1");
      }
    }
  }
}
