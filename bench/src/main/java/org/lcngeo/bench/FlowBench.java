package org.lcngeo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
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
 * W4 ({@code lcn bench flow FILE}): one parameter-space flow, 1-D, H = 3, t in [0, 20], rtol
 * 1e-10, atol 1e-12, from inits[W4_init_index] of W4_W5.json, in-process, per method: median wall
 * time of the parameter flow over several repetitions (after warm-up), with the thread's CPU time
 * (the machine is shared: CPU time is the fairer figure), RHS evaluations and final loss. The JMH
 * benchmarks of W4 and W5 are in {@code jmh.FlowBenchmark}.
 */
public final class FlowBench {
  private FlowBench() {}

  /** Times each method on the workload, one line each on stdout. */
  public static void run(Path file, int reps, List<String> methods) {
    Workloads.Flow w = Workloads.flow(file);
    Architecture a = w.architecture();
    TrainingData data = Workloads.trainingData(file, w);
    QuadraticLoss loss = new QuadraticLoss(data);
    double[] theta0 = w.inits()[w.w4InitIndex()];
    NumericMu mu = NumericMu.of(a);
    System.out.println("W4: " + a.summary() + ", N = " + data.samples());
    for (String name : methods) {
      FlowSettings s =
          FlowSettings.of(FlowSettings.Method.parse(name), w.t1())
              .withTolerances(w.rtol(), w.atol())
              .withFunctionSpace(false);
      GradientFlow flow = new GradientFlow(mu, loss, s);
      double[] times = new double[reps];
      double[] cpu = new double[reps];
      FlowResult r = null;
      flow.run(theta0); // warm-up
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < reps; i++) {
        long c0 = bean.getCurrentThreadCpuTime();
        r = flow.run(theta0);
        cpu[i] = (bean.getCurrentThreadCpuTime() - c0) * 1e-9;
        times[i] = r.seconds();
      }
      java.util.Arrays.sort(times);
      java.util.Arrays.sort(cpu);
      System.out.printf(
          Locale.ROOT,
          "%-7s median %.4f s wall (min %.4f, max %.4f), %.4f s CPU (min %.4f) over %d runs;"
              + " %d RHS, %d steps, %d Jacobians, %d LU; %.3f us/RHS (CPU); final loss %.10f;"
              + " delta drift %.2e; |grad L| %.2e%n",
          name, times[reps / 2], times[0], times[reps - 1], cpu[reps / 2], cpu[0], reps,
          r.rhsEvaluations(), r.steps(), r.jacobians(), r.factorizations(),
          cpu[reps / 2] / r.rhsEvaluations() * 1e6, r.finalLoss(), r.deltaDrift(),
          r.gradientNorm());
    }
    FlowSettings fs =
        FlowSettings.of(FlowSettings.Method.STIFF_DEFAULT, w.t1()).withTolerances(w.rtol(), w.atol());
    FlowResult r = new GradientFlow(mu, loss, fs).run(theta0);
    System.out.printf(
        Locale.ROOT,
        FlowSettings.Method.STIFF_DEFAULT.label() + " with the function-space flow: deviation %.3e,"
            + " %d function-space RHS in %.3f s; zero limit %s, rank %d of dimension %d, strict"
            + " saddle %s%n",
        r.functionSpaceDeviation(), r.functionSpaceEvaluations(), r.functionSpaceSeconds(),
        r.diagnostics().zero(), r.diagnostics().rank(), r.diagnostics().dimension(),
        r.diagnostics().strictSaddle());
  }
}
