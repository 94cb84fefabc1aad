package org.lcngeo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.flow.FlowResult;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.flow.GradientFlow;
import org.lcngeo.numeric.ntk.NumericMu;

/**
 * Benchmark of workload W4 (one parameter-space flow, 1-D, H = 3, t in [0, 20], rtol 1e-10, atol
 * 1e-12, inits[0]; shared/bench/workloads/W4_W5.json), in-process, per method: median wall time of
 * the parameter flow over several repetitions (after a warm-up of two runs and at least 2 s of the
 * thread's CPU time), with the thread's CPU time (the machine is shared: CPU time is the fairer
 * figure), RHS evaluations, steps, Jacobians, LU factorizations and final loss.
 * ({@code lcn bench flow FILE [--reps N] [--method M]... [--no-function-space]}). The JMH
 * benchmarks of W4 and W5 are in {@code jmh.FlowBenchmark}.
 */
public final class FlowBench {
  /**
   * Warm-up before timing: at least this much of the thread's CPU time and two runs (CPU time, not
   * wall time: on the loaded machine 2 s of wall time left W4's bdf runs timed before C2 had
   * compiled them, 4.8-5.6 ms per run over 21 runs instead of 1.5 ms over 301).
   */
  private static final long WARM_UP_NANOS = 2_000_000_000L;

  private FlowBench() {}

  /**
   * Times each method on the workload, one line each on stdout: W4 per method, or a 2-D workload
   * at scale (W6a-c: the parameter flow and, unless {@code functionSpace} is false, the
   * function-space flow, with peak memory).
   */
  public static void run(Path file, int reps, List<String> methods, boolean functionSpace)
      throws Exception {
    boolean methodsGiven = !methods.isEmpty();
    if (methods.isEmpty()) {
      methods = List.of("bdf", "rodas4", "dop853");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonNode w = TrainingData.readJson(text, file.toString());
    if (w.path("D").intValue() >= 2) {
      atScale(w, text, file.toString(), reps, functionSpace, methodsGiven ? methods : List.of("bdf"));
      return;
    }
    Architecture a = Architecture.oneDimensional(ints(w.get("layer_sizes")), ints(w.get("strides")));
    TrainingData data = TrainingData.fromJson(text, a, file.toString());
    QuadraticLoss loss = new QuadraticLoss(data);
    int index = w.get("W4_init_index").intValue();
    double[] theta0 = TrainingData.flatten(w.get("inits").get(index), 1, new int[1], "inits");
    double t1 = w.get("t1").doubleValue();
    double rtol = w.get("rtol").doubleValue();
    double atol = w.get("atol").doubleValue();
    NumericMu mu = NumericMu.of(a);
    System.out.println("W4: " + a.summary() + ", N = " + data.samples());
    for (String name : methods) {
      FlowSettings s =
          FlowSettings.of(FlowSettings.Method.parse(name), t1)
              .withTolerances(rtol, atol)
              .withFunctionSpace(false);
      GradientFlow flow = new GradientFlow(mu, loss, s);
      // warm-up: C2 compiles the hot loops within about a second of running them
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      long warm = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < 2 || bean.getCurrentThreadCpuTime() - warm < WARM_UP_NANOS; i++) {
        flow.run(theta0);
      }
      Timed timed = Timed.of(reps, () -> flow.run(theta0), FlowResult::seconds);
      FlowResult r = timed.last();
      double[] times = timed.wall();
      double[] cpu = timed.cpu();
      System.out.printf(
          Locale.ROOT,
          "%-7s median %.4f s wall (min %.4f, max %.4f), %.4f s CPU (min %.4f) over %d runs;"
              + " %d RHS, %d steps, %d Jacobians, %d LU; %.3f us/RHS (CPU); final loss %.10f;"
              + " delta drift %.2e; |grad L| %.2e%n",
          name, times[reps / 2], times[0], times[reps - 1], cpu[reps / 2], cpu[0], reps,
          r.rhsEvaluations(), r.steps(), r.jacobians(), r.factorizations(), cpu[reps / 2] / r.rhsEvaluations() * 1e6, r.finalLoss(),
          r.deltaDrift(), r.gradientNorm());
      System.out.printf(Locale.ROOT,
          "RESULT {\"method\": \"%s\", \"wall\": %.6f, \"cpu\": %.6f, \"rhs\": %d,"
              + " \"steps\": %d, \"jacobians\": %d, \"lu\": %d, \"loss_final\": %.10f}%n",
          name, times[reps / 2], cpu[reps / 2], r.rhsEvaluations(), r.steps(), r.jacobians(),
          r.factorizations(), r.finalLoss());
    }
    FlowSettings fs =
        FlowSettings.of(FlowSettings.Method.STIFF_DEFAULT, t1).withTolerances(rtol, atol);
    FlowResult r = new GradientFlow(mu, loss, fs).run(theta0);
    System.out.printf(
        Locale.ROOT,
        FlowSettings.Method.STIFF_DEFAULT.label() + " with the function-space flow: deviation %.3e, %d function-space RHS in %.3f s;"
            + " zero limit %s, rank %d of dimension %d, strict saddle %s%n",
        r.functionSpaceDeviation(), r.functionSpaceEvaluations(), r.functionSpaceSeconds(),
        r.diagnostics().zero(), r.diagnostics().rank(), r.diagnostics().dimension(),
        r.diagnostics().strictSaddle());
  }

  /**
   * A 2-D workload at scale (W6a, W6b, W6c: {@code layer_sizes} and {@code strides} as k1xk2 pairs,
   * nested X and Y, t1, rtol, atol, inits): per method, the parameter flow from inits[0] (median
   * over the repetitions after one warm-up run), then both flows the same way (no warm-up for a
   * single repetition);
   * prints one {@code RESULT} JSON line per flow with seconds, RHS, final loss, the deviation of
   * the two flows and the process's peak resident memory so far (VmHWM).
   */
  private static void atScale(JsonNode w, String text, String where, int reps,
      boolean functionSpace, List<String> methods) throws Exception {
    int h = w.get("layer_sizes").size();
    int[][] sizes = new int[h][];
    int[][] strides = new int[h][];
    for (int l = 0; l < h; l++) {
      sizes[l] = ints(w.get("layer_sizes").get(l));
      strides[l] = ints(w.get("strides").get(l));
    }
    Architecture a = Architecture.of(sizes, strides);
    long t0 = System.nanoTime();
    TrainingData data = TrainingData.fromJson(text, a, where);
    QuadraticLoss loss = new QuadraticLoss(data);
    double setup = (System.nanoTime() - t0) * 1e-9;
    double[] theta0 = TrainingData.flatten(w.get("inits").get(0), 1, new int[1], "inits");
    double t1 = w.get("t1").doubleValue();
    double rtol = w.get("rtol").doubleValue();
    double atol = w.get("atol").doubleValue();
    NumericMu mu = NumericMu.of(a);
    System.out.printf(Locale.ROOT, "%s: %s, N = %d, setup (data, A = M^T M) %.2f s%n",
        w.path("name").asText(where), a.summary(), data.samples(), setup);
    for (String name : methods) {
      FlowSettings s = FlowSettings.of(FlowSettings.Method.parse(name), t1)
          .withTolerances(rtol, atol).withGridIntervals(100);
      GradientFlow flow = new GradientFlow(mu, loss, s.withFunctionSpace(false));
      flow.run(theta0);
      Timed timed = Timed.of(reps, () -> flow.run(theta0), FlowResult::seconds);
      FlowResult r = timed.last();
      double[] times = timed.wall();
      double[] cpu = timed.cpu();
      System.out.printf(Locale.ROOT,
          "RESULT {\"flow\": \"parameter\", \"method\": \"%s\", \"wall\": %.4f, \"cpu\": %.4f,"
              + " \"rhs\": %d, \"steps\": %d, \"jacobians\": %d, \"lu\": %d,"
              + " \"loss_final\": %.10f, \"drift\": %.2e, \"peak_rss_mib\": %.0f}%n",
          name, times[reps / 2], cpu[reps / 2], r.rhsEvaluations(), r.steps(), r.jacobians(),
          r.factorizations(), r.finalLoss(), r.deltaDrift(), peakRssMib());
      if (!functionSpace) {
        continue;
      }
      // both flows (the median over the repetitions, after one warm-up run when there are
      // several); wall and CPU time of the function-space flow alone, as the flow measures them
      GradientFlow both = new GradientFlow(mu, loss, s);
      if (reps > 1) {
        both.run(theta0);
      }
      Timed fs = Timed.of(reps, () -> both.run(theta0), FlowResult::functionSpaceSeconds,
          FlowResult::functionSpaceCpuSeconds);
      FlowResult f = fs.last();
      double[] fsTimes = fs.wall();
      double fsCpu = fs.cpu()[reps / 2];
      System.out.printf(Locale.ROOT,
          "RESULT {\"flow\": \"function-space\", \"method\": \"%s\", \"wall\": %.4f,"
              + " \"cpu\": %.4f, \"rhs\": %d, \"reached\": %s, \"deviation\": %.3e,"
              + " \"peak_rss_mib\": %.0f}%n",
          f.functionSpaceMethod() == null ? name : f.functionSpaceMethod().label(),
          fsTimes[reps / 2], fsCpu, f.functionSpaceEvaluations(), f.functionSpaceReached(),
          f.functionSpaceDeviation(), peakRssMib());
    }
  }

  /**
   * Repeated runs of a flow: the last result, and each run's wall figure (read off its result)
   * and this thread's CPU seconds, both sorted ascending (medians at reps / 2).
   */
  private record Timed(FlowResult last, double[] wall, double[] cpu) {
    /** Wall time as the result gives it, CPU time of this thread around each run. */
    static Timed of(int reps, java.util.function.Supplier<FlowResult> run,
        java.util.function.ToDoubleFunction<FlowResult> wallOf) {
      return of(reps, run, wallOf, null);
    }

    /** Wall and CPU time as the result gives them (cpuOf null: this thread's around each run). */
    static Timed of(int reps, java.util.function.Supplier<FlowResult> run,
        java.util.function.ToDoubleFunction<FlowResult> wallOf,
        java.util.function.ToDoubleFunction<FlowResult> cpuOf) {
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      double[] wall = new double[reps];
      double[] cpu = new double[reps];
      FlowResult last = null;
      for (int i = 0; i < reps; i++) {
        long c0 = bean.getCurrentThreadCpuTime();
        last = run.get();
        cpu[i] = cpuOf != null ? cpuOf.applyAsDouble(last)
            : (bean.getCurrentThreadCpuTime() - c0) * 1e-9;
        wall[i] = wallOf.applyAsDouble(last);
      }
      java.util.Arrays.sort(wall);
      java.util.Arrays.sort(cpu);
      return new Timed(last, wall, cpu);
    }
  }

  /** The peak resident set of this process in MiB (Linux VmHWM), NaN elsewhere. */
  private static double peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return Double.NaN;
  }

  private static int[] ints(JsonNode o) {
    int[] v = new int[o.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = o.get(i).intValue();
    }
    return v;
  }
}
