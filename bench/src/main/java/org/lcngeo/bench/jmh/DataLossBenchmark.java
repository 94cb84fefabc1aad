package org.lcngeo.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.TrainingData;
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
 * One gradient of the loss run on the data, 2 M^T (M v - y) (the two products of the data operator,
 * the cost of a W6 flow's RHS), on seeded data of W6b's and W6c's shapes (N = 200, outputs 4 x 4):
 * W6b k = 9x9,9x9,11x11 with strides 2x2,2x2,1x1 (end-to-end 65x65, stride 4x4), W6c k =
 * 4x4,4x4,8x8 with strides 4x4,4x4,1x1 (128x128, stride 16x16). The times do not depend on the
 * values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DataLossBenchmark {
  @Param({"W6b", "W6c"})
  public String shape;

  private QuadraticLoss loss;
  private double[] v;
  private double[] gradient;

  @Setup
  public void generate() {
    boolean b = shape.equals("W6b");
    Architecture a = b
        ? Architecture.of(new int[][] {{9, 9}, {9, 9}, {11, 11}}, new int[][] {{2, 2}, {2, 2}, {1, 1}})
        : Architecture.of(new int[][] {{4, 4}, {4, 4}, {8, 8}}, new int[][] {{4, 4}, {4, 4}, {1, 1}});
    loss = new QuadraticLoss(TrainingData.generate(a, 200, new int[] {4, 4}, 7, 0.1));
    v = new SplittableRandom(8).doubles(loss.size(), -0.01, 0.01).toArray();
    gradient = new double[loss.size()];
  }

  @Benchmark
  public double[] gradient() {
    loss.gradient(v, gradient);
    return gradient;
  }
}
