package org.lcngeo.symbolic.ntk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * An exact rational matrix stored as integer numerators over one common positive denominator:
 * entry (i, j) is {@code numerator(i, j) / denominator()}. Numerators live in a {@code long[]}
 * when they fit (the common case of the exact NTK, Observation 3) and in a {@code BigInteger[]}
 * otherwise; either way row-major. Immutable; {@link #equals} compares values, not
 * representations.
 */
public final class ScaledIntegerMatrix {
  private final int rows;
  private final int cols;
  private final long[] small;
  private final BigInteger[] big;
  private final BigInteger denominator;

  private ScaledIntegerMatrix(
      int rows, int cols, long[] small, BigInteger[] big, BigInteger denominator) {
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException("the denominator must be positive");
    }
    int len = small != null ? small.length : big.length;
    if ((long) rows * cols != len) {
      throw new IllegalArgumentException("numerators do not match " + rows + "x" + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.small = small;
    this.big = big;
    this.denominator = denominator;
  }

  /** Row-major long numerators (not copied: the caller hands them over). */
  public static ScaledIntegerMatrix ofLongs(
      int rows, int cols, long[] numerators, BigInteger denominator) {
    return new ScaledIntegerMatrix(rows, cols, numerators, null, denominator);
  }

  /** Row-major BigInteger numerators, {@code null} meaning zero (not copied). */
  public static ScaledIntegerMatrix ofBigIntegers(
      int rows, int cols, BigInteger[] numerators, BigInteger denominator) {
    return new ScaledIntegerMatrix(rows, cols, null, numerators, denominator);
  }

  /** The exact matrix of a list of rational rows, over the lcm of its denominators. */
  public static ScaledIntegerMatrix ofFractions(List<? extends List<BigFraction>> m) {
    int r = m.size();
    int c = r == 0 ? 0 : m.get(0).size();
    BigInteger den = BigInteger.ONE;
    for (List<BigFraction> row : m) {
      for (BigFraction x : row) {
        den = lcm(den, x.getDenominator());
      }
    }
    BigInteger[] num = new BigInteger[r * c];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        BigFraction x = m.get(i).get(j);
        num[i * c + j] = x.getNumerator().multiply(den.divide(x.getDenominator()));
      }
    }
    return ofBigIntegers(r, c, num, den);
  }

  static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.divide(a.gcd(b)).multiply(b);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The common denominator (positive; not necessarily the least one). */
  public BigInteger denominator() {
    return denominator;
  }

  /** True when the numerators are held as machine integers. */
  public boolean hasLongNumerators() {
    return small != null;
  }

  public BigInteger numerator(int i, int j) {
    int p = index(i, j);
    if (small != null) {
      return BigInteger.valueOf(small[p]);
    }
    return big[p] == null ? BigInteger.ZERO : big[p];
  }

  /** Entry (i, j) in lowest terms. */
  public BigFraction get(int i, int j) {
    return new BigFraction(numerator(i, j), denominator);
  }

  /** Row i in lowest terms. */
  public List<BigFraction> row(int i) {
    List<BigFraction> r = new ArrayList<>(cols);
    for (int j = 0; j < cols; j++) {
      r.add(get(i, j));
    }
    return r;
  }

  /** The matrix as rows of fractions in lowest terms. */
  public List<List<BigFraction>> toFractions() {
    List<List<BigFraction>> m = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      m.add(row(i));
    }
    return m;
  }

  /** The numerators as rows of BigIntegers (the matrix times {@link #denominator()}). */
  public BigInteger[][] numerators() {
    BigInteger[][] m = new BigInteger[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m[i][j] = numerator(i, j);
      }
    }
    return m;
  }

  /** Sum of the numerators of the diagonal over the denominator. */
  public BigFraction trace() {
    BigInteger t = BigInteger.ZERO;
    for (int i = 0; i < Math.min(rows, cols); i++) {
      t = t.add(numerator(i, i));
    }
    return new BigFraction(t, denominator);
  }

  private int index(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException("(" + i + ", " + j + ") in " + rows + "x" + cols);
    }
    return i * cols + j;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScaledIntegerMatrix m) || m.rows != rows || m.cols != cols) {
      return false;
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (!numerator(i, j).multiply(m.denominator).equals(m.numerator(i, j).multiply(denominator))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = rows * 31 + cols;
    for (int i = 0; i < Math.min(rows, cols == 0 ? 0 : 4); i++) {
      h = h * 31 + get(i, 0).hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return toFractions().toString();
  }
}
