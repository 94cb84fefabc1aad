package org.lcngeo.cli;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.flow.GradientFlow;
import org.lcngeo.numeric.ntk.NumericMu;
import org.lcngeo.numeric.sweep.RunSpec;
import org.lcngeo.numeric.sweep.SweepRunner;
import org.lcngeo.numeric.sweep.SweepSummary;
import org.lcngeo.numeric.sweep.TaskEngine;
import picocli.CommandLine;

/**
 * A sweep's runs as a task another JVM can run ({@code lcn sweep --master}): the sweep's command
 * line, parsed again where the task runs, and the bytes of its {@code --data} file (executors need
 * not see the driver's files). Each run's row comes from {@link SweepCommand#row}, the function of
 * the local sweep, from the same options, so the rows are those of the local sweep.
 */
final class SweepTask implements Function<RunSpec, Map<String, Object>>, Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> args;
  private final byte[] data;
  private final String dataName;
  /**
   * The parsed sweep of each command line in this JVM: Spark deserializes a copy of the task for
   * every run, and parsing, reading the data and compiling the plan once per run cost more than
   * the run.
   */
  private static final Map<List<Object>, Prepared> PREPARED = new java.util.concurrent.ConcurrentHashMap<>();

  private record Prepared(SweepCommand command, Architecture architecture, GradientFlow flow,
      double[][] inits) {}

  private SweepTask(List<String> args, byte[] data, String dataName) {
    this.args = List.copyOf(args);
    this.data = data;
    this.dataName = dataName;
  }

  private static final String NO_SPARK = "--master runs the sweep on Apache Spark, which is in the"
      + " atlas module: run it through ./lcn, which starts that module for --master";

  /** Checks {@code master} before any work (the distributed engine's check). */
  static void checkMaster(String master) {
    if (!TaskEngine.checkDistributed(master)) {
      throw new InvalidInputException(NO_SPARK);
    }
  }

  /**
   * Runs the sweep's specs on the distributed engine at {@code master}; {@code started} runs once
   * the engine has started, before any work (an engine that does not start writes nothing).
   */
  static SweepSummary runDistributed(List<String> originalArgs, Path dataFile, String master,
      List<RunSpec> specs, Path csv, boolean resume, BiConsumer<Integer, Integer> progress,
      Runnable started) throws IOException {
    List<String> args = new ArrayList<>(originalArgs);
    if (!args.isEmpty() && args.get(0).equals("sweep")) {
      args.remove(0);
    }
    SweepTask task = new SweepTask(args, dataFile == null ? null : Files.readAllBytes(dataFile),
        dataFile == null ? null : dataFile.getFileName().toString());
    try (TaskEngine engine = TaskEngine.distributed(master, "lcn sweep")
        .orElseThrow(() -> new InvalidInputException(NO_SPARK))) {
      started.run();
      return new SweepRunner(engine, progress).run(specs, task, csv, resume);
    }
  }

  @Override
  public Map<String, Object> apply(RunSpec spec) {
    Prepared p = PREPARED.computeIfAbsent(
        List.of(args, data == null ? List.of() : java.util.Arrays.hashCode(data)), k -> prepare());
    double[] start = p.inits() != null
        ? p.inits()[(int) spec.seed()] : p.command().gaussianTuple(p.architecture(), spec.seed());
    return SweepCommand.row(p.flow(), start);
  }

  private Prepared prepare() {
    SweepCommand c = new SweepCommand();
    CommandLine cl = new CommandLine(c);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUnmatchedOptionsAllowedAsOptionParameters(true);
    cl.parseArgs(args.toArray(new String[0]));
    try {
      if (data != null) {
        Path dir = Files.createTempDirectory("lcn-sweep-data-");
        Path file = dir.resolve(dataName);
        Files.write(file, data);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        c.data = file;
      }
      Architecture a = c.arch.architecture();
      return new Prepared(c, a, new GradientFlow(NumericMu.of(a),
          new QuadraticLoss(c.trainingData(a)), c.settings(c.functionSpace)),
          c.runs == null ? c.inits(a, false) : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
