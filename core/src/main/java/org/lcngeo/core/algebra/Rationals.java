package org.lcngeo.core.algebra;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;

/**
 * Our own parser and printer of exact rational literals: integers {@code -12}, fractions {@code
 * 3/4}, finite decimals {@code 0.1} (exactly 1/10, never the nearest double) and decimals with an
 * exponent {@code 1.5e-3}. Nothing a user types is handed to a computer algebra system.
 */
public final class Rationals {
  /** Longest literal accepted; beyond it the input is rejected rather than parsed. */
  public static final int MAX_LITERAL_LENGTH = 2000;

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern FRACTION = Pattern.compile("([+-]?\\d+)/(\\d+)");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,6})?");

  private Rationals() {}

  /**
   * Parses an exact rational literal.
   *
   * @throws InvalidInputException with a message that quotes the literal when it is not one
   */
  public static BigFraction parse(String literal) {
    if (literal == null) {
      throw new InvalidInputException("missing number");
    }
    String s = literal.strip();
    if (s.length() > MAX_LITERAL_LENGTH) {
      throw new InvalidInputException(
          "number literal of " + s.length() + " characters exceeds " + MAX_LITERAL_LENGTH);
    }
    if (INTEGER.matcher(s).matches()) {
      return new BigFraction(new BigInteger(s));
    }
    var f = FRACTION.matcher(s);
    if (f.matches()) {
      BigInteger den = new BigInteger(f.group(2));
      if (den.signum() == 0) {
        throw new InvalidInputException("'" + s + "' has a zero denominator");
      }
      return new BigFraction(new BigInteger(f.group(1)), den);
    }
    if (DECIMAL.matcher(s).matches()) {
      return fromDecimal(new BigDecimal(s));
    }
    throw new InvalidInputException(
        "'" + abbreviate(s) + "' is not a rational number (use an integer, p/q or a finite decimal)");
  }

  /**
   * The exact value of a decimal.
   *
   * @throws LimitExceededException when its power of ten lies beyond 10^&plusmn;{@value
   *     #MAX_LITERAL_LENGTH} (as many digits as the longest literal has)
   */
  public static BigFraction fromDecimal(BigDecimal d) {
    BigInteger unscaled = d.unscaledValue();
    int scale = d.scale();
    if (Math.abs((long) scale) > MAX_LITERAL_LENGTH) {
      throw new LimitExceededException("the number " + abbreviate(d.toString()) + " has a power of"
          + " ten beyond 10^" + MAX_LITERAL_LENGTH + " in magnitude, the limit of an exact number");
    }
    if (scale <= 0) {
      return new BigFraction(unscaled.multiply(BigInteger.TEN.pow(-scale)));
    }
    return new BigFraction(unscaled, BigInteger.TEN.pow(scale));
  }

  /** {@code "p"} or {@code "p/q"} in lowest terms with a positive denominator. */
  public static String format(BigFraction q) {
    return q.getDenominator().equals(BigInteger.ONE)
        ? q.getNumerator().toString()
        : q.getNumerator() + "/" + q.getDenominator();
  }

  /** {@link #format} of every entry. */
  public static java.util.List<String> formatAll(java.util.List<BigFraction> values) {
    return values.stream().map(Rationals::format).toList();
  }

  /** Decimal string with {@code digits} significant digits, {@code "0"} for zero. */
  public static String toDecimal(BigFraction q, int digits) {
    if (q.getNumerator().signum() == 0) {
      return "0";
    }
    BigDecimal v =
        new BigDecimal(q.getNumerator())
            .divide(new BigDecimal(q.getDenominator()), new java.math.MathContext(digits));
    return v.toPlainString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
