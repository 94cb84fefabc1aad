package org.lcngeo.symbolic.algebraic;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The product of two integer polynomials (coefficient arrays, lowest degree first), the kernel of
 * {@link FieldElement#multiply}. Short coefficients: the schoolbook double loop. Long ones
 * (elements of fields of degree 30 whose powers reach thousands of bits, as in the characteristic
 * polynomials of rescaled NTK entries): Kronecker substitution, x = 2^w with slots of w bits wide
 * enough for every coefficient of the product, so that the d^2 products of long by short integers
 * become one product of two integers of d w bits, where {@link BigInteger#multiply} uses
 * Karatsuba and Toom-Cook. Exact either way: the slots are unpacked with their signs.
 */
final class IntegerConvolution {
  /**
   * Kronecker substitution from this many bits of the two operands' longest coefficients together
   * (below, the packing costs more than the schoolbook products it saves).
   */
  static final int KRONECKER_BITS = 2048;

  private IntegerConvolution() {}

  /** The coefficients of x(t) y(t), x.length + y.length - 1 of them (null entries read as zero). */
  static BigInteger[] multiply(BigInteger[] x, BigInteger[] y) {
    int bx = maxBits(x);
    int by = maxBits(y);
    if (Math.min(x.length, y.length) < 4 || bx + by < KRONECKER_BITS) {
      return schoolbook(x, y);
    }
    return kronecker(x, y, bx, by);
  }

  static BigInteger[] schoolbook(BigInteger[] x, BigInteger[] y) {
    BigInteger[] p = new BigInteger[x.length + y.length - 1];
    Arrays.fill(p, BigInteger.ZERO);
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || x[i].signum() == 0) {
        continue;
      }
      for (int j = 0; j < y.length; j++) {
        if (y[j] != null && y[j].signum() != 0) {
          p[i + j] = p[i + j].add(x[i].multiply(y[j]));
        }
      }
    }
    return p;
  }

  /**
   * Kronecker substitution: |product coefficient| <= min(len) 2^(bx + by) < 2^(w - 1) with w a
   * multiple of 8, so slots are whole bytes of the packed integers.
   */
  static BigInteger[] kronecker(BigInteger[] x, BigInteger[] y, int bx, int by) {
    int len = x.length + y.length - 1;
    int headroom = 33 - Integer.numberOfLeadingZeros(Math.min(x.length, y.length));
    int w = (bx + by + headroom + 1 + 7) & ~7;
    BigInteger z = pack(x, w).multiply(pack(y, w));
    return unpack(z, w, len);
  }

  /** sum_i x_i 2^(w i), as positive slots minus negative slots (|x_i| < 2^(w - 1)). */
  private static BigInteger pack(BigInteger[] x, int w) {
    int slot = w / 8;
    byte[] pos = new byte[slot * x.length];
    byte[] neg = new byte[slot * x.length];
    boolean anyNeg = false;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || x[i].signum() == 0) {
        continue;
      }
      byte[] target = x[i].signum() > 0 ? pos : neg;
      anyNeg |= x[i].signum() < 0;
      byte[] b = x[i].abs().toByteArray(); // big-endian, possibly a leading 0
      int n = Math.min(b.length, slot);
      int end = pos.length - slot * i; // the slot's bytes end here (big-endian)
      System.arraycopy(b, b.length - n, target, end - n, n);
    }
    BigInteger p = new BigInteger(1, pos);
    return anyNeg ? p.subtract(new BigInteger(1, neg)) : p;
  }

  /** The signed slots of z = sum_s z_s 2^(w s), |z_s| < 2^(w - 1), s < len. */
  private static BigInteger[] unpack(BigInteger z, int w, int len) {
    boolean negative = z.signum() < 0;
    byte[] b = z.abs().toByteArray();
    int slot = w / 8;
    BigInteger half = BigInteger.ONE.shiftLeft(w - 1);
    BigInteger full = BigInteger.ONE.shiftLeft(w);
    BigInteger[] out = new BigInteger[len];
    boolean carry = false;
    for (int s = 0; s < len; s++) {
      int end = b.length - slot * s;
      int start = Math.max(0, end - slot);
      BigInteger u = end > 0 ? new BigInteger(1, b, start, end - start) : BigInteger.ZERO;
      if (carry) {
        u = u.add(BigInteger.ONE);
      }
      carry = u.compareTo(half) >= 0;
      BigInteger v = carry ? u.subtract(full) : u;
      out[s] = negative ? v.negate() : v;
    }
    return out;
  }

  private static int maxBits(BigInteger[] x) {
    int b = 0;
    for (BigInteger c : x) {
      if (c != null) {
        b = Math.max(b, c.bitLength());
      }
    }
    return b;
  }
}
