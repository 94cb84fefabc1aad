package org.lcngeo.numeric.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * Tick labels that differ and say what they mean: every label of an axis is rounded to one
 * resolution, a power of ten finer than the axis's tick spacing can be, so two ticks never read
 * alike (the old {@code 0.###E0} pattern printed {@code 6E-10} twice, and thirty histogram labels
 * {@code 1.036E2}); plain decimals between 1e-3 and 1e5, {@code 1.5e-10} style outside.
 */
final class Ticks {
  /** XChart spaces ticks at least this many pixels apart (its default hint is 74). */
  private static final int MIN_TICK_PIXELS = 40;

  private Ticks() {}

  /** Labels for a linear axis showing {@code [min, max]} on about {@code pixels} pixels. */
  static Function<Double, String> linear(double min, double max, int pixels) {
    double range = max - min;
    if (!(range > 0) || !Double.isFinite(range)) {
      double scale = Math.max(Math.abs(min), Math.abs(max));
      range = scale > 0 ? scale * 1e-3 : 1;
    }
    double finest = range / Math.max(2, pixels / MIN_TICK_PIXELS);
    int exponent = (int) Math.floor(Math.log10(finest)) - 1;
    return v -> label(v, exponent);
  }

  /**
   * Labels for an axis drawn in log10 of the value (XChart's own log axis ignores a custom
   * formatter): the tick at u reads 10^u to two significant digits, which tells apart ticks at
   * least a tenth of a decade apart.
   */
  static Function<Double, String> powersOfTen() {
    return u -> {
      double v = Math.pow(10, u);
      return label(v, (int) Math.floor(Math.log10(v) + 1e-9) - 1);
    };
  }

  /** {@code value} rounded to a multiple of 10^exponent, without trailing zeros. */
  static String label(double value, int exponent) {
    if (value == 0 || !Double.isFinite(value)) {
      return value == 0 ? "0" : Double.toString(value);
    }
    BigDecimal rounded = new BigDecimal(value).setScale(-exponent, RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
    if (rounded.signum() == 0) {
      return "0";
    }
    double magnitude = Math.abs(rounded.doubleValue());
    if (magnitude >= 1e-3 && magnitude < 1e5) {
      return rounded.toPlainString();
    }
    int power = rounded.precision() - rounded.scale() - 1;
    String mantissa = rounded.movePointLeft(power).toPlainString();
    return mantissa + "e" + power;
  }
}
