package org.lcngeo.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.bench.Workloads;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.numeric.ntk.MuState;
import org.lcngeo.numeric.ntk.NumericMu;
import org.lcngeo.symbolic.ntk.ExactNtk;
import org.lcngeo.symbolic.ntk.ScaledIntegerMatrix;
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

/** W1, W1b: the exact NTK (plan compiled in each call) and the double NTK of the same tuple. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NtkBenchmark {
  @Param({"W1.json", "W1b.json"})
  public String workload;

  private FilterTuple<BigFraction> theta;
  private MuState state;
  private double[] flat;

  @Setup
  public void read() {
    theta = Workloads.convolutional(Workloads.directory().resolve(workload)).filters();
    state = NumericMu.of(theta.architecture()).newState();
    flat = theta.flat().stream().mapToDouble(BigFraction::doubleValue).toArray();
  }

  @Benchmark
  public ScaledIntegerMatrix exactNtk() {
    return ExactNtk.of(MuPlan.compile(theta.architecture()), theta).ntk();
  }

  @Benchmark
  public double[][] doubleNtk() {
    return state.at(flat).ntk();
  }
}
