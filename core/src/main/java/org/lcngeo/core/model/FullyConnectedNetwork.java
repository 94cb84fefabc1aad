package org.lcngeo.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.Limits;

/**
 * A fully connected linear network (paper, Sec. 2 and Example 20): H weight matrices W_1..W_H, W_l
 * with d_l rows and d_{l-1} columns, computing the end-to-end matrix W = W_H ... W_1 (d_H x d_0).
 * Its neuromanifold is the determinantal variety of d_H x d_0 matrices of rank at most r = min_l
 * d_l, of dimension {@code r (d_0 + d_H - r)}. Immutable; validated on construction with messages
 * meant for the user.
 */
public final class FullyConnectedNetwork {
  private final int[] widths;
  private final int[] parameterStart;

  private FullyConnectedNetwork(int[] widths) {
    this.widths = widths;
    this.parameterStart = new int[widths.length];
    long total = 0;
    for (int l = 0; l + 1 < widths.length; l++) {
      total += (long) widths[l] * widths[l + 1];
      if (total > Limits.MAX_PARAMETERS) {
        throw new LimitExceededException(
            "the network would have more than " + Limits.MAX_PARAMETERS + " parameters");
      }
      parameterStart[l + 1] = (int) total;
    }
    if ((long) widths[0] * widths[widths.length - 1] > Limits.MAX_END_TO_END_ENTRIES) {
      throw new LimitExceededException(
          "the end-to-end matrix would have more than " + Limits.MAX_END_TO_END_ENTRIES
              + " entries");
    }
  }

  /** Validates and builds a network from its widths d_0, ..., d_H (H >= 1). */
  public static FullyConnectedNetwork of(int... widths) {
    if (widths == null || widths.length < 2) {
      throw new InvalidInputException(
          "a fully connected network needs at least one matrix (two widths)");
    }
    if (widths.length - 1 > Limits.MAX_LAYERS) {
      throw new LimitExceededException(
          (widths.length - 1) + " layers is more than the limit of " + Limits.MAX_LAYERS);
    }
    for (int l = 0; l < widths.length; l++) {
      if (widths[l] < 1) {
        throw new InvalidInputException("width d_" + l + " = " + widths[l] + " is less than 1");
      }
      if (widths[l] > Limits.MAX_EXTENT) {
        throw new LimitExceededException(
            "width d_" + l + " = " + widths[l] + " exceeds the limit of " + Limits.MAX_EXTENT);
      }
    }
    return new FullyConnectedNetwork(widths.clone());
  }

  /**
   * The network of the given weight matrices W_1..W_H (each a list of rows), checking that every
   * matrix is rectangular and non-empty and that W_{l+1} has as many columns as W_l has rows.
   */
  public static FullyConnectedNetwork ofMatrices(List<? extends List<? extends List<?>>> matrices) {
    if (matrices == null || matrices.isEmpty()) {
      throw new InvalidInputException("a fully connected network needs at least one matrix");
    }
    int[] widths = new int[matrices.size() + 1];
    for (int l = 0; l < matrices.size(); l++) {
      List<? extends List<?>> w = matrices.get(l);
      if (w.isEmpty() || w.get(0).isEmpty()) {
        throw new InvalidInputException("matrix W_" + (l + 1) + " is empty");
      }
      int cols = w.get(0).size();
      for (int i = 0; i < w.size(); i++) {
        if (w.get(i).size() != cols) {
          throw new InvalidInputException(
              "matrix W_" + (l + 1) + " is not rectangular: row 1 has " + cols
                  + " entries, row " + (i + 1) + " has " + w.get(i).size());
        }
      }
      if (l == 0) {
        widths[0] = cols;
      } else if (cols != widths[l]) {
        throw new InvalidInputException(
            "matrix W_" + (l + 1) + " has " + cols + " columns but W_" + l + " has "
                + widths[l] + " rows (W_" + (l + 1) + " must be d_" + (l + 1) + " x d_" + l + ")");
      }
      widths[l + 1] = w.size();
    }
    return of(widths);
  }

  /** H, the number of weight matrices. */
  public int depth() {
    return widths.length - 1;
  }

  /** d_l for l = 0..H. */
  public int width(int l) {
    return widths[l];
  }

  /** (d_0, ..., d_H). */
  public int[] widths() {
    return widths.clone();
  }

  /** Rows of layer l's matrix (0-based layer: W_{l+1} is d_{l+1} x d_l). */
  public int rows(int l) {
    return widths[l + 1];
  }

  /** Columns of layer l's matrix (0-based layer). */
  public int columns(int l) {
    return widths[l];
  }

  /** Index of layer l's first entry (0-based layer) in the flat parameter vector, row-major. */
  public int parameterStart(int l) {
    return parameterStart[l];
  }

  public int parameterCount() {
    return parameterStart[depth()];
  }

  /** Entries d_H * d_0 of the end-to-end matrix (side of the NTK). */
  public int outputEntries() {
    return widths[0] * widths[depth()];
  }

  /** r = min_l d_l, the largest rank the end-to-end matrix can have. */
  public int minWidth() {
    return Arrays.stream(widths).min().orElseThrow();
  }

  /**
   * r (d_0 + d_H - r): the dimension of the variety of d_H x d_0 matrices of rank at most r, which
   * is the (Zariski closure of the) image of W_1..W_H -> W_H ... W_1.
   */
  public int dimension() {
    int r = minWidth();
    return r * (widths[0] + widths[depth()] - r);
  }

  /** One-line summary, e.g. {@code fully connected, H=2, widths (2,2,2), 8 parameters}. */
  public String summary() {
    StringJoiner j = new StringJoiner(",", "(", ")");
    for (int d : widths) {
      j.add(Integer.toString(d));
    }
    return "fully connected, H=" + depth() + ", widths " + j + " -> end-to-end "
        + widths[depth()] + "x" + widths[0] + ", " + parameterCount() + " parameters";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FullyConnectedNetwork f && Arrays.equals(widths, f.widths);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(widths);
  }

  @Override
  public String toString() {
    return summary();
  }
}
