package org.lcngeo.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.FullyConnectedNetwork;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.fc.FcLoss;
import org.lcngeo.numeric.fc.FcNetwork;
import org.lcngeo.numeric.fc.FullyConnectedFlow;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.plot.FlowPlot;

/**
 * {@code lcn flow --matrices} / {@code --widths}: the parameter-space flow of a fully connected
 * linear network (eq. 4) and the balanced function-space flow of eq. 6 from the same product, in
 * the flow contract's JSON ({@code deltaDrift} is the drift of the Delta_i matrices, max entry).
 * The data loss is ell(W) = sum_i ||W x_i - y_i||^2: generated ({@code --samples}: x_i Gaussian,
 * y_i = W* x_i + noise with a seeded Gaussian teacher W*) or from {@code --data} (JSON arrays
 * {@code X}, one row of d_0 numbers per sample, and {@code Y}, rows of d_H numbers).
 */
final class FullyConnectedFlowRun {
  private final FlowCommand c;

  FullyConnectedFlowRun(FlowCommand command) {
    this.c = command;
  }

  int call() throws IOException {
    if (c.matrices != null && c.widths != null) {
      throw new InvalidInputException("give either --matrices or --widths, not both");
    }
    if (c.arch.sizes != null || c.arch.strides != null || c.filters != null
        || c.initIndex != null || c.closedForm != null || c.outputSize != null) {
      throw new InvalidInputException(
          "--matrices and --widths describe a fully connected network: do not combine them with"
              + " --sizes, --strides, --filters, --init-index, --closed-form or --output-size");
    }
    FlowSettings settings = c.settings(true);
    if (!c.spec.commandLine().getParseResult().hasMatchedOption("--method")) {
      // the stiff methods see this flow through Jacobians by differences; near a saddle (a
      // singular product) their global error was 1e-2 where DOP853's was 1e-7
      settings = new FlowSettings(FlowSettings.Method.DOP853, settings.time(), settings.rtol(),
          settings.atol(), settings.gridIntervals(), settings.step(), true);
    }
    if (c.csv != null) {
      FlowOptions.requireWritable(c.csv, "--csv");
    }
    if (c.plot != null) {
      FlowOptions.requireWritable(c.plot, "--plot");
    }
    FcNetwork theta0 = initial();
    FullyConnectedNetwork net = theta0.network();
    Data d = data(net);
    FcLoss loss = FcLoss.data(d.x, d.y);
    double reference = d.teacher != null
        ? d.teacher.getFrobeniusNorm()
        : theta0.product().getFrobeniusNorm();
    FullyConnectedFlow.Result r = FullyConnectedFlow.run(theta0, loss, settings, reference);
    if (c.csv != null) {
      writeCsv(c.csv, r, net);
    }
    if (c.plot != null) {
      FullyConnectedFlow.Result shown = r;
      if (FlowOptions.plotOnGeometricGrid(settings, r.times(), r.losses())) {
        shown = FullyConnectedFlow.run(theta0, loss,
            settings.withSpacing(FlowSettings.Spacing.GEOMETRIC), reference);
      }
      FlowPlot.write(c.plot, shown.times(), shown.losses(), shown.drift(), shown.deviations());
    }
    if (r.status() != org.lcngeo.numeric.flow.FlowResult.Status.COMPLETE) {
      System.err.printf(Locale.ROOT,
          "warning: the balanced flow stalled at t = %s (W W^T or W^T W singular: A_W is not"
              + " Lipschitz there); functionSpaceDeviation covers [0, %s]%n",
          r.functionSpaceReached(), r.functionSpaceReached());
    }
    FcNetwork end = theta0.withFlat(r.finalTheta());
    double balance = theta0.deltas().stream()
        .mapToDouble(FullyConnectedFlowRun::maxAbs).max().orElse(0);
    if (c.common.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      Map<String, Object> arch = new LinkedHashMap<>();
      arch.put("widths", net.widths());
      arch.put("parameters", net.parameterCount());
      arch.put("dimension", net.dimension());
      out.put("architecture", arch);
      out.put("method", settings.method().label());
      out.put("time", c.time);
      out.put("status", r.status().label());
      out.put("loss", List.of(r.losses()[0], r.losses()[r.losses().length - 1]));
      out.put("deltaDrift", r.deltaDrift());
      out.put("gradientNorm", r.gradientNorm());
      out.put("functionSpaceDeviation", r.functionSpaceDeviation());
      out.put("functionSpaceReached", r.functionSpaceReached());
      out.put("functionSpaceFlow", "balanced (eq. 6)");
      out.put("balancedStart", balance == 0);
      Map<String, Object> limit = new LinkedHashMap<>();
      limit.put("zero", r.zero());
      limit.put("rank", r.rank());
      limit.put("dimension", r.dimension());
      limit.put("endToEndNorm", r.productNorm());
      limit.put("zeroReference", r.zeroReference());
      out.put("limit", limit);
      out.put("rhsEvaluations", r.rhsEvaluations());
      out.put("functionSpaceEvaluations", r.functionSpaceEvaluations());
      out.put("steps", r.steps());
      out.put("Delta", theta0.deltas().stream().map(RealMatrix::getData).toList());
      List<double[][]> layers = new ArrayList<>();
      for (int l = 0; l < end.depth(); l++) {
        layers.add(end.layer(l).getData());
      }
      out.put("filters", layers);
      out.put("product", end.product().getData());
      out.put("seconds", r.seconds() + r.functionSpaceSeconds());
      requireFinite(out);
      Output.json(System.out, out);
    } else {
      System.out.println(net.summary());
      System.out.printf(Locale.ROOT, "method %s, t in [0, %s], %d samples, %s start%n",
          settings.method().label(), c.time, d.x.getColumnDimension(),
          balance == 0 ? "balanced" : "unbalanced (max |Delta| " + balance + ")");
      System.out.println("status: " + r.status().label());
      System.out.printf(Locale.ROOT, "loss: %.10g -> %.10g%n",
          r.losses()[0], r.losses()[r.losses().length - 1]);
      System.out.printf(Locale.ROOT, "Delta drift: %.3e%n", r.deltaDrift());
      System.out.printf(Locale.ROOT, "|grad L| at T: %.3e%n", r.gradientNorm());
      System.out.printf(Locale.ROOT,
          "deviation from the balanced flow (eq. 6): %.3e (reached t = %s)%n",
          r.functionSpaceDeviation(), r.functionSpaceReached());
      System.out.printf(Locale.ROOT, "limit: %s, rank %d of dimension %d%n",
          r.zero() ? "W = 0" : "W != 0", r.rank(), r.dimension());
      System.out.printf(Locale.ROOT, "RHS evaluations: %d (balanced flow: %d)%n",
          r.rhsEvaluations(), r.functionSpaceEvaluations());
      System.out.println("product W_H...W_1 at T: " + TextFormat.nested(Arrays.stream(
          end.product().getData()).map(row -> Arrays.stream(row).boxed().toList()).toList()));
    }
    return 0;
  }

  private FcNetwork initial() {
    if (c.matrices != null) {
      List<RealMatrix> w = new ArrayList<>();
      for (List<List<BigFraction>> m : ArchitectureOptions.matrices(c.matrices)) {
        w.add(MatrixUtils.createRealMatrix(m.stream()
            .map(row -> row.stream().mapToDouble(BigFraction::doubleValue).toArray())
            .toArray(double[][]::new)));
      }
      return FcNetwork.of(w);
    }
    int[][] parsed = ArchitectureOptions.parseSizes(c.widths, "--widths");
    int[] widths = Arrays.stream(parsed).mapToInt(p -> {
      if (p.length != 1) {
        throw new InvalidInputException("--widths: d_0,d_1,...,d_H, one number each");
      }
      return p[0];
    }).toArray();
    FullyConnectedNetwork net = FullyConnectedNetwork.of(widths);
    return FcNetwork.ofFlat(net, c.gaussian(net.parameterCount(), c.seed));
  }

  private record Data(RealMatrix x, RealMatrix y, RealMatrix teacher) {}

  /** Samples as columns of X (d_0 x N) and Y (d_H x N). */
  private Data data(FullyConnectedNetwork net) throws IOException {
    int d0 = net.width(0);
    int dh = net.width(net.depth());
    if (c.samples != null && c.data != null) {
      throw new InvalidInputException("give either --samples (generated data) or --data, not both");
    }
    if (c.data != null) {
      JsonNode node = TrainingData.readJson(
          Files.readString(c.data, StandardCharsets.UTF_8), c.data.toString());
      RealMatrix x = columns(node.path("X"), d0, c.data + ": X");
      RealMatrix y = columns(node.path("Y"), dh, c.data + ": Y");
      if (x.getColumnDimension() != y.getColumnDimension()) {
        throw new InvalidInputException(c.data + ": X has " + x.getColumnDimension()
            + " samples but Y has " + y.getColumnDimension());
      }
      return new Data(x, y, null);
    }
    if (c.samples == null) {
      throw new InvalidInputException(
          "training data are required: --samples N [--seed S] or --data FILE");
    }
    if (c.samples < 1 || c.samples > 1_000_000) {
      throw new InvalidInputException("--samples must lie between 1 and 1000000");
    }
    if (!(c.noise >= 0) || !Double.isFinite(c.noise)) {
      throw new InvalidInputException("--noise must be a non-negative number");
    }
    SplittableRandom rnd = new SplittableRandom(c.seed);
    RealMatrix teacher = gaussian(rnd, dh, d0);
    RealMatrix x = gaussian(rnd, d0, c.samples);
    RealMatrix y = teacher.multiply(x).add(gaussian(rnd, dh, c.samples).scalarMultiply(c.noise));
    return new Data(x, y, teacher);
  }

  private static RealMatrix gaussian(SplittableRandom rnd, int rows, int cols) {
    RealMatrix m = MatrixUtils.createRealMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m.setEntry(i, j, rnd.nextGaussian());
      }
    }
    return m;
  }

  /** A JSON array of N rows of {@code width} numbers, as a width x N matrix. */
  private static RealMatrix columns(JsonNode node, int width, String where) {
    if (node.isMissingNode()) {
      throw new InvalidInputException(where + " is missing");
    }
    int[] shape = new int[2];
    double[] flat = TrainingData.flatten(node, 2, shape, where);
    if (shape[1] != width) {
      throw new InvalidInputException(
          where + ": each sample needs " + width + " numbers, got " + shape[1]);
    }
    RealMatrix m = MatrixUtils.createRealMatrix(width, shape[0]);
    for (int s = 0; s < shape[0]; s++) {
      for (int i = 0; i < width; i++) {
        m.setEntry(i, s, flat[s * width + i]);
      }
    }
    return m;
  }

  private static double maxAbs(RealMatrix m) {
    double x = 0;
    for (double[] row : m.getData()) {
      for (double v : row) {
        x = Math.max(x, Math.abs(v));
      }
    }
    return x;
  }

  private static void requireFinite(Object o) {
    if (o instanceof Double d && !Double.isFinite(d)) {
      throw new IllegalStateException("a result is not finite");
    }
    if (o instanceof Map<?, ?> m) {
      m.values().forEach(FullyConnectedFlowRun::requireFinite);
    }
    if (o instanceof List<?> l) {
      l.forEach(FullyConnectedFlowRun::requireFinite);
    }
  }

  /** The trajectory: t, loss, Delta drift, the flat parameters, the deviation; moved into place. */
  private static void writeCsv(Path file, FullyConnectedFlow.Result r, FullyConnectedNetwork net)
      throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".lcn-flow-", ".csv.tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        PrintWriter p = new PrintWriter(w)) {
      StringBuilder head = new StringBuilder("t,loss,deltaDrift");
      for (int i = 0; i < net.parameterCount(); i++) {
        head.append(",theta").append(i);
      }
      p.println(head.append(",functionSpaceDeviation"));
      for (int k = 0; k < r.times().length; k++) {
        StringBuilder row = new StringBuilder();
        row.append(r.times()[k]).append(',').append(r.losses()[k]).append(',')
            .append(r.drift()[k]);
        for (double x : r.thetas()[k]) {
          row.append(',').append(x);
        }
        double dev = r.deviations()[k];
        p.println(row.append(',').append(Double.isNaN(dev) ? "" : Double.toString(dev)));
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
