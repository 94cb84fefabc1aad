package org.lcngeo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.cli.io.NestedArrays;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.ntk.ExactNtk;
import org.lcngeo.symbolic.ntk.ScaledIntegerMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lcn bench}: in-process benchmarks on the workloads in bench/workloads. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "In-process benchmarks on the workload files in bench/workloads.",
    subcommands = {BenchCommand.Ntk.class, BenchCommand.Factor.class, BenchCommand.Flow.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * {@code lcn bench ntk FILE...}: times the exact NTK (ExactNtk.of(theta).ntk(), plan compilation
   * included) of each workload (W1.json, W1b.json: {@code layers[].filter, stride, shape}) after a
   * warm-up, reports the median, and checks v, J and K against the digests the file records.
   */
  @Command(
      name = "ntk",
      mixinStandardHelpOptions = true,
      description = "Time the exact NTK of workload files and check it against their digests.")
  static final class Ntk implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "workload JSON files")
    List<Path> files;

    @Option(
        names = "--runs",
        paramLabel = "N",
        defaultValue = "30",
        description = "timed runs; the median is reported (default ${DEFAULT-VALUE})")
    int runs;

    @Option(
        names = "--warmup",
        paramLabel = "N",
        defaultValue = "30",
        description = "untimed warm-up runs (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--json", description = "print one JSON object on stdout instead of text")
    boolean json;

    @Override
    public Integer call() throws IOException {
      if (runs < 1 || warmup < 0) {
        throw new InvalidInputException("--runs must be at least 1 and --warmup at least 0");
      }
      List<Map<String, Object>> results = new ArrayList<>();
      boolean allOk = true;
      for (Path file : files) {
        Map<String, Object> r = bench(file);
        allOk &= Boolean.TRUE.equals(r.get("ok"));
        results.add(r);
        if (!json) {
          System.out.println(text(r));
        }
      }
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workloads", results);
        Output.json(System.out, m);
      }
      if (!allOk) {
        System.err.println("error: a result does not match the digests recorded in its workload");
      }
      return allOk ? 0 : 1;
    }

    private Map<String, Object> bench(Path file) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException("no such workload file: " + file);
      }
      JsonNode w;
      try {
        w = new ObjectMapper().readTree(file.toFile());
      } catch (IOException e) {
        throw new InvalidInputException(file + " is not valid JSON");
      }
      JsonNode layers = w.path("layers");
      if (!layers.isArray() || layers.size() == 0) {
        throw new InvalidInputException(file + " has no layers[] (filter, stride, shape)");
      }
      int h = layers.size();
      int[][] sizes = new int[h][];
      int[][] strides = new int[h][];
      for (int l = 0; l < h; l++) {
        sizes[l] = ints(layers.get(l).path("shape"), file);
        strides[l] = ints(layers.get(l).path("stride"), file);
      }
      Architecture a = Architecture.of(sizes, strides);
      List<List<BigFraction>> filters = new ArrayList<>();
      for (int l = 0; l < h; l++) {
        filters.add(NestedArrays.tensor(layers.get(l).path("filter"), a.dims(),
            file.getFileName() + ", layer " + (l + 1)).entries());
      }
      FilterTuple<BigFraction> theta = FilterTuple.of(a, filters);

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
      if (w.has("v")) {
        checks.put("v", NestedArrays.tensor(w.get("v"), a.dims(), "v").entries().equals(e.endToEnd()));
      }
      ScaledIntegerMatrix j = e.scaledJacobian();
      check(checks, w, "J_nnz", nnz(j));
      check(checks, w, "J_sha256", sha256(j));
      check(checks, w, "K_trace", k.trace().getNumerator().toString());
      check(checks, w, "K_sum", sum(k));
      check(checks, w, "K_nnz", nnz(k));
      check(checks, w, "K_max_abs", maxAbs(k));
      check(checks, w, "K_sha256", sha256(k));

      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", w.path("name").asText(file.getFileName().toString()));
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

    private static void check(Map<String, Object> checks, JsonNode w, String field, String actual) {
      if (w.has(field)) {
        checks.put(field, w.get(field).asText().equals(actual));
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

    private static int[] ints(JsonNode n, Path file) {
      if (!n.isArray() || n.size() == 0) {
        throw new InvalidInputException(file + ": a layer lacks its shape or stride");
      }
      int[] out = new int[n.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = n.get(i).asInt();
      }
      return out;
    }

    private static String text(Map<String, Object> r) {
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
  }

  /** {@code lcn bench factor DIR}: the factoring step and the fiber enumeration of W2 and W3. */
  @Command(
      name = "factor",
      mixinStandardHelpOptions = true,
      description = "Time the factoring of W2 (1-D, degree 30) and W3 (2-D, bidegree (5,5)) and"
          + " their fiber enumeration: medians after warm-up (DIR holds W2.json and W3.json).")
  static final class Factor implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "directory of the workloads, e.g. bench/workloads")
    Path dir;

    @Override
    public Integer call() throws Exception {
      for (String f : List.of("W2.json", "W3.json")) {
        if (!java.nio.file.Files.isRegularFile(dir.resolve(f))) {
          throw new InvalidInputException("no workload file " + dir.resolve(f));
        }
      }
      org.lcngeo.symbolic.poly.FactoringBenchmark.main(new String[] {dir.toString()});
      return 0;
    }
  }

  /** {@code lcn bench flow FILE}: the W4 flow, timed per method (in-process, after warm-up). */
  @Command(
      name = "flow",
      mixinStandardHelpOptions = true,
      description = "Time the W4 gradient flow (t in [0, 20], rtol 1e-10) per method: wall and"
          + " CPU time, right-hand-side evaluations, final loss (FILE: W4_W5.json); for a 2-D"
          + " workload (W6a.json, W6b.json, W6c.json) the parameter flow and the function-space"
          + " flow beside it, with peak memory.")
  static final class Flow implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the workload, e.g. bench/workloads/W4_W5.json")
    Path file;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "5", description = "timed repetitions (default ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--method", paramLabel = "M", split = ",", defaultValue = "bdf,rodas4,dop853",
        description = "methods, comma separated (default ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--no-function-space",
        description = "a 2-D workload (W6): time only the parameter flow")
    boolean noFunctionSpace;

    @Override
    public Integer call() throws Exception {
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw new InvalidInputException("no workload file " + file);
      }
      if (reps < 1) {
        throw new InvalidInputException("--reps must be at least 1");
      }
      List<String> args = new java.util.ArrayList<>(List.of(file.toString(), Integer.toString(reps)));
      args.addAll(methods);
      if (noFunctionSpace) {
        args.add(org.lcngeo.numeric.bench.FlowBench.NO_FUNCTION_SPACE);
      }
      org.lcngeo.numeric.bench.FlowBench.main(args.toArray(String[]::new));
      return 0;
    }
  }
}
