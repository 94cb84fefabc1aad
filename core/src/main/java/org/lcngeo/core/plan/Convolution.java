package org.lcngeo.core.plan;

import java.util.ArrayList;
import java.util.Collections;
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
 * <p>By Lemma 9, composing the layers of an {@link Architecture} (layer 1 first) is the single
 * convolution {@code alpha_{mu(w), s_1...s_H}} with the end-to-end filter of {@link MuPlan#mu}.
 */
public final class Convolution {
  private Convolution() {}

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
      n[m] = Math.addExact(Math.multiplyExact(stride[m], outputShape[m] - 1), filterShape[m]);
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

  /**
   * alpha_{w,s}(X) for a filter w of shape k and a signal X of shape n (both row-major); the
   * result has shape {@link #outputShape}.
   */
  public static <T> List<T> apply(
      Ring<T> ring, List<T> filter, int[] filterShape, int[] stride, List<T> signal, int[] shape) {
    int[] out = outputShape(shape, filterShape, stride);
    int dims = shape.length;
    int outSize = product(out);
    if (signal.size() != product(shape) || filter.size() != product(filterShape)) {
      throw new InvalidInputException("signal or filter does not have the stated shape");
    }
    int[] rowStride = rowStrides(shape);
    // flat position of filter entry j relative to the window's corner
    int[] filterOffset = new int[filter.size()];
    for (int j = 0; j < filterOffset.length; j++) {
      int[] idx = Architecture.unflatten(j, filterShape);
      for (int m = 0; m < dims; m++) {
        filterOffset[j] += idx[m] * rowStride[m];
      }
    }
    List<T> y = new ArrayList<>(Collections.nCopies(outSize, ring.zero()));
    for (int i = 0; i < outSize; i++) {
      int[] idx = Architecture.unflatten(i, out);
      int corner = 0;
      for (int m = 0; m < dims; m++) {
        corner += idx[m] * stride[m] * rowStride[m];
      }
      T acc = ring.zero();
      for (int j = 0; j < filterOffset.length; j++) {
        acc = ring.addProduct(acc, filter.get(j), signal.get(corner + filterOffset[j]));
      }
      y.set(i, acc);
    }
    return y;
  }

  private static int[] rowStrides(int[] shape) {
    int[] r = new int[shape.length];
    int s = 1;
    for (int m = shape.length - 1; m >= 0; m--) {
      r[m] = s;
      s *= shape[m];
    }
    return r;
  }

  private static int product(int[] v) {
    int p = 1;
    for (int x : v) {
      p = Math.multiplyExact(p, x);
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
