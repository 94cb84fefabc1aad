package org.lcngeo.cli;

import java.io.PrintWriter;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.NumericalFailureException;
import org.lcngeo.core.TimeLimitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * {@code lcn}: the command line of lcngeo (contract: docs/cli.md). Exit status, one per kind of
 * failure ({@link ExitCode}): 0 on success; 2 for invalid input or usage and for a designed limit
 * reached (one {@code error:} line on stderr, nothing on stdout); 3 when the time limit stopped the
 * work; 4 for a numerical failure (a flow that diverged); 1 for an internal failure. Set {@code
 * LCN_DEBUG=1} to see stack traces of internal failures.
 */
@Command(
    name = "lcn",
    mixinStandardHelpOptions = true,
    version = "lcngeo 0.1.0",
    description = {"Geometry of gradient flows of linear convolutional networks: exact and numeric.",
      "Census of architectures on Apache Spark (atlas module): ./lcn atlas --help"},
    exitCodeListHeading = "%nExit status (docs/cli.md):%n",
    exitCodeList = {
      "0:success",
      "1:internal failure (LCN_DEBUG=1 prints the stack trace)",
      "2:invalid input or usage, or a designed limit reached",
      "3:--timeout stopped the work (partial output on stdout)",
      "4:numerical failure (a flow diverged)"
    })
public final class Lcn implements Runnable {
  /** The subcommands, in the order of the usage message. */
  private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(
      MuCommand.class,
      NtkCommand.class,
      FiberCommand.class,
      FormulaCommand.class,
      ManifoldCommand.class,
      FlowCommand.class,
      SweepCommand.class,
      org.lcngeo.cli.reproduce.ReproduceCommand.class,
      BenchCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int code = 1;
    try {
      code = execute(args);
    } finally {
      // System.exit also ends JAS's worker threads (which would keep the JVM alive for a minute),
      // on every path; calling JAS's ComputerThreads.terminate() here would load JAS and log4j
      // into every command, flows and sweeps included
      System.out.flush();
      System.exit(code);
    }
  }

  /**
   * Runs the command line and returns the exit status. picocli builds the model of every command
   * it is given (0.15-0.2 s for all of them), so a named subcommand is the only one built; usage,
   * help and unknown names get all of them.
   */
  public static int execute(String... args) {
    return execute(java.util.List.of(), args);
  }

  /**
   * Runs the command line with further subcommands: those of the atlas module, which has Spark on
   * its class path ({@code lcn atlas}, {@code lcn sweep --master}).
   */
  public static int execute(java.util.List<Class<?>> more, String... args) {
    java.util.List<Class<?>> commands = new java.util.ArrayList<>(COMMANDS);
    commands.addAll(more);
    CommandLine cl = new CommandLine(new Lcn());
    boolean named = args.length > 0 && commands.stream().anyMatch(c -> name(c).equals(args[0]));
    for (Class<?> c : commands) {
      if (!named || name(c).equals(args[0])) {
        cl.addSubcommand(c);
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUnmatchedOptionsAllowedAsOptionParameters(true);
    cl.setParameterExceptionHandler(Failures.INSTANCE);
    cl.setExecutionExceptionHandler(Failures.INSTANCE);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return fail(cl.getErr(), "out of memory: the input is too large for this machine",
          ExitCode.INTERNAL);
    }
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /**
   * Usage errors and failures as one {@code error:} line and an exit status ({@link ExitCode}). A
   * class, not two lambdas: picocli's handler interfaces are Java 5 class files, which a static
   * class-data-sharing archive (the {@code lcn} launcher's) stores only when no lambda of them is
   * spun while the archive is dumped; otherwise every command loads them from picocli's jar, after
   * opening the 60 jars before it on the class path (about 0.1 s of CPU time).
   */
  private static final class Failures
      implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    static final Failures INSTANCE = new Failures();

    @Override
    public int handleParseException(ParameterException e, String[] args) {
      return fail(e.getCommandLine().getErr(), e.getMessage(), ExitCode.INVALID_INPUT);
    }

    @Override
    public int handleExecutionException(
        Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      if (e instanceof InvalidInputException) {
        return fail(commandLine.getErr(), e.getMessage(), ExitCode.INVALID_INPUT);
      }
      if (e instanceof LimitExceededException) {
        return fail(commandLine.getErr(), e.getMessage(), ExitCode.LIMIT);
      }
      if (e instanceof NumericalFailureException) {
        return fail(commandLine.getErr(), "numerical failure: " + e.getMessage(),
            ExitCode.NUMERICAL_FAILURE);
      }
      if (e instanceof TimeLimitException) {
        return fail(commandLine.getErr(), e.getMessage() + "; nothing was computed before it",
            ExitCode.TIME_LIMIT);
      }
      if (System.getenv("LCN_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      }
      return fail(
          commandLine.getErr(),
          "internal failure: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          ExitCode.INTERNAL);
    }
  }

  private static int fail(PrintWriter err, String message, int code) {
    String line = message == null ? "unknown error"
        : message.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u0085]", " ").strip();
    err.println("error: " + line);
    err.flush();
    return code;
  }
}
