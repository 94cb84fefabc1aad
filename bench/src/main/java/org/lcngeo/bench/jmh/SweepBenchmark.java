package org.lcngeo.bench.jmh;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.lcngeo.bench.Workloads;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.flow.FlowSettings;
import org.lcngeo.numeric.flow.GradientFlow;
import org.lcngeo.numeric.ntk.NumericMu;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W5: the 200 flows of W4_W5.json's inits (W4's settings) with the default stiff method, one
 * after the other on one thread ({@code lcn sweep} runs them on the cores; its whole process is
 * timed by the command in bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SweepBenchmark {
  private GradientFlow flow;
  private double[][] inits;

  @Setup
  public void read() {
    Path file = Workloads.directory().resolve("W4_W5.json");
    Workloads.Flow w = Workloads.flow(file);
    flow = new GradientFlow(NumericMu.of(w.architecture()),
        new QuadraticLoss(Workloads.trainingData(file, w)),
        FlowSettings.of(FlowSettings.Method.STIFF_DEFAULT, w.t1())
            .withTolerances(w.rtol(), w.atol()).withFunctionSpace(false));
    inits = w.inits();
  }

  @Benchmark
  public double w5() {
    double sum = 0;
    for (double[] theta : inits) {
      sum += flow.run(theta).finalLoss();
    }
    return sum;
  }
}
