package org.lcngeo.symbolic.algebraic;

import java.math.BigInteger;
import org.hipparchus.fraction.BigFraction;

/**
 * A quadratic irrationality a + b*sqrt(r) with rationals a, b != 0 and an integer r > 1 that is
 * not a square (square factors below {@link #TRIAL_LIMIT} are pulled out, for readable output).
 */
record QuadraticSurd(BigFraction a, BigFraction b, BigInteger r) {
  private static final int TRIAL_LIMIT = 10_000;

  /** The radical form of a real algebraic number of degree two. */
  static QuadraticSurd of(RealAlgebraicNumber x) {
    BigFraction[] m = x.minimalArray(); // x^2 + p x + q
    BigFraction center = m[1].divide(-2);
    BigFraction radicand = center.multiply(center).subtract(m[0]); // (p^2 - 4q) / 4
    int side = x.compareTo(RealAlgebraicNumber.of(center));
    // sqrt(n/d) = sqrt(n*d)/d = s*sqrt(r)/d
    BigInteger nd = radicand.getNumerator().multiply(radicand.getDenominator());
    BigInteger s = BigInteger.ONE;
    BigInteger rest = nd;
    for (int f = 2; f < TRIAL_LIMIT; f++) {
      BigInteger sq = BigInteger.valueOf((long) f * f);
      if (sq.compareTo(rest) > 0) {
        break;
      }
      while (rest.mod(sq).signum() == 0) {
        rest = rest.divide(sq);
        s = s.multiply(BigInteger.valueOf(f));
      }
    }
    BigInteger root = rest.sqrt();
    if (root.multiply(root).equals(rest)) {
      throw new IllegalStateException("degree-two number with a square discriminant");
    }
    BigFraction b = new BigFraction(s, radicand.getDenominator()).multiply(side);
    return new QuadraticSurd(center, b, rest);
  }

  /** q0 + q1 * this, as a surd (q1 != 0) or a rational (q1 == 0, returned with b == 0). */
  QuadraticSurd affine(BigFraction q0, BigFraction q1) {
    return new QuadraticSurd(q0.add(q1.multiply(a)), q1.multiply(b), r);
  }

  /** Symja input such as "(1+Sqrt(5))/2", "Sqrt(2)/2", "-3+2*Sqrt(7)". */
  String toSymja() {
    if (b.signum() == 0) {
      return Symja.rational(a);
    }
    BigInteger da = a.getDenominator();
    BigInteger db = b.getDenominator();
    BigInteger l = da.divide(da.gcd(db)).multiply(db);
    BigInteger na = a.getNumerator().multiply(l.divide(da));
    BigInteger nb = b.getNumerator().multiply(l.divide(db));
    StringBuilder sb = new StringBuilder();
    if (na.signum() != 0) {
      sb.append(na);
    }
    if (nb.signum() < 0) {
      sb.append('-');
    } else if (na.signum() != 0) {
      sb.append('+');
    }
    if (!nb.abs().equals(BigInteger.ONE)) {
      sb.append(nb.abs()).append('*');
    }
    sb.append("Sqrt(").append(r).append(')');
    if (l.equals(BigInteger.ONE)) {
      return sb.toString();
    }
    return na.signum() != 0 ? "(" + sb + ")/" + l : sb + "/" + l;
  }
}
