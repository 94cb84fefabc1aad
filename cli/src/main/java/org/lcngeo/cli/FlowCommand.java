package org.lcngeo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.data.Json;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.flow.ConvergenceDiagnostics;
import org.lcngeo.numeric.flow.FlowResult;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.flow.GradientFlow;
import org.lcngeo.numeric.ntk.NumericMu;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lcn flow}: the gradient flow of the squared-error loss in parameter space (paper, Sec.
 * 2.2) and, on its own, the function-space Riemannian flow v' = -K^(delta)(v) grad l(v) (Thm. 4),
 * in double precision, with the invariants' drift and the diagnostics of Thm. 7 / Prop. 8 at T.
 */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    description =
        "Gradient flow of the squared-error loss in parameter space, and the function-space"
            + " Riemannian flow v' = -K(v) grad l(v) integrated on its own from mu(theta(0))."
            + " Methods: dop853 (Dormand-Prince 8(5,3), Hipparchus; non-stiff), rodas4"
            + " (Rosenbrock RODAS4, L-stable; for stiff flows, the default), gd (gradient descent"
            + " with --step).")
final class FlowCommand implements Callable<Integer> {
  @Mixin ArchitectureOptions arch;
  @Mixin CommonOptions common;

  @Option(names = "--time", paramLabel = "T", description = "integrate over [0, T]")
  Double time;

  @Option(names = "--samples", paramLabel = "N", description = "generate N training samples")
  Integer samples;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "0",
      description = "seed of generated data and of the Gaussian initial filters (default 0)")
  long seed;

  @Option(
      names = "--output-size",
      paramLabel = "D",
      description = "output size of generated samples, e.g. 8 or 4x4 (default: the end-to-end filter size)")
  String outputSize;

  @Option(
      names = "--noise",
      paramLabel = "SIGMA",
      defaultValue = "0.1",
      description = "noise of generated outputs Y = alpha_{v*}(X) + SIGMA * N(0,1) (default 0.1)")
  double noise;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description = "training data: JSON with arrays X and Y (as W4_W5.json), or CSV (1-D)")
  Path data;

  @Option(
      names = "--filters",
      paramLabel = "JSON",
      description = "the initial tuple (decimals allowed); default: seeded Gaussian filters")
  String filters;

  @Option(
      names = "--init-scale",
      paramLabel = "C",
      defaultValue = "0.5",
      description = "standard deviation of the Gaussian initial filters (default 0.5)")
  double initScale;

  @Option(
      names = "--init-index",
      paramLabel = "I",
      description = "take the initial tuple from row I of the data file's inits array")
  Integer initIndex;

  @Option(
      names = "--method",
      paramLabel = "M",
      defaultValue = "rodas4",
      description = "dop853, rodas4 or gd (default ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--rtol", paramLabel = "R", defaultValue = "1e-10", description = "relative tolerance (default ${DEFAULT-VALUE})")
  double rtol;

  @Option(names = "--atol", paramLabel = "A", defaultValue = "1e-12", description = "absolute tolerance (default ${DEFAULT-VALUE})")
  double atol;

  @Option(names = "--step", paramLabel = "H", defaultValue = "1e-4", description = "step of gd (default ${DEFAULT-VALUE})")
  double step;

  @Option(
      names = "--grid",
      paramLabel = "M",
      defaultValue = "200",
      description = "grid intervals on [0, T] for the trajectory and the comparison (default ${DEFAULT-VALUE})")
  int grid;

  @Option(names = "--csv", paramLabel = "FILE", description = "write the trajectory on the grid as CSV")
  Path csv;

  @Override
  public Integer call() throws IOException {
    Architecture a = arch.architecture();
    if (time == null) {
      throw new InvalidInputException("--time is required (e.g. --time 20)");
    }
    FlowSettings settings =
        new FlowSettings(FlowSettings.Method.parse(method), time, rtol, atol, grid, step, true);
    if (csv != null) {
      Path dir = csv.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
        throw new InvalidInputException(
            "cannot write --csv " + csv + ": " + dir + " is not a writable directory");
      }
    }
    TrainingData d = trainingData(a);
    double[] theta0 = initialTuple(a);
    NumericMu mu = NumericMu.of(a);
    GradientFlow flow = new GradientFlow(mu, new QuadraticLoss(d), settings);
    FlowResult r = flow.run(theta0, null, progress());
    if (csv != null) {
      writeCsv(csv, r, a);
    }
    if (r.functionSpaceReached() < time) {
      System.err.printf(
          Locale.ROOT,
          "warning: the function-space flow stalled at t = %s (a singular point: the metric is"
              + " not defined there); functionSpaceDeviation covers [0, %s]%n",
          r.functionSpaceReached(), r.functionSpaceReached());
    }
    ConvergenceDiagnostics g = r.diagnostics();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("architecture", Output.architecture(a));
    out.put("method", settings.method().label());
    out.put("time", time);
    out.put("loss", List.of(r.initialLoss(), r.finalLoss()));
    out.put("deltaDrift", r.deltaDrift());
    out.put("gradientNorm", r.gradientNorm());
    out.put("functionSpaceDeviation", r.functionSpaceDeviation());
    out.put("functionSpaceReached", r.functionSpaceReached());
    out.put("functionSpaceMethod", r.functionSpaceMethod().label());
    Map<String, Object> limit = new LinkedHashMap<>();
    limit.put("zero", g.zero());
    limit.put("rank", g.rank());
    limit.put("dimension", g.dimension());
    limit.put("endToEndNorm", g.muNorm());
    limit.put("zeroReference", g.zeroReference());
    limit.put("riemannianGradientNorm", g.riemannianGradientNorm());
    limit.put("hessianEigenvalues", g.hessianEigenvalues());
    limit.put("strictSaddle", g.strictSaddle());
    out.put("limit", limit);
    out.put("rhsEvaluations", r.rhsEvaluations());
    out.put("functionSpaceEvaluations", r.functionSpaceEvaluations());
    out.put("steps", r.steps());
    out.put("delta", mu.invariants(theta0));
    out.put("filters", nestedFilters(a, r.finalTheta()));
    out.put("endToEnd", Output.nest(boxed(mu.newState().at(r.finalTheta()).mu()),
        a.endToEndSize(), x -> x));
    out.put("seconds", r.seconds() + r.functionSpaceSeconds());
    requireFinite(out);
    if (common.json) {
      Output.json(System.out, out);
    } else {
      System.out.println(a.summary());
      System.out.printf(Locale.ROOT, "method %s, t in [0, %s], %d samples%n",
          settings.method().label(), time, d.samples());
      System.out.printf(Locale.ROOT, "loss: %.10g -> %.10g%n", r.initialLoss(), r.finalLoss());
      System.out.printf(Locale.ROOT, "delta drift: %.3e%n", r.deltaDrift());
      System.out.printf(Locale.ROOT, "|grad L| at T: %.3e%n", r.gradientNorm());
      System.out.printf(Locale.ROOT, "function-space deviation: %.3e (%s, reached t = %s)%n",
          r.functionSpaceDeviation(), r.functionSpaceMethod().label(), r.functionSpaceReached());
      System.out.printf(Locale.ROOT,
          "limit: %s, rank %d of dimension %d, %s, smallest Hessian eigenvalue %.3e%n",
          g.zero() ? "mu = 0" : "mu != 0", g.rank(), g.dimension(),
          g.strictSaddle() ? "strict saddle" : "no negative curvature", g.hessianEigenvalues()[0]);
      System.out.printf(Locale.ROOT, "RHS evaluations: %d (function space: %d)%n",
          r.rhsEvaluations(), r.functionSpaceEvaluations());
      System.out.println("filters at T: " + TextFormat.nested(nestedFilters(a, r.finalTheta())));
    }
    return 0;
  }

  private TrainingData trainingData(Architecture a) {
    if (samples != null && data != null) {
      throw new InvalidInputException("give either --samples (generated data) or --data, not both");
    }
    if (data != null) {
      return TrainingData.load(data, a);
    }
    if (samples == null) {
      throw new InvalidInputException(
          "training data are required: --samples N [--seed S] or --data FILE");
    }
    int[] out;
    if (outputSize == null) {
      out = a.endToEndSize();
    } else {
      int[][] parsed = ArchitectureOptions.parseSizes(outputSize, "--output-size");
      if (parsed.length != 1 || parsed[0].length != a.dims()) {
        throw new InvalidInputException(
            "--output-size needs one size with " + a.dims() + " component(s), like "
                + Architecture.vec(a.endToEndSize()));
      }
      out = parsed[0];
    }
    if (!(noise >= 0) || !Double.isFinite(noise)) {
      throw new InvalidInputException("--noise must be a non-negative number");
    }
    return TrainingData.generate(a, samples, out, seed, noise);
  }

  private double[] initialTuple(Architecture a) throws IOException {
    int given = (filters != null ? 1 : 0) + (initIndex != null ? 1 : 0);
    if (given > 1) {
      throw new InvalidInputException("give either --filters or --init-index, not both");
    }
    if (filters != null) {
      return ArchitectureOptions.filters(a, filters).flat().stream()
          .mapToDouble(BigFraction::doubleValue)
          .toArray();
    }
    if (initIndex != null) {
      if (data == null) {
        throw new InvalidInputException("--init-index needs a --data file with an inits array");
      }
      Object doc = Json.parse(Files.readString(data, StandardCharsets.UTF_8), data.toString());
      if (!(doc instanceof Map<?, ?> m) || !(m.get("inits") instanceof List<?> inits)) {
        throw new InvalidInputException(data + " has no inits array");
      }
      if (initIndex < 0 || initIndex >= inits.size()) {
        throw new InvalidInputException(
            "--init-index " + initIndex + " is outside 0.." + (inits.size() - 1));
      }
      if (!(inits.get(initIndex) instanceof List<?> row) || row.size() != a.parameterCount()
          || !row.stream().allMatch(x -> x instanceof Double)) {
        throw new InvalidInputException(
            "inits[" + initIndex + "] is not a list of " + a.parameterCount() + " numbers");
      }
      return row.stream().mapToDouble(x -> (Double) x).toArray();
    }
    if (!(initScale > 0) || !Double.isFinite(initScale)) {
      throw new InvalidInputException("--init-scale must be a positive number");
    }
    SplittableRandom r = new SplittableRandom(seed).split();
    double[] t = new double[a.parameterCount()];
    for (int i = 0; i < t.length; i++) {
      t[i] = initScale * r.nextGaussian();
    }
    return t;
  }

  /** Progress on stderr, at most once a second, once the run has taken more than a second. */
  private static DoubleConsumer progress() {
    long start = System.nanoTime();
    long[] last = {start};
    return f -> {
      long now = System.nanoTime();
      if (now - start > 1_000_000_000L && now - last[0] > 1_000_000_000L) {
        last[0] = now;
        System.err.printf(Locale.ROOT, "flow: %3.0f%% (%s)%n", 100 * f,
            f <= 0.5 ? "parameter space" : "function space");
      }
    };
  }

  private static List<Object> nestedFilters(Architecture a, double[] theta) {
    List<Object> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      int s = a.parameterStart(l);
      layers.add(Output.nest(
          boxed(Arrays.copyOfRange(theta, s, s + a.layerParameters(l))), a.size(l), x -> x));
    }
    return layers;
  }

  private static List<Double> boxed(double[] x) {
    return Arrays.stream(x).boxed().toList();
  }

  private static void requireFinite(Object o) {
    if (o instanceof Double d && !Double.isFinite(d)) {
      throw new IllegalStateException("a result is not finite");
    }
    if (o instanceof double[] a) {
      Arrays.stream(a).boxed().forEach(FlowCommand::requireFinite);
    }
    if (o instanceof Map<?, ?> m) {
      m.values().forEach(FlowCommand::requireFinite);
    }
    if (o instanceof List<?> l) {
      l.forEach(FlowCommand::requireFinite);
    }
  }

  /** Writes the trajectory to a temporary file beside the target and moves it into place. */
  private static void writeCsv(Path file, FlowResult r, Architecture a) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, ".lcn-flow-", ".csv.tmp");
    } catch (IOException e) {
      throw new InvalidInputException("cannot write --csv " + file + ": " + e.getMessage());
    }
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        PrintWriter p = new PrintWriter(w)) {
      StringBuilder head = new StringBuilder("t,loss");
      for (int l = 1; l < a.depth(); l++) {
        head.append(",delta").append(l);
      }
      for (int i = 0; i < a.parameterCount(); i++) {
        head.append(",theta").append(i);
      }
      head.append(",functionSpaceDeviation");
      p.println(head);
      for (int k = 0; k < r.times().length; k++) {
        StringBuilder row = new StringBuilder();
        row.append(r.times()[k]).append(',').append(r.losses()[k]);
        for (double x : r.deltas()[k]) {
          row.append(',').append(x);
        }
        for (double x : r.thetas()[k]) {
          row.append(',').append(x);
        }
        double dev = r.deviations()[k];
        row.append(',').append(Double.isNaN(dev) ? "" : Double.toString(dev));
        p.println(row);
      }
      if (p.checkError()) {
        throw new IOException("writing " + tmp + " failed");
      }
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
