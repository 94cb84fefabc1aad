package org.lcngeo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.NumericalFailureException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.flow.ConvergenceDiagnostics;
import org.lcngeo.numeric.flow.FlowResult;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.flow.GradientFlow;
import org.lcngeo.numeric.ntk.NumericMu;
import org.lcngeo.numeric.plot.Figure;
import org.lcngeo.numeric.plot.FlowPlot;
import org.lcngeo.numeric.sweep.RunSpec;
import org.lcngeo.numeric.sweep.SweepFailedException;
import org.lcngeo.numeric.sweep.SweepRunner;
import org.lcngeo.numeric.sweep.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lcn sweep}: many gradient flows of one loss from many initial tuples (issue 5, item 7), in
 * parallel on all cores, each finished run appended to a CSV at once (resumable), with the summary
 * Thm. 7 / Prop. 8 make interesting: how many runs end at mu(theta) = 0 and the loss levels the
 * others reach.
 *
 * <p>Initial tuples: {@code --runs N} seeded Gaussian tuples (run i from seed S + i, the tuple
 * {@code lcn flow --seed S+i} starts from), or every row of the {@code inits} array of the
 * {@code --data} file. A run's CSV id names its initialization ({@code seed-S+i} or {@code
 * init-i}), so {@code --resume} never mixes runs of different sweeps.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "Many gradient flows in parallel: --runs N seeded initial tuples (run i from seed S+i) or"
            + " the inits array of the --data file; one CSV row per finished run, --resume skips"
            + " the runs already there. Takes the options of lcn flow; the function-space flow"
            + " only with --function-space.")
final class SweepCommand extends FlowOptions implements Callable<Integer> {

  @Option(names = "--runs", paramLabel = "N", description = "N seeded Gaussian initial tuples, run i from seed S+i (instead of the inits of --data)")
  Integer runs;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "append one row per finished run (id, seed, final loss, limit, theta(T), ...)")
  Path csv;

  @Option(names = "--resume", description = "keep the rows of --csv and skip their runs")
  boolean resume;

  @Option(names = "--plot", paramLabel = "FILE", description = "histogram of the final losses (.png or .svg)")
  Path plot;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "worker threads (default: all available processors)")
  Integer threads;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "run on Apache Spark at this master (local[N], spark://host:port, ...): the"
          + " same rows, one task per run")
  String master;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  @Option(
      names = "--function-space",
      description = "also integrate the function-space flow of every run (its deviation in the CSV)")
  boolean functionSpace;

  @Override
  public Integer call() throws IOException {
    Architecture a = arch.architecture();
    FlowSettings settings = settings(functionSpace);
    if (csv != null) {
      requireWritable(csv, "--csv");
      requireWritable(SweepSettings.sidecar(csv), "--csv (settings file)");
    } else if (resume) {
      throw new InvalidInputException("--resume needs the --csv file of the sweep to continue");
    }
    if (plot != null) {
      Figure.requireFormat(plot);
      requireWritable(plot, "--plot");
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 1024) {
      throw new InvalidInputException("--threads must be between 1 and 1024, not " + workers);
    }
    if (master != null && threads != null) {
      throw new InvalidInputException("give --threads or --master, not both (local[N] is N threads)");
    }
    if (master != null) {
      SweepTask.checkMaster(master);
    }
    List<RunSpec> specs = new ArrayList<>();
    List<double[]> starts = new ArrayList<>();
    double[][] inits = runs == null ? inits(a, false) : null;
    if (runs != null) {
      if (runs < 1 || runs > 10_000_000) {
        throw new InvalidInputException("--runs must be between 1 and 10000000, not " + runs);
      }
      for (int i = 0; i < runs; i++) {
        long s = seed + i;
        specs.add(new RunSpec("seed-" + s, s, Map.of()));
        starts.add(gaussianTuple(a, s));
      }
    } else if (inits != null && inits.length > 0) {
      for (int i = 0; i < inits.length; i++) {
        specs.add(new RunSpec("init-" + i, i, Map.of()));
        starts.add(inits[i]);
      }
    } else {
      throw new InvalidInputException(
          "initial tuples are required: --runs N, or a --data file with a non-empty inits array");
    }
    NumericMu mu = NumericMu.of(a);
    GradientFlow flow = new GradientFlow(mu, new QuadraticLoss(trainingData(a)), settings);
    // the settings file is written once the engine has started (a Spark master may still refuse)
    Runnable writeSettings = () -> { };
    if (csv != null) {
      SweepSettings written = settingsOf(a, settings);
      if (resume) {
        written.requireSameAs(csv);
      }
      writeSettings = () -> written.writeFor(csv);
    }
    Map<String, double[]> startOf = new LinkedHashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      startOf.put(specs.get(i).id(), starts.get(i));
    }
    Path file = csv != null ? csv : Files.createTempFile("lcn-sweep-", ".csv");
    long start = System.nanoTime();
    SweepSummary summary;
    try {
      BiConsumer<Integer, Integer> shown =
          progressWanted() ? progress(start) : (done, total) -> { };
      if (master != null) {
        summary = SweepTask.runDistributed(commandSpec.commandLine().getParseResult().originalArgs(),
            data, master, specs, file, resume, shown, writeSettings);
      } else {
        writeSettings.run();
        summary = new SweepRunner(workers, shown).run(
            specs, spec -> row(flow, startOf.get(spec.id())), file, resume);
      }
    } catch (SweepFailedException e) {
      String where = csv != null
          ? "; the finished runs are in " + csv + " (--resume continues)" : "";
      if (e.getCause() instanceof InvalidInputException bad) {
        throw new InvalidInputException(bad.getMessage() + where);
      }
      if (e.getCause() instanceof NumericalFailureException failed) {
        throw new NumericalFailureException(failed.getMessage() + where);
      }
      throw new IllegalStateException(e.getMessage() + where, e);
    } finally {
      if (csv == null) {
        Files.deleteIfExists(file);
      }
    }
    double seconds = (System.nanoTime() - start) * 1e-9;
    if (plot != null && !summary.finalLosses().isEmpty()) {
      FlowPlot.writeHistogram(plot,
          summary.finalLosses().stream().mapToDouble(Double::doubleValue).toArray());
    }
    print(a, settings, workers, summary, seconds);
    return 0;
  }

  /** What a resumed sweep must share with the file it continues ({@link SweepSettings}). */
  private SweepSettings settingsOf(Architecture a, FlowSettings f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sizes", arch.sizes);
    m.put("strides", arch.strides);
    m.put("dims", a.dims());
    if (data != null) {
      m.put("dataSha256", SweepSettings.sha256(data));
    } else {
      m.put("samples", samples);
      m.put("outputSize", outputSize);
      m.put("noise", noise);
    }
    m.put("initial", runs != null ? "seeded" : "inits of --data");
    m.put("seed", seed);
    m.put("initScale", initScale);
    m.put("method", f.method().label());
    m.put("time", f.time());
    m.put("rtol", f.rtol());
    m.put("atol", f.atol());
    m.put("step", f.step());
    m.put("grid", f.gridIntervals());
    m.put("functionSpace", f.functionSpace());
    return SweepSettings.of(m);
  }

  /** One run's CSV columns (the same keys in the same order for every run). */
  static Map<String, Object> row(GradientFlow flow, double[] theta0) {
    FlowResult r = flow.run(theta0, null, null);
    ConvergenceDiagnostics g = r.diagnostics();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(SweepRunner.FINAL_LOSS, r.finalLoss());
    m.put(SweepRunner.ZERO_LIMIT, g.zero());
    m.put(SweepRunner.STATUS, r.status().label());
    m.put("initialLoss", r.initialLoss());
    m.put("gradientNorm", r.gradientNorm());
    m.put("deltaDrift", r.deltaDrift());
    m.put("rank", g.rank());
    m.put("strictSaddle", g.strictSaddle());
    m.put("functionSpaceDeviation", r.functionSpaceDeviation());
    m.put("rhsEvaluations", r.rhsEvaluations());
    m.put("seconds", r.seconds() + r.functionSpaceSeconds());
    double[] th = r.finalTheta();
    for (int i = 0; i < th.length; i++) {
      m.put("theta" + i, th[i]);
    }
    return m;
  }

  private void print(Architecture a, FlowSettings settings, int workers, SweepSummary s,
      double seconds) {
    List<Map<String, Object>> levels = new ArrayList<>();
    for (SweepSummary.LossLevel l : s.levels()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("loss", l.value());
      m.put("count", l.count());
      m.put("min", l.min());
      m.put("max", l.max());
      levels.add(m);
    }
    if (common.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("architecture", Output.architecture(a));
      out.put("method", settings.method().label());
      out.put("time", settings.time());
      out.put("runs", s.runs());
      out.put("zeroLimits", s.zeroLimits());
      out.put("incomplete", s.incomplete());
      out.put("finalLoss", s.finalLosses());
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("minLoss", finiteOrNull(s.minLoss()));
      summary.put("medianLoss", finiteOrNull(s.medianLoss()));
      summary.put("maxLoss", finiteOrNull(s.maxLoss()));
      summary.put("levelTolerance", SweepRunner.DEFAULT_LEVEL_TOLERANCE);
      summary.put("levels", levels);
      out.put("summary", summary);
      out.put("threads", workers);
      out.put("seconds", seconds);
      Output.json(System.out, out);
      return;
    }
    System.out.println(a.summary());
    System.out.printf(Locale.ROOT, "%d runs (method %s, t in [0, %s], %d threads, %.2f s)%n",
        s.runs(), settings.method().label(), settings.time(), workers, seconds);
    System.out.printf(Locale.ROOT, "ending at mu(theta) = 0: %d%n", s.zeroLimits());
    if (s.incomplete() > 0) {
      System.out.printf(Locale.ROOT,
          "stopped before T: %d (the function-space flow stalled; status in the CSV)%n",
          s.incomplete());
    }
    System.out.printf(Locale.ROOT, "final loss: min %.10g, median %.10g, max %.10g%n",
        s.minLoss(), s.medianLoss(), s.maxLoss());
    System.out.println("loss levels (relative gap " + SweepRunner.DEFAULT_LEVEL_TOLERANCE + "):");
    for (SweepSummary.LossLevel l : s.levels()) {
      System.out.printf(Locale.ROOT, "  %.10g  %d run%s%n", l.value(), l.count(),
          l.count() == 1 ? "" : "s");
    }
  }

  private static Object finiteOrNull(double x) {
    return Double.isFinite(x) ? x : null;
  }

  /** Progress on stderr, at most once a second, once the sweep has taken more than a second. */
  private static BiConsumer<Integer, Integer> progress(long start) {
    long[] last = {start};
    return (done, total) -> {
      long now = System.nanoTime();
      if (now - start > 1_000_000_000L && (now - last[0] > 1_000_000_000L || done.equals(total))) {
        last[0] = now;
        System.err.printf(Locale.ROOT, "sweep: %d/%d runs (%.1f s)%n", done, total,
            (now - start) * 1e-9);
      }
    };
  }
}
