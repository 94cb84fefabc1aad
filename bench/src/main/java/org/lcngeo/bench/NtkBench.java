package org.lcngeo.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.ntk.ExactNtk;
import org.lcngeo.symbolic.ntk.ScaledIntegerMatrix;

/**
 * W1, W1b ({@code lcn bench ntk}): times the exact NTK (ExactNtk.of(theta).ntk(), plan compilation
 * included) of a workload after a warm-up, reports the median and its phases, and checks v, J and
 * K against the digests the file records. The JMH benchmark of the same work is {@code
 * jmh.NtkBenchmark}.
 */
public final class NtkBench {
  private NtkBench() {}

  /** The result of one workload, in the order {@code lcn bench ntk --json} prints it. */
  public static Map<String, Object> run(Path file, int runs, int warmup) {
    Workloads.Convolutional w = Workloads.convolutional(file);
    Architecture a = w.architecture();
    FilterTuple<BigFraction> theta = w.filters();

    for (int i = 0; i < warmup; i++) {
      ExactNtk.of(theta).ntk();
    }
    // phases of one run: compile the plan, partial products P_{-l}, kernel K
    long[][] nanos = new long[4][runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      MuPlan plan = MuPlan.compile(a);
      long t1 = System.nanoTime();
      ExactNtk run = ExactNtk.of(plan, theta);
      long t2 = System.nanoTime();
      run.ntk();
      long t3 = System.nanoTime();
      nanos[0][i] = t3 - t0;
      nanos[1][i] = t1 - t0;
      nanos[2][i] = t2 - t1;
      nanos[3][i] = t3 - t2;
    }
    long[] sorted = nanos[0].clone();
    Arrays.sort(sorted);

    ExactNtk e = ExactNtk.of(theta);
    ScaledIntegerMatrix k = e.ntk();
    long t0 = System.nanoTime();
    int rank = ExactNtk.of(theta).rank();
    double rankMs = (System.nanoTime() - t0) / 1e6;

    Map<String, Object> checks = new LinkedHashMap<>();
    if (w.v() != null) {
      checks.put("v", w.target().equals(e.endToEnd()));
    }
    ScaledIntegerMatrix j = e.scaledJacobian();
    check(checks, "J_nnz", w.jNnz(), nnz(j));
    check(checks, "J_sha256", w.jSha256(), sha256(j));
    check(checks, "K_trace", w.kTrace(), k.trace().getNumerator().toString());
    check(checks, "K_sum", w.kSum(), sum(k));
    check(checks, "K_nnz", w.kNnz(), nnz(k));
    check(checks, "K_max_abs", w.kMaxAbs(), maxAbs(k));
    check(checks, "K_sha256", w.kSha256(), sha256(k));

    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", w.name() != null ? w.name() : file.getFileName().toString());
    r.put("architecture", a.summary());
    r.put("ntkSize", k.rows());
    r.put("multiplyAdds", multiplyAdds(theta));
    r.put("warmupRuns", warmup);
    r.put("runs", runs);
    r.put("medianMs", median(nanos[0]));
    r.put("medianPlanMs", median(nanos[1]));
    r.put("medianPartialProductsMs", median(nanos[2]));
    r.put("medianKernelMs", median(nanos[3]));
    r.put("minMs", sorted[0] / 1e6);
    r.put("maxMs", sorted[runs - 1] / 1e6);
    r.put("rank", rank);
    r.put("rankMs", rankMs);
    r.put("checks", checks);
    r.put("ok", checks.values().stream().allMatch(Boolean.TRUE::equals));
    return r;
  }

  /** The text report of one result of {@link #run}. */
  public static String text(Map<String, Object> r) {
    return String.format(Locale.ROOT,
        "%s: %s%n  exact NTK %dx%d: median %.3f ms (min %.3f, max %.3f) over %d runs after %d"
            + " warm-up runs%n  phases (medians): plan %.3f ms, partial products %.3f ms,"
            + " kernel %.3f ms; %,d multiply-adds%n  rank %d in %.1f ms (one cold run)%n"
            + "  checks: %s%s",
        r.get("name"), r.get("architecture"), r.get("ntkSize"), r.get("ntkSize"),
        r.get("medianMs"), r.get("minMs"), r.get("maxMs"), r.get("runs"), r.get("warmupRuns"),
        r.get("medianPlanMs"), r.get("medianPartialProductsMs"), r.get("medianKernelMs"),
        r.get("multiplyAdds"), r.get("rank"), r.get("rankMs"), r.get("checks"),
        Boolean.TRUE.equals(r.get("ok")) ? "" : "  FAILED");
  }

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int n = s.length;
    return (n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0) / 1e6;
  }

  /** Multiply-adds of the kernel: sum_l |offsets_l| * m_l (m_l + 1) / 2, m_l = nnz(P_{-l}). */
  private static long multiplyAdds(FilterTuple<BigFraction> theta) {
    MuPlan plan = MuPlan.compile(theta.architecture());
    long total = 0;
    for (int l = 0; l < theta.depth(); l++) {
      long m = plan.partialProduct(RationalRing.INSTANCE, theta, l)
          .stream().filter(x -> x.getNumerator().signum() != 0).count();
      total += plan.offsets(l).length * m * (m + 1) / 2;
    }
    return total;
  }

  private static void check(Map<String, Object> checks, String field, String recorded,
      String actual) {
    if (recorded != null) {
      checks.put(field, recorded.equals(actual));
    }
  }

  private static String nnz(ScaledIntegerMatrix m) {
    long c = 0;
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        c += m.numerator(i, j).signum() != 0 ? 1 : 0;
      }
    }
    return Long.toString(c);
  }

  private static String sum(ScaledIntegerMatrix m) {
    BigInteger s = BigInteger.ZERO;
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        s = s.add(m.numerator(i, j));
      }
    }
    return Rationals.format(new BigFraction(s, m.denominator()));
  }

  private static String maxAbs(ScaledIntegerMatrix m) {
    BigFraction best = BigFraction.ZERO;
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        BigFraction x = m.get(i, j).abs();
        if (x.compareTo(best) > 0) {
          best = x;
        }
      }
    }
    return Rationals.format(best);
  }

  /** The workloads' digest: sha256 of ','.join(str(entry)) over row-major entries. */
  private static String sha256(ScaledIntegerMatrix m) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        if (b.length() > 0) {
          b.append(',');
        }
        b.append(Rationals.format(m.get(i, j)));
      }
    }
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
