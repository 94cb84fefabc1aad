package org.lcngeo.cli;

import java.io.PrintWriter;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.TimeLimitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * {@code lcn}: the command line of lcngeo (contract: shared/spec/cli.md). Exit status 0 on success,
 * 2 for invalid input or usage (one {@code error:} line on stderr, nothing on stdout), 1 for an
 * internal failure. Set {@code LCN_DEBUG=1} to see stack traces of internal failures.
 */
@Command(
    name = "lcn",
    mixinStandardHelpOptions = true,
    version = "lcngeo 0.1.0",
    description = "Geometry of gradient flows of linear convolutional networks: exact and numeric.")
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

  static {
    // Symja logs through log4j-api without an implementation: keep its start-up quiet.
    System.setProperty(
        "log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
    System.setProperty("log4j2.statusLoggerLevel", "OFF");
    System.setProperty("org.apache.logging.log4j.level", "OFF");
  }

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
    CommandLine cl = new CommandLine(new Lcn());
    boolean named = args.length > 0 && COMMANDS.stream().anyMatch(c -> name(c).equals(args[0]));
    for (Class<?> c : COMMANDS) {
      if (!named || name(c).equals(args[0])) {
        cl.addSubcommand(c);
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUnmatchedOptionsAllowedAsOptionParameters(true);
    cl.setParameterExceptionHandler(Lcn::usageError);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof InvalidInputException) {
            return fail(commandLine.getErr(), e.getMessage(), 2);
          }
          if (e instanceof TimeLimitException) {
            return fail(commandLine.getErr(), e.getMessage() + "; nothing was computed before it", 3);
          }
          if (System.getenv("LCN_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          }
          return fail(
              commandLine.getErr(),
              "internal failure: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
              1);
        });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return fail(cl.getErr(), "out of memory: the input is too large for this machine", 1);
    }
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  private static int usageError(ParameterException e, String[] args) {
    return fail(e.getCommandLine().getErr(), e.getMessage(), 2);
  }

  private static int fail(PrintWriter err, String message, int code) {
    String line = message == null ? "unknown error" : message.replace('\n', ' ').strip();
    err.println("error: " + line);
    err.flush();
    return code;
  }
}
