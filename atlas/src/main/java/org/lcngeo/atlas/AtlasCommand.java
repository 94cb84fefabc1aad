package org.lcngeo.atlas;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.lcngeo.cli.Output;
import org.lcngeo.cli.OutputFiles;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.sweep.RunSpec;
import org.lcngeo.numeric.sweep.TaskEngine;
import org.lcngeo.numeric.sweep.ThreadEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lcn atlas}: the census of small architectures (issue 14). Every architecture within the
 * bounds is decided exactly ({@link ArchitectureCensus}) as one task of an engine: Spark (the
 * embedded {@code local[*]}, or a cluster with {@code --master}) or, with {@code --engine
 * threads}, a plain pool of threads of this JVM. Rows go to the census directory as they finish
 * ({@link CensusDirectory}); the summary, the plot and the JSON or text report come at the end.
 */
@Command(
    name = "atlas",
    mixinStandardHelpOptions = true,
    description = {
      "A census of architectures, each decided exactly: for every architecture with the given"
          + " bounds (layers 2..H, sizes 1..K per axis but no scalar layer, strides 1..S for"
          + " layers 1..H-1 and 1 for the last, at most P parameters), at N seeded sample tuples:"
          + " the rank of d mu against the expected dimension, the real fiber (points up to sign)"
          + " at delta = 0 and at a random delta, the swap classes (Obs. 11), whether the NTK is"
          + " parameter independent at balanced and at generic invariants (true, false, or"
          + " undecided), the paper's prediction for its class (Table 1), and a witness command"
          + " for every disagreement.",
      "Runs on Apache Spark: the embedded local[*] by default, a cluster with --master URL (or"
          + " spark-submit of atlas/target/lcn-atlas.jar). With --out DIR every row is written as"
          + " its architecture finishes (Parquet, DIR/atlas.parquet); the same command continues a"
          + " killed run."
    })
final class AtlasCommand implements Callable<Integer> {
  @Option(names = "--dims", paramLabel = "D", defaultValue = "1", description = "signal dimension, 1 or 2 (default ${DEFAULT-VALUE})")
  int dims;

  @Option(names = "--max-layers", paramLabel = "H", defaultValue = "2", description = "at most H layers (default ${DEFAULT-VALUE})")
  int maxLayers;

  @Option(names = "--max-size", paramLabel = "K", defaultValue = "3", description = "filter sizes at most K per axis (default ${DEFAULT-VALUE})")
  int maxSize;

  @Option(names = "--max-stride", paramLabel = "S", defaultValue = "2", description = "strides at most S per axis (default ${DEFAULT-VALUE})")
  int maxStride;

  @Option(names = "--max-parameters", paramLabel = "P", defaultValue = "10000", description = "at most P parameters (default no bound: ${DEFAULT-VALUE})")
  int maxParameters;

  @Option(names = "--points", paramLabel = "N", defaultValue = "2", description = "seeded sample tuples per architecture (default ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of the sample tuples and invariants (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "census directory: settings, the Parquet dataset atlas.parquet (one row per architecture, as it finishes), summary.json, summary.txt, atlas.png")
  Path out;

  @Option(names = "--resume", description = "continue the census in --out DIR, which must hold one with the same settings (the same command continues a stopped census anyway, skipping the architectures done)")
  boolean resume;

  @Option(names = "--csv", paramLabel = "FILE", description = "also write the rows as CSV, one line per architecture as it finishes")
  Path csv;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else the embedded local[*]; local[N] for N threads)")
  String master;

  @Option(names = "--engine", paramLabel = "E", defaultValue = "spark", description = "spark (default) or threads (a plain thread pool, no Spark)")
  String engine;

  @Option(names = "--threads", paramLabel = "N", description = "threads of --engine threads, or of the embedded Spark (local[N]); default all processors")
  Integer threads;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "time limit per architecture (default ${DEFAULT-VALUE})")
  int timeout;

  @Option(names = "--json", description = "print one JSON object on stdout instead of text")
  boolean json;

  @Override
  public Integer call() throws IOException {
    CensusSettings settings =
        new CensusSettings(dims, maxLayers, maxSize, maxStride, maxParameters, points, seed);
    if (timeout < 1 || timeout > 7 * 24 * 3600) {
      throw new InvalidInputException(
          "--timeout must be between 1 and 604800 seconds (a week), not " + timeout);
    }
    boolean spark = switch (engine.strip().toLowerCase(Locale.ROOT)) {
      case "spark" -> true;
      case "threads" -> false;
      default -> throw new InvalidInputException("--engine must be spark or threads, not '" + engine + "'");
    };
    if (!spark && master != null) {
      throw new InvalidInputException("--master needs --engine spark");
    }
    if (threads != null && (threads < 1 || threads > 1024)) {
      throw new InvalidInputException("--threads must be between 1 and 1024, not " + threads);
    }
    if (threads != null && master != null) {
      throw new InvalidInputException("give --threads or --master, not both (local[N] is N threads)");
    }
    if (resume && out == null) {
      throw new InvalidInputException("--resume needs the --out DIR of the census to continue");
    }
    if (csv != null) {
      OutputFiles.requireWritable(csv, "--csv");
    }
    List<Architecture> architectures = settings.architectures();
    // every check before any work; nothing is written before the engine has started
    CensusDirectory census = out != null ? CensusDirectory.check(out, settings, resume) : null;
    Path dir = out;
    long start;
    String engineName;
    Map<String, AtlasEntry> rows;
    double taskCpuSeconds = 0;
    TaskEngine e;
    try {
      e = engine(spark);
    } catch (IllegalStateException x) {
      return stopped(x.getMessage(), 0); // Spark did not start (SparkEngine.open)
    }
    try (e) {
      if (census == null) {
        dir = Files.createTempDirectory("lcn-atlas-");
        census = CensusDirectory.check(dir, settings, false);
      }
      census.create();
      rows = census.rows();
      if (census.existing()) {
        progress("atlas: continuing the census in " + out + " (" + rows.size() + " rows done)");
      }
      List<RunSpec> todo = new ArrayList<>();
      for (int i = 0; i < architectures.size(); i++) {
        Architecture a = architectures.get(i);
        AtlasEntry done = rows.get(Architectures.id(a));
        if (done == null || (done.status().equals(AtlasEntry.TIMEOUT)
            && done.timeoutSeconds() < timeout && census.replaceable(done))) {
          todo.add(AtlasTask.spec(a, i));
        }
      }
      start = System.nanoTime();
      engineName = e instanceof SparkEngine s ? "spark " + s.master() : "threads " + e.parallelism();
      progress(String.format(Locale.ROOT, "atlas: %d architectures, %d to do, on %s",
          architectures.size(), todo.size(), engineName));
      CensusDirectory target = census;
      try (AtlasCsv table = csv == null ? null : new AtlasCsv(csv, rows.values())) {
        int[] count = {0};
        long[] last = {start};
        double[] cpu = {0};
        e.run(todo, new AtlasTask(settings, timeout), (spec, row) -> {
          try {
            target.write(row);
            if (table != null) {
              table.append(row);
            }
          } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
          }
          rows.put(row.id(), row);
          count[0]++;
          cpu[0] += row.cpuSeconds() != null ? row.cpuSeconds() : 0;
          long now = System.nanoTime();
          if (now - last[0] > 2_000_000_000L || count[0] == todo.size()) {
            last[0] = now;
            progress(String.format(Locale.ROOT, "atlas: %d/%d done (%.1f s)", count[0],
                todo.size(), (now - start) * 1e-9));
          }
        });
        taskCpuSeconds = cpu[0];
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        return stopped("interrupted", rows.size());
      } catch (ExecutionException x) {
        Throwable why = x.getCause() != null ? x.getCause() : x;
        return stopped(why.getMessage() != null ? why.getMessage() : why.toString(), rows.size());
      }
    } finally {
      if (out == null && dir != null) {
        deleteTree(dir);
      }
    }
    double seconds = (System.nanoTime() - start) * 1e-9;
    List<AtlasEntry> inCensus = new ArrayList<>();
    for (Architecture a : architectures) {
      AtlasEntry r = rows.get(Architectures.id(a));
      if (r != null) {
        inCensus.add(r);
      }
    }
    AtlasSummary summary = new AtlasSummary(inCensus);
    Map<String, Object> report = new LinkedHashMap<>(summary.toJson());
    report.put("settings", settings.toMap());
    report.put("engine", engineName);
    report.put("seconds", seconds);
    // the two CPU times that separate the engine's cost from the architectures' (local engines)
    report.put("taskCpuSeconds", taskCpuSeconds);
    double processCpuSeconds = processCpuSeconds();
    report.put("processCpuSeconds", Double.isNaN(processCpuSeconds) ? null : processCpuSeconds);
    if (out != null) {
      report.put("out", out.toString());
      census.writeAtomically(CensusDirectory.SUMMARY_JSON,
          new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
      census.writeAtomically(CensusDirectory.SUMMARY_TEXT,
          summary.text().getBytes(StandardCharsets.UTF_8));
      byte[] png = summary.plot();
      if (png.length > 0) {
        census.writeAtomically(CensusDirectory.PLOT, png);
      }
    }
    if (json) {
      Output.json(System.out, report);
    } else {
      System.out.print(summary.text());
      System.out.printf(Locale.ROOT, "%.1f s on %s (CPU: %.1f s in the architectures' tasks,"
          + " %.1f s this process)%s%n", seconds, engineName, taskCpuSeconds, processCpuSeconds,
          out != null ? "; rows in " + out.resolve(CensusDirectory.DATASET) : "");
    }
    return 0;
  }

  /**
   * The census stopped before its end (the engine failed or was interrupted): one error line,
   * exit 1; the rows finished so far stay in --out, and the same command continues the census.
   */
  private int stopped(String why, int rowsDone) {
    String where = out != null && rowsDone > 0
        ? "; " + rowsDone + " rows are in " + out + " (the same command continues the census)"
        : "";
    System.err.println(("error: the census stopped: " + why + where)
        .replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u0085]", " ").strip());
    System.err.flush();
    return 1;
  }

  private TaskEngine engine(boolean spark) {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (!spark) {
      return new ThreadEngine(n);
    }
    return SparkEngine.open(master != null ? master : threads != null ? "local[" + n + "]" : null,
        "lcn atlas");
  }

  /**
   * The CPU time of this JVM so far (every thread's, user and system; NaN where the JVM does not
   * tell): on local[*] and --engine threads it holds the tasks', on a cluster only the driver's.
   */
  static double processCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
      return os.getProcessCpuTime() * 1e-9;
    }
    return Double.NaN;
  }

  private static void progress(String line) {
    System.err.println(line);
    System.err.flush();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
