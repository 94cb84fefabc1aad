package org.lcngeo.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --json} and {@code --digits}, shared by every command, and the validation of the {@code
 * --timeout} of the commands that bound an elimination.
 */
public final class CommonOptions {
  @Option(names = "--json", description = "print one JSON object on stdout instead of text")
  boolean json;

  @Option(
      names = "--digits",
      paramLabel = "N",
      defaultValue = "20",
      description = "significant digits of every ...Decimal field (default ${DEFAULT-VALUE})")
  int digits;

  /** Whether one JSON object is printed instead of text. */
  public boolean json() {
    return json;
  }

  /** Digits, validated. */
  public int digits() {
    if (digits < 1 || digits > 10_000) {
      throw new org.lcngeo.core.InvalidInputException(
          "--digits must be between 1 and 10000, not " + digits);
    }
    return digits;
  }

  /** A {@code --timeout} in seconds, validated (1 to 3600), as a duration. */
  public static Duration timeout(int seconds) {
    if (seconds < 1 || seconds > 3600) {
      throw new org.lcngeo.core.InvalidInputException(
          "--timeout must be between 1 and 3600 seconds, not " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }
}
