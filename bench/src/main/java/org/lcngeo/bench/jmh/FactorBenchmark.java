package org.lcngeo.bench.jmh;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.bench.Workloads;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.fiber.FiberEnumeration;
import org.lcngeo.symbolic.poly.LayerPolynomials;
import org.lcngeo.symbolic.poly.RationalFactorization;
import org.lcngeo.symbolic.poly.StructuredFactorization;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2 (1-D, degree 30) and W3 (2-D, bidegree (5,5)): the verified factoring of pi_1(v) by dilation
 * classes and the whole fiber enumeration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FactorBenchmark {
  @Param({"W2.json", "W3.json"})
  public String workload;

  private Architecture architecture;
  private List<BigFraction> v;
  private GenPolynomial<BigRational> p;
  private long[] dilations;

  @Setup
  public void read() {
    Workloads.Convolutional w = Workloads.convolutional(Workloads.directory().resolve(workload));
    architecture = w.architecture();
    v = w.target();
    p = LayerPolynomials.endToEnd(LayerPolynomials.ring(architecture.dims()), architecture, v);
    dilations = new long[architecture.depth()];
    for (int l = 0; l < dilations.length; l++) {
      dilations[l] = architecture.dilation(l)[0];
    }
  }

  @TearDown
  public void stopJasThreads() {
    edu.jas.kern.ComputerThreads.terminate();
  }

  @Benchmark
  public RationalFactorization factor() {
    return StructuredFactorization.of(p, dilations);
  }

  @Benchmark
  public FiberEnumeration fiberEnumeration() {
    return FiberEnumeration.of(architecture, v);
  }
}
