package org.lcngeo.symbolic.poly;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.fiber.FiberEnumeration;

/**
 * Timing of the factoring step on the benchmark workloads W2 (1-D, degree 30: {@link
 * StructuredFactorization}) and W3 (2-D, bidegree (5,5): {@link BivariateFactorization}),
 * in-process, median of many runs after warm-up, beside JAS's own factoring of the same polynomial;
 * and of the whole enumeration.
 * Run: {@code ./lcn bench factor bench/workloads}, or {@code java -cp ... org.lcngeo.symbolic.poly.FactoringBenchmark
 * bench/workloads}.
 */
public final class FactoringBenchmark {
  private FactoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/workloads");
    try {
      run(dir.resolve("W2.json"), new int[] {31}, Architecture.oneDimensional(
          new int[] {3, 3, 3, 3}, new int[] {2, 2, 2, 1}));
      run(dir.resolve("W3.json"), new int[] {6, 6},
          Architecture.of(new int[][] {{4, 4}, {3, 3}}, null));
    } finally {
      edu.jas.kern.ComputerThreads.terminate();
    }
  }

  private static void run(Path file, int[] shape, Architecture a) throws Exception {
    String json = Files.readString(file);
    Matcher m = Pattern.compile("\"v\"\\s*:\\s*(\\[[-0-9,\\s\\[\\]]*\\])").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no v in " + file);
    }
    List<BigFraction> v = new ArrayList<>();
    for (String s : m.group(1).replaceAll("[\\[\\]\\s]", " ").trim().split("[ ,]+")) {
      v.add(new BigFraction(Long.parseLong(s)));
    }
    GenPolynomialRing<BigRational> ring = LayerPolynomials.ring(shape.length);
    GenPolynomial<BigRational> p = LayerPolynomials.endToEnd(ring, a, v);
    long[] dilations = new long[a.depth()];
    for (int l = 0; l < a.depth(); l++) {
      dilations[l] = a.dilation(l)[0];
    }
    int warm = 200;
    int runs = 500;
    double[] t = time(warm, runs, () -> StructuredFactorization.of(p, dilations));
    edu.jas.poly.GenPolynomialRing<edu.jas.arith.BigInteger> iring =
        new edu.jas.poly.GenPolynomialRing<>(edu.jas.arith.BigInteger.ONE, ring);
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
