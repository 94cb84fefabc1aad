package org.lcngeo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lcngeo.bench.FactorBench;
import org.lcngeo.bench.FlowBench;
import org.lcngeo.bench.NtkBench;
import org.lcngeo.core.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lcn bench}: a thin front end of the bench module: its in-process runners of the workloads
 * in bench/workloads ({@link NtkBench}, {@link FactorBench}, {@link FlowBench}) and its JMH
 * benchmarks ({@code lcn bench jmh}).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "In-process benchmarks on the workload files in bench/workloads.",
    subcommands = {BenchCommand.Ntk.class, BenchCommand.Factor.class, BenchCommand.Flow.class,
        BenchCommand.Jmh.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * {@code lcn bench ntk FILE...}: the bench module's {@link NtkBench} on each workload (W1.json,
   * W1b.json: {@code layers[].filter, stride, shape}).
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
        Map<String, Object> r = NtkBench.run(file, runs, warmup);
        allOk &= Boolean.TRUE.equals(r.get("ok"));
        results.add(r);
        if (!json) {
          System.out.println(NtkBench.text(r));
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
      FactorBench.run(dir);
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
      FlowBench.run(file, reps, methods, !noFunctionSpace);
      return 0;
    }
  }

  /** {@code lcn bench jmh [JMH options]}: the JMH benchmarks of W1-W5 (org.lcngeo.bench.jmh). */
  @Command(
      name = "jmh",
      description = "Run the JMH benchmarks of W1-W5 (NtkBenchmark, FactorBenchmark,"
          + " FlowBenchmark, SweepBenchmark) with JMH's own options, e.g. `lcn bench jmh"
          + " FactorBenchmark -f 1 -wi 2 -i 3`; -h lists JMH's options. Reads the workloads from"
          + " bench/workloads of the current directory (-jvmArgs -Dlcn.workloads=DIR elsewhere).")
  static final class Jmh implements Callable<Integer> {
    @picocli.CommandLine.Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      org.openjdk.jmh.Main.main(args.toArray(String[]::new));
      return 0;
    }
  }
}
