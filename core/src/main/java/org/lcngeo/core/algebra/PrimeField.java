package org.lcngeo.core.algebra;

/**
 * The prime field Z/pZ for a prime p below 2^31, on boxed longs: used to bound ranks of integer
 * matrices from below exactly (rank mod p never exceeds rank over Q).
 */
public record PrimeField(long p) implements Ring<Long> {
  /** The Mersenne prime 2^31 - 1. */
  public static final PrimeField M31 = new PrimeField(2147483647L);

  public PrimeField {
    if (p < 2 || p >= (1L << 31)) {
      throw new IllegalArgumentException("modulus out of range: " + p);
    }
  }

  public long reduce(long x) {
    long r = x % p;
    return r < 0 ? r + p : r;
  }

  @Override
  public Long zero() {
    return 0L;
  }

  @Override
  public Long one() {
    return 1L;
  }

  @Override
  public Long add(Long a, Long b) {
    return reduce(a + b);
  }

  @Override
  public Long multiply(Long a, Long b) {
    return reduce(a * b);
  }

  @Override
  public Long negate(Long a) {
    return reduce(-a);
  }

  @Override
  public boolean isZero(Long a) {
    return a == 0L;
  }

  /** Multiplicative inverse of a non-zero residue (Fermat). */
  public long inverse(long a) {
    long result = 1;
    long base = reduce(a);
    long e = p - 2;
    while (e > 0) {
      if ((e & 1) == 1) {
        result = result * base % p;
      }
      base = base * base % p;
      e >>= 1;
    }
    return result;
  }

  /** Rank of a matrix over Z/pZ by Gaussian elimination (the matrix is copied). */
  public int rank(long[][] matrix) {
    int rows = matrix.length;
    if (rows == 0) {
      return 0;
    }
    int cols = matrix[0].length;
    long[][] m = new long[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = new long[cols];
      for (int j = 0; j < cols; j++) {
        m[i][j] = reduce(matrix[i][j]);
      }
    }
    int rank = 0;
    for (int c = 0; c < cols && rank < rows; c++) {
      int pivot = -1;
      for (int r = rank; r < rows; r++) {
        if (m[r][c] != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      long[] t = m[pivot];
      m[pivot] = m[rank];
      m[rank] = t;
      long inv = inverse(m[rank][c]);
      for (int r = rank + 1; r < rows; r++) {
        if (m[r][c] != 0) {
          long f = m[r][c] * inv % p;
          for (int j = c; j < cols; j++) {
            m[r][j] = reduce(m[r][j] - f * m[rank][j] % p);
          }
        }
      }
      rank++;
    }
    return rank;
  }
}
