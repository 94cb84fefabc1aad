package org.lcngeo.symbolic.linalg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.hipparchus.fraction.BigFraction;

/**
 * A rational vector from its images modulo word-size primes: Chinese remaindering and rational
 * reconstruction of each entry (Wang's method; von zur Gathen and Gerhard, <i>Modern Computer
 * Algebra</i>, Sec. 5.10), tried whenever the number of primes has doubled and returned only when
 * an exact check accepts it. Serves the modular linear solver and the modular inverse in number
 * fields, where computing over Q swells the intermediate fractions.
 */
public final class ModularReconstruction {
  private static final long FIRST_PRIME = (1L << 31) - 1;

  /** The wanted vector modulo p (entries in [0, p)), or null when p is unlucky. */
  @FunctionalInterface
  public interface Image {
    long[] modulo(long p);
  }

  private ModularReconstruction() {}

  /**
   * The first reconstruction of a vector of the given length that {@code check} accepts, from the
   * images of at most {@code maxPrimes} lucky primes (and at most four times as many primes tried);
   * empty otherwise. The primes lie above 2^31 and below 2^32, so products of two residues fit a
   * long. A reconstruction is first compared with the image at the next lucky prime, which is
   * then used as usual: only one that agrees there (or whose denominators that prime divides) goes
   * to the exact check, which for long rationals costs far more than the images (the rescaling's
   * Hankel systems of order 60 over thousand-bit traces).
   */
  public static Optional<List<BigFraction>> of(int length, int maxPrimes, Image image,
      Predicate<List<BigFraction>> check) {
    BigInteger product = BigInteger.ONE;
    BigInteger[] residue = new BigInteger[length];
    Arrays.fill(residue, BigInteger.ZERO);
    long p = FIRST_PRIME;
    int used = 0;
    int nextTry = 1;
    List<BigFraction> pending = null;
    for (int tried = 0; used < maxPrimes && tried < 4 * maxPrimes; tried++) {
      p = BigInteger.valueOf(p).nextProbablePrime().longValue();
      long[] xp = image.modulo(p);
      if (xp == null) {
        continue;
      }
      BigInteger bp = BigInteger.valueOf(p);
      if (pending != null) {
        if (agreesOrUnknown(pending, xp, bp) && check.test(pending)) {
          return Optional.of(pending);
        }
        pending = null;
      }
      BigInteger productInverse = product.mod(bp).modInverse(bp);
      for (int i = 0; i < length; i++) {
        BigInteger diff = BigInteger.valueOf(xp[i]).subtract(residue[i]).mod(bp);
        residue[i] = residue[i].add(product.multiply(diff.multiply(productInverse).mod(bp)));
      }
      product = product.multiply(bp);
      used++;
      if (used == nextTry) {
        nextTry *= 2;
        List<BigFraction> x = new ArrayList<>(length);
        for (int i = 0; i < length && x.size() == i; i++) {
          BigFraction q = rational(residue[i], product);
          if (q != null) {
            x.add(q);
          }
        }
        if (x.size() == length) {
          pending = x;
        }
      }
    }
    return pending != null && check.test(pending) ? Optional.of(pending) : Optional.empty();
  }

  /**
   * Whether x reduced modulo p is the image xp, or p divides a denominator of x (then nothing is
   * known). A reconstruction that is the wanted vector always agrees with a lucky prime's image.
   */
  private static boolean agreesOrUnknown(List<BigFraction> x, long[] xp, BigInteger p) {
    for (int i = 0; i < x.size(); i++) {
      BigInteger d = x.get(i).getDenominator().mod(p);
      if (d.signum() == 0) {
        return true;
      }
      BigInteger r = x.get(i).getNumerator().mod(p).multiply(d.modInverse(p)).mod(p);
      if (r.longValue() != xp[i]) {
        return false;
      }
    }
    return true;
  }

  /** r / s with r = u s mod P and |r|, 0 < s <= sqrt(P / 2); null if there is none. */
  public static BigFraction rational(BigInteger u, BigInteger modulus) {
    BigInteger bound = modulus.shiftRight(1).sqrt();
    BigInteger r0 = modulus;
    BigInteger r1 = u.mod(modulus);
    BigInteger s0 = BigInteger.ZERO;
    BigInteger s1 = BigInteger.ONE;
    while (r1.compareTo(bound) > 0) {
      BigInteger[] qr = r0.divideAndRemainder(r1);
      r0 = r1;
      r1 = qr[1];
      BigInteger s = s0.subtract(qr[0].multiply(s1));
      s0 = s1;
      s1 = s;
    }
    if (s1.signum() == 0 || s1.abs().compareTo(bound) > 0 || !r1.gcd(s1).equals(BigInteger.ONE)) {
      return null;
    }
    return new BigFraction(r1, s1);
  }
}
