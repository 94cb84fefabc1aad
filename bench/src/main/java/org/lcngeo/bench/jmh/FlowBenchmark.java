package org.lcngeo.bench.jmh;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.lcngeo.bench.Workloads;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.flow.FlowResult;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.flow.GradientFlow;
import org.lcngeo.numeric.ntk.NumericMu;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W4: one parameter-space flow of W4_W5.json (t in [0, 20], rtol 1e-10, atol 1e-12, from
 * inits[W4_init_index]) per method.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FlowBenchmark {
  @Param({"bdf", "rodas4", "dop853"})
  public String method;

  private GradientFlow flow;
  private double[] w4;

  @Setup
  public void read() {
    Path file = Workloads.directory().resolve("W4_W5.json");
    Workloads.Flow w = Workloads.flow(file);
    NumericMu mu = NumericMu.of(w.architecture());
    QuadraticLoss loss = new QuadraticLoss(Workloads.trainingData(file, w));
    flow = new GradientFlow(mu, loss, FlowSettings.of(FlowSettings.Method.parse(method), w.t1())
        .withTolerances(w.rtol(), w.atol()).withFunctionSpace(false));
    w4 = w.inits()[w.w4InitIndex()];
  }

  @Benchmark
  public FlowResult w4() {
    return flow.run(w4);
  }
}
