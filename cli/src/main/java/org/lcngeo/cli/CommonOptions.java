package org.lcngeo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --json} and {@code --digits}, shared by every command. */
public final class CommonOptions {
  /** The most significant digits a decimal may be asked for. */
  static final int MAX_DIGITS = 10_000;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--json", description = "print one JSON object on stdout instead of text")
  boolean json;

  private int digits = 20;

  /** Sets {@code --digits}, refused while the command line is parsed unless 1..10000. */
  @Option(
      names = "--digits",
      paramLabel = "N",
      defaultValue = "20",
      description = "significant digits of every ...Decimal field, 1 to " + MAX_DIGITS
          + " (default ${DEFAULT-VALUE})")
  void digits(int n) {
    if (n < 1 || n > MAX_DIGITS) {
      throw new ParameterException(commandLine(),
          "--digits must be between 1 and " + MAX_DIGITS + ", not " + n);
    }
    digits = n;
  }

  private CommandLine commandLine() {
    return spec == null ? new CommandLine(CommandSpec.create()) : spec.commandLine();
  }

  /** Whether one JSON object is printed instead of text. */
  public boolean json() {
    return json;
  }

  /** Significant digits of decimals, validated when parsed. */
  public int digits() {
    return digits;
  }
}
