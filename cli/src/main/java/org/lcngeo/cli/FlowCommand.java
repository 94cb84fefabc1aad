package org.lcngeo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lcngeo.core.plan.NtkOfV;
import org.lcngeo.numeric.closedform.ClosedFormNtk;
import java.util.function.DoubleConsumer;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.flow.ConvergenceDiagnostics;
import org.lcngeo.numeric.flow.FlowResult;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.flow.GradientFlow;
import org.lcngeo.numeric.ntk.NumericMu;
import org.lcngeo.numeric.plot.Figure;
import org.lcngeo.numeric.plot.FlowPlot;
import picocli.CommandLine.Command;
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
            + " Methods: bdf (variable-order NDF/BDF of Shampine and Reichelt with Jacobian and"
            + " LU reuse; for stiff flows, the default), rodas4 (Rosenbrock RODAS4, L-stable;"
            + " stiff), dop853 (Dormand-Prince 8(5,3), the coefficients and step control of Hairer's dop853.f; non-stiff), gd (gradient"
            + " descent with --step). A function-space flow that stops before T is reported:"
            + " status functionSpaceStalled, functionSpaceReached < T, and a warning on stderr."
            + " With --matrices or --widths: a fully connected network, its parameter flow and the"
            + " balanced flow of eq. 6 from the same product (default method dop853: the stiff"
            + " methods take their Jacobians by differences there).")
final class FlowCommand extends FlowOptions implements Callable<Integer> {
  @Option(
      names = "--filters",
      paramLabel = "JSON",
      description = "the initial tuple (decimals allowed); default: seeded Gaussian filters")
  String filters;

  @Option(
      names = "--init-index",
      paramLabel = "I",
      description = "take the initial tuple from row I of the data file's inits array")
  Integer initIndex;

  @Option(names = "--csv", paramLabel = "FILE", description = "write the trajectory on the grid as CSV")
  Path csv;

  @Option(
      names = "--plot",
      paramLabel = "FILE",
      description = "plot loss, invariant drift and function-space deviation versus t (.png or"
          + " .svg); when the loss falls in the first 5%% of the time, t is drawn on a log axis"
          + " from a second run sampled at log-spaced times")
  Path plot;

  @Option(
      names = "--closed-form",
      paramLabel = "FILE",
      description = "integrate the function-space flow with the closed form K^(delta)(v) that"
          + " `lcn formula --format java` wrote to FILE (compiled with Janino) instead of the"
          + " numeric fiber recovery")
  Path closedForm;

  @Option(
      names = "--matrices",
      paramLabel = "JSON",
      description = "a fully connected network W_1..W_H (decimals allowed) as the initial tuple:"
          + " runs the parameter flow and the balanced flow of eq. 6 instead")
  String matrices;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--widths",
      paramLabel = "D",
      description = "a fully connected network of widths d_0,d_1,...,d_H with seeded Gaussian"
          + " matrices (--init-scale, --seed)")
  String widths;

  private static String readClosedForm(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (IOException e) {
      throw new org.lcngeo.core.InvalidInputException("--closed-form: cannot read " + file);
    }
  }

  @Override
  public Integer call() throws IOException {
    if (matrices != null || widths != null) {
      return new FullyConnectedFlowRun(this).call();
    }
    Architecture a = arch.architecture();
    if (csv != null) {
      requireWritable(csv, "--csv");
    }
    if (plot != null) {
      Figure.requireFormat(plot);
      requireWritable(plot, "--plot");
    }
    FlowSettings settings = settings(true);
    NtkOfV ntkOfV = closedForm == null ? null : ClosedFormNtk.compile(
        ClosedFormNtk.methodBody(readClosedForm(closedForm)), a.endToEndEntries(), a.depth() - 1);
    TrainingData d = trainingData(a);
    double[] theta0 = initialTuple(a);
    NumericMu mu = NumericMu.of(a);
    GradientFlow flow = new GradientFlow(mu, new QuadraticLoss(d), settings);
    FlowResult r = flow.run(theta0, ntkOfV, progressWanted() ? progress() : null);
    if (csv != null) {
      writeCsv(csv, r, a);
    }
    if (plot != null) {
      FlowResult shown = r;
      if (plotOnGeometricGrid(settings, r.times(), r.losses())) {
        shown = new GradientFlow(mu, new QuadraticLoss(d),
            settings.withSpacing(FlowSettings.Spacing.GEOMETRIC)).run(theta0, ntkOfV,
            progressWanted() ? progress() : null);
      }
      FlowPlot.write(plot, shown.times(), shown.losses(), drift(shown), shown.deviations());
    }
    if (r.status() != FlowResult.Status.COMPLETE) {
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
    out.put("status", r.status().label());
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
      System.out.println("status: " + r.status().label());
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
      double[][] inits = inits(a, true);
      if (initIndex < 0 || initIndex >= inits.length) {
        throw new InvalidInputException(
            "--init-index " + initIndex + " is outside 0.." + (inits.length - 1));
      }
      return inits[initIndex];
    }
    return gaussianTuple(a, seed);
  }

  /** max_l |delta_l(t_k) - delta_l(0)| at each grid time. */
  private static double[] drift(FlowResult r) {
    double[] d = new double[r.times().length];
    for (int k = 0; k < d.length; k++) {
      for (int l = 0; l < r.deltas()[k].length; l++) {
        d[k] = Math.max(d[k], Math.abs(r.deltas()[k][l] - r.deltas()[0][l]));
      }
    }
    return d;
  }

  /** Progress on stderr, at most once a second, once the run has taken more than 2 s. */
  private static DoubleConsumer progress() {
    long start = System.nanoTime();
    long[] last = {start};
    return f -> {
      long now = System.nanoTime();
      if (now - start > Progress.QUIET_SECONDS * 1_000_000_000L
          && now - last[0] > 1_000_000_000L) {
        last[0] = now;
        System.err.printf(Locale.ROOT, "flow: %3.0f%% (%s)%n", 100 * f,
            f <= 0.5 ? "parameter space" : "function space");
      }
    };
  }

  private static List<Object> nestedFilters(Architecture a, double[] theta) {
    return Output.layers(a, FilterTuple.fromFlat(a, boxed(theta)).layers(), x -> x);
  }

  private static List<Double> boxed(double[] x) {
    return Arrays.stream(x).boxed().toList();
  }

  private static void requireFinite(Object o) {
    if (o instanceof Double d && !Double.isFinite(d)) {
      throw new org.lcngeo.core.NumericalFailureException(
          "a result of the flow is not finite (try a stiff --method, a smaller --step or tighter"
              + " tolerances)");
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

  /** Writes the trajectory, whole, through a temporary file ({@link OutputFiles#write}). */
  private static void writeCsv(Path file, FlowResult r, Architecture a) {
    OutputFiles.write(file, "--csv", tmp -> {
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
    });
  }
}
