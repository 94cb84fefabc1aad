package org.lcngeo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.plot.FlowPlot;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code lcn flow} and {@code lcn sweep} share (cli.md: "the flow's options"): the
 * architecture, the training data (generated or from a file), the Gaussian initial filters, the
 * integrator and its tolerances, and the grid of the recorded trajectory. Both commands extend
 * this class, so that picocli sees the options as theirs.
 */
abstract class FlowOptions {
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
      names = "--init-scale",
      paramLabel = "C",
      defaultValue = "0.5",
      description = "standard deviation of the Gaussian initial filters (default 0.5)")
  double initScale;

  @Option(
      names = "--method",
      paramLabel = "M",
      defaultValue = "bdf",
      description = "integrator: bdf (variable-order NDF/BDF, stiff), rodas4 (Rosenbrock, stiff),"
          + " dop853 (Dormand-Prince 8(5,3), non-stiff) or gd (gradient descent with --step);"
          + " default ${DEFAULT-VALUE}")
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
      description = "grid intervals on [0, T] for the trajectory and the comparison (default "
          + DEFAULT_GRID + "; for gd at most T/step, so that every step has the length --step)")
  Integer grid;

  @Option(
      names = "--progress",
      description = "progress lines on stderr even with --json when stdout is not a terminal")
  boolean progress;

  /** The {@code --data} document once read ({@link #dataDocument()}). */
  private JsonNode dataDocument;

  /** Whether progress lines are printed ({@link TimeOptions#wanted}). */
  boolean progressWanted() {
    return TimeOptions.wanted(progress, common.json);
  }

  /** Grid intervals when {@code --grid} is not given. */
  static final int DEFAULT_GRID = 200;

  /**
   * The flow settings of the options; {@code --time} is required. Gradient descent lands on every
   * grid time, so a step longer than the grid spacing T/M would be cut to it: without {@code
   * --grid} the grid is coarsened to T/step intervals, and a {@code --grid} finer than that is
   * refused rather than silently changing the step.
   */
  FlowSettings settings(boolean functionSpace) {
    if (time == null) {
      throw new InvalidInputException("--time is required (e.g. --time 20)");
    }
    FlowSettings.Method m = FlowSettings.Method.parse(method);
    int intervals = grid == null ? DEFAULT_GRID : grid;
    if (m == FlowSettings.Method.GD && step > 0 && Double.isFinite(step) && time > 0
        && Double.isFinite(time) && step > time / intervals) {
      long coarse = (long) Math.floor(time / step * (1 + 1e-12));
      if (grid != null || coarse < 1) {
        throw new InvalidInputException("--step " + step + " is longer than the grid spacing T/M = "
            + time / intervals + ": gradient descent would take steps of that length instead;"
            + (coarse < 1 ? " --step must be at most --time"
                : " give --grid " + coarse + " or less, or a smaller --step"));
      }
      intervals = (int) coarse;
    }
    return new FlowSettings(m, time, rtol, atol, intervals, step, functionSpace);
  }

  /** The training data: from {@code --data}, or generated from {@code --samples} and {@code --seed}. */
  TrainingData trainingData(Architecture a) {
    if (samples != null && data != null) {
      throw new InvalidInputException("give either --samples (generated data) or --data, not both");
    }
    if (data != null) {
      return TrainingData.isCsv(data)
          ? TrainingData.load(data, a) : TrainingData.fromJson(dataDocument(), a, data.toString());
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

  /** Seeded Gaussian filters, standard deviation {@code --init-scale}, layer 1 first. */
  double[] gaussianTuple(Architecture a, long tupleSeed) {
    return gaussian(a.parameterCount(), tupleSeed);
  }

  /** {@code count} seeded Gaussian numbers, standard deviation {@code --init-scale}. */
  double[] gaussian(int count, long tupleSeed) {
    if (!(initScale > 0) || !Double.isFinite(initScale)) {
      throw new InvalidInputException("--init-scale must be a positive number");
    }
    SplittableRandom r = new SplittableRandom(tupleSeed).split();
    double[] t = new double[count];
    for (int i = 0; i < t.length; i++) {
      t[i] = initScale * r.nextGaussian();
    }
    return t;
  }

  /**
   * The {@code inits} array of the {@code --data} file: flat parameter vectors, layer 1 first, each
   * checked to have the network's parameter count of finite numbers.
   *
   * @param required whether a missing array is an error (otherwise null is returned)
   */
  double[][] inits(Architecture a, boolean required) {
    if (data == null) {
      if (required) {
        throw new InvalidInputException("initial tuples from a file need --data FILE with an inits array");
      }
      return null;
    }
    JsonNode inits = dataDocument().path("inits");
    if (!inits.isArray()) {
      if (required) {
        throw new InvalidInputException(data + " has no inits array");
      }
      return null;
    }
    double[][] out = new double[inits.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = inits.get(i);
      boolean numbers = row.isArray() && row.size() == a.parameterCount();
      for (int j = 0; numbers && j < row.size(); j++) {
        numbers = row.get(j).isNumber() && Double.isFinite(row.get(j).doubleValue());
      }
      if (!numbers) {
        throw new InvalidInputException(
            "inits[" + i + "] is not a list of " + a.parameterCount() + " numbers");
      }
      out[i] = TrainingData.flatten(row, 1, new int[1], "inits[" + i + "]");
    }
    return out;
  }

  /** The {@code --data} file read as JSON, once: its samples and its inits share the document. */
  private JsonNode dataDocument() {
    if (dataDocument == null) {
      dataDocument = TrainingData.readJson(TrainingData.readText(data), data.toString());
    }
    return dataDocument;
  }

  /**
   * Whether --plot draws a second run on the geometric grid: when the loss of the run on the
   * uniform grid (which the CSV and JSON keep) falls so early that {@link FlowPlot#flow} puts t on a
   * log axis, where the uniform grid has few samples (not for gradient descent, whose steps the
   * geometric grid would cut).
   */
  static boolean plotOnGeometricGrid(FlowSettings settings, double[] t, double[] loss) {
    return settings.method() != FlowSettings.Method.GD && FlowPlot.fastStart(t, loss);
  }

  /** Fails unless an output file can be written ({@link OutputFiles#requireWritable}). */
  static void requireWritable(Path file, String option) {
    OutputFiles.requireWritable(file, option);
  }
}
