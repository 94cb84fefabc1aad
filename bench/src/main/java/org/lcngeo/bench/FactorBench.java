package org.lcngeo.bench;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.fiber.FiberEnumeration;
import org.lcngeo.symbolic.poly.LayerPolynomials;
import org.lcngeo.symbolic.poly.StructuredFactorization;

/**
 * W2, W3 ({@code lcn bench factor DIR}): timing of the factoring step on the workloads W2 (1-D,
 * degree 30: {@link StructuredFactorization}) and W3 (2-D, bidegree (5,5): the bivariate
 * factoring), in-process, median of many runs after warm-up, beside JAS's own factoring of the same
 * polynomial; and of the whole enumeration. The JMH benchmarks of the same work are in {@code
 * jmh.FactorBenchmark}.
 */
public final class FactorBench {
  private FactorBench() {}

  /** The architectures of W2 and W3 (their workload files describe the same layers). */
  static final Architecture W2 =
      Architecture.oneDimensional(new int[] {3, 3, 3, 3}, new int[] {2, 2, 2, 1});

  static final Architecture W3 = Architecture.of(new int[][] {{4, 4}, {3, 3}}, null);

  /** Times W2.json and W3.json of the directory, one line each on stdout. */
  public static void run(Path dir) {
    try {
      run(dir.resolve("W2.json"), W2);
      run(dir.resolve("W3.json"), W3);
    } finally {
      edu.jas.kern.ComputerThreads.terminate();
    }
  }

  /** pi_1(v) of a workload's target as a JAS polynomial. */
  static GenPolynomial<BigRational> endToEnd(Architecture a, List<BigFraction> v) {
    GenPolynomialRing<BigRational> ring = LayerPolynomials.ring(a.dims());
    return LayerPolynomials.endToEnd(ring, a, v);
  }

  static long[] dilations(Architecture a) {
    long[] d = new long[a.depth()];
    for (int l = 0; l < a.depth(); l++) {
      d[l] = a.dilation(l)[0];
    }
    return d;
  }

  private static void run(Path file, Architecture a) {
    List<BigFraction> v = Workloads.convolutional(file).target();
    GenPolynomial<BigRational> p = endToEnd(a, v);
    long[] dilations = dilations(a);
    int warm = 200;
    int runs = 500;
    double[] t = time(warm, runs, () -> StructuredFactorization.of(p, dilations));
    edu.jas.poly.GenPolynomialRing<edu.jas.arith.BigInteger> iring =
        new edu.jas.poly.GenPolynomialRing<>(edu.jas.arith.BigInteger.ONE, p.ring);
    GenPolynomial<edu.jas.arith.BigInteger> ip =
        edu.jas.poly.PolyUtil.integerFromRationalCoefficients(iring, p);
    edu.jas.ufd.FactorAbstract<edu.jas.arith.BigInteger> jas =
        edu.jas.ufd.FactorFactory.getImplementation(edu.jas.arith.BigInteger.ONE);
    double[] plain = time(warm / 4, runs / 10, () -> jas.factors(ip));
    cc.redberry.rings.poly.multivar.MultivariatePolynomial<cc.redberry.rings.bigint.BigInteger> rp =
        rings(ip);
    double[] rings = time(warm / 4, runs / 10,
        () -> cc.redberry.rings.poly.multivar.MultivariateFactorization.Factor(rp));
    double[] e = new double[20];
    for (int i = 0; i < e.length; i++) {
      long t0 = System.nanoTime();
      FiberEnumeration.of(a, v);
      e[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(e);
    System.out.printf(
        "%s: factor (lcngeo, verified) median %.6f s (min %.6f) over %d runs; JAS FactorInteger alone"
            + " median %.6f s (unverified); Rings over Z alone median %.6f s (unverified);"
            + " fiber enumeration median %.6f s; %s%n",
        file.getFileName(), t[t.length / 2], t[0], t.length, plain[plain.length / 2],
        rings[rings.length / 2],
        e[e.length / 2], StructuredFactorization.of(p, dilations));
  }

  /** The same polynomial in Rings (integer coefficients, variable m at index m). */
  private static cc.redberry.rings.poly.multivar.MultivariatePolynomial<cc.redberry.rings.bigint.BigInteger>
      rings(GenPolynomial<edu.jas.arith.BigInteger> p) {
    int nv = p.ring.nvar;
    List<cc.redberry.rings.poly.multivar.Monomial<cc.redberry.rings.bigint.BigInteger>> terms =
        new ArrayList<>();
    for (edu.jas.poly.Monomial<edu.jas.arith.BigInteger> mono : p) {
      int[] e = new int[nv];
      for (int m = 0; m < nv; m++) {
        e[m] = (int) mono.e.getVal(m);
      }
      terms.add(new cc.redberry.rings.poly.multivar.Monomial<>(e,
          new cc.redberry.rings.bigint.BigInteger(mono.c.getVal())));
    }
    return cc.redberry.rings.poly.multivar.MultivariatePolynomial.create(nv,
        cc.redberry.rings.Rings.Z, cc.redberry.rings.poly.multivar.MonomialOrder.DEFAULT, terms);
  }

  private static double[] time(int warm, int runs, Runnable r) {
    for (int i = 0; i < warm; i++) {
      r.run();
    }
    double[] t = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      r.run();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    return t;
  }
}
