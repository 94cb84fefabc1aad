package org.lcngeo.core;

/**
 * Size bounds that keep every computation within memory and time on an ordinary machine. Inputs
 * beyond them are rejected up front with a message naming the size, instead of failing later with
 * an {@link OutOfMemoryError}.
 */
public final class Limits {
  /** Maximum number of end-to-end filter entries (rows of the Jacobian). */
  public static final int MAX_END_TO_END_ENTRIES = 200_000;
  /** Maximum number of parameters of a filter tuple. */
  public static final int MAX_PARAMETERS = 200_000;
  /** Maximum number of entries of an NTK that is formed as a dense matrix (n x n). */
  public static final long MAX_NTK_ENTRIES = 16_000_000L;
  /** Maximum size of one filter dimension, stride or dimension count. */
  public static final int MAX_EXTENT = 100_000;
  /** Maximum number of layers. */
  public static final int MAX_LAYERS = 64;
  /** Maximum number of signal dimensions D. */
  public static final int MAX_DIMS = 8;

  private Limits() {}

  /** Throws when an n x n matrix is too large to be formed densely. */
  public static void checkDenseSquare(long n, String what) {
    if (n * n > MAX_NTK_ENTRIES) {
      throw new LimitExceededException(
          what + " would be " + n + "x" + n + " (" + (n * n) + " entries), more than the limit of "
              + MAX_NTK_ENTRIES + " entries");
    }
  }
}
