package org.lcngeo.numeric.sweep;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Many seeded runs in parallel with a durable CSV log (issue 5, item 7): a {@link TaskEngine} (by
 * default a pool of threads, one per available processor; or Spark, {@code lcn sweep --master})
 * runs the task on every {@link RunSpec}; each result becomes one CSV row as soon as its run
 * finishes.
 *
 * <p>Durability: the file is opened in append mode, every row is one line written by a single
 * write of its bytes, under a lock, as soon as its run finishes; the file is forced to disk
 * (fsync) at most every {@value #SYNC_INTERVAL_MS} ms and when the sweep ends (one fsync per row
 * cost W5 a tenth of its time). A process killed at any moment therefore leaves every finished
 * row (the written bytes are the kernel's) plus at most one torn last line without its newline;
 * only a crash of the machine itself can lose the rows of the last {@value #SYNC_INTERVAL_MS} ms.
 * With {@code resume} a torn line is truncated away, the header is kept, and the runs whose id
 * already has a row are skipped. Without {@code resume} the file is started afresh.
 *
 * <p>Columns: {@code id}, {@code seed}, then the keys of the task's result map in the order of the
 * first result (a {@link LinkedHashMap} keeps them stable); all results must have the same keys.
 * The summary reads the columns {@value #FINAL_LOSS} (a number), {@value #ZERO_LIMIT}
 * ({@code true} when the run ends at mu(theta) = 0) and {@value #STATUS} ({@value #COMPLETE}, or
 * what stopped short) when present.
 *
 * <p>A task that throws stops the sweep: the pool is shut down, rows already written stay, and the
 * failure is rethrown as a {@link SweepFailedException}; a later resume completes the sweep.
 */
public final class SweepRunner {
  public static final String ID = "id";
  public static final String SEED = "seed";
  public static final String FINAL_LOSS = "finalLoss";
  public static final String ZERO_LIMIT = "zeroLimit";
  public static final String STATUS = "status";
  /** The {@value #STATUS} of a run whose flows all reached T. */
  public static final String COMPLETE = "complete";

  /** The longest time between a row's write and its fsync. */
  public static final long SYNC_INTERVAL_MS = 100;

  /** Default relative gap between distinct loss levels of the summary. */
  public static final double DEFAULT_LEVEL_TOLERANCE = 1e-6;

  private final TaskEngine engine;
  private final BiConsumer<Integer, Integer> progress;

  /** One worker per available processor, no progress reports. */
  public SweepRunner() {
    this(Runtime.getRuntime().availableProcessors(), (done, total) -> { });
  }

  /**
   * @param threads worker threads (at least one)
   * @param progress called as (finished runs so far, total runs) after each written row
   */
  public SweepRunner(int threads, BiConsumer<Integer, Integer> progress) {
    this(new ThreadEngine(threads), progress);
  }

  /**
   * Runs on the given engine (for a distributed one, the task must be serializable).
   *
   * @param progress called as (finished runs so far, total runs) after each written row
   */
  public SweepRunner(TaskEngine engine, BiConsumer<Integer, Integer> progress) {
    this.engine = engine;
    this.progress = progress;
  }

  /**
   * Runs every spec not yet in the file and returns the summary over all runs of the list.
   *
   * @param runs the runs, ids unique
   * @param task computes one run's result columns (must be thread-safe)
   * @param csv the log file
   * @param resume keep the file's rows and skip their runs, instead of starting afresh
   */
  public SweepSummary run(List<RunSpec> runs, Function<RunSpec, Map<String, Object>> task,
      Path csv, boolean resume) throws IOException {
    Set<String> ids = new HashSet<>();
    for (RunSpec r : runs) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException("duplicate run id " + r.id());
      }
    }
    List<String> header = new ArrayList<>();
    Set<String> done = new HashSet<>();
    if (resume && Files.exists(csv)) {
      for (Map<String, String> row : readRows(csv, header)) {
        done.add(row.get(ID));
      }
    } else {
      Files.deleteIfExists(csv);
    }
    List<RunSpec> todo = runs.stream().filter(r -> !done.contains(r.id())).toList();
    // A FileOutputStream, not an (interruptible) FileChannel: cancelling the pool on a failure
    // interrupts the workers, and an interrupted channel write would close the file mid-line.
    try (RowWriter writer = new RowWriter(new FileOutputStream(csv.toFile(), true), header)) {
      execute(todo, task, writer, runs.size(), runs.size() - todo.size());
    }
    return summarize(csv, runs, DEFAULT_LEVEL_TOLERANCE);
  }

  private void execute(List<RunSpec> todo, Function<RunSpec, Map<String, Object>> task,
      RowWriter writer, int total, int already) throws IOException {
    if (todo.isEmpty()) {
      return;
    }
    int[] done = {already};
    try {
      // flows take milliseconds: a few tasks per worker, not one per run
      int perTask = Math.max(1, todo.size() / (4 * engine.parallelism()));
      engine.run(todo, perTask, task, (spec, result) -> {
        if (result.containsKey(ID) || result.containsKey(SEED)) {
          throw new IllegalStateException("a task result may not use the columns id and seed");
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put(ID, spec.id());
        row.put(SEED, Long.toString(spec.seed()));
        result.forEach((k, v) -> row.put(k, String.valueOf(v)));
        writer.write(row);
        progress.accept(++done[0], total);
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SweepFailedException("the sweep was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof org.lcngeo.core.InvalidInputException bad) {
        throw bad;
      }
      if (e.getCause() instanceof org.lcngeo.core.TimeLimitException timeout) {
        throw timeout;
      }
      throw new SweepFailedException("a run failed: " + e.getCause(), e.getCause());
    } finally {
      writer.close();
    }
  }

  /**
   * Appends rows, header first when the file has none; one write per line, an fsync at most every
   * {@value #SYNC_INTERVAL_MS} ms and at the end. Rows of runs that finish after the sweep was
   * stopped are dropped (a resume recomputes them).
   */
  private static final class RowWriter implements AutoCloseable {
    private final FileOutputStream out;
    private final List<String> header;
    private boolean closed;
    private long lastSync = System.nanoTime();

    RowWriter(FileOutputStream out, List<String> header) {
      this.out = out;
      this.header = header;
    }

    @Override
    public synchronized void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.getFD().sync();
      } finally {
        out.close();
      }
    }

    synchronized void write(Map<String, String> row) {
      if (closed) {
        return;
      }
      try {
        StringBuilder text = new StringBuilder();
        if (header.isEmpty()) {
          header.addAll(row.keySet());
          text.append(CsvRows.line(header));
        } else if (!header.equals(new ArrayList<>(row.keySet()))) {
          throw new org.lcngeo.core.InvalidInputException("the file to resume has the columns "
              + header + ", but this sweep writes " + row.keySet() + ": --resume continues a file"
              + " written by the same lcn sweep (version and options); run without --resume or"
              + " choose another --csv");
        }
        text.append(CsvRows.line(header, row));
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        long now = System.nanoTime();
        if (now - lastSync >= SYNC_INTERVAL_MS * 1_000_000) {
          out.getFD().sync();
          lastSync = now;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Reads a sweep file, truncating a torn last line (no newline) in place.
   *
   * @param header receives the header
   * @return the complete rows as column maps
   */
  static List<Map<String, String>> readRows(Path csv, List<String> header) throws IOException {
    byte[] bytes = Files.readAllBytes(csv);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      try (FileChannel ch = FileChannel.open(csv, StandardOpenOption.WRITE)) {
        ch.truncate(end);
        ch.force(true);
      }
    }
    String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
    List<Map<String, String>> rows = new ArrayList<>();
    String[] lines = text.split("\n");
    header.clear();
    if (text.isEmpty()) {
      return rows;
    }
    header.addAll(CsvRows.parse(lines[0]));
    for (int i = 1; i < lines.length; i++) {
      List<String> f = CsvRows.parse(lines[i]);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size() && c < f.size(); c++) {
        row.put(header.get(c), f.get(c));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * The summary of the rows of {@code csv} that belong to {@code runs}, final losses in run order.
   *
   * @param levelTolerance relative gap separating two loss levels
   */
  public static SweepSummary summarize(Path csv, List<RunSpec> runs, double levelTolerance)
      throws IOException {
    Map<String, Map<String, String>> byId = new HashMap<>();
    for (Map<String, String> row : readRows(csv, new ArrayList<>())) {
      byId.put(row.get(ID), row);
    }
    int count = 0;
    int zeros = 0;
    int incomplete = 0;
    List<Double> losses = new ArrayList<>();
    for (RunSpec r : runs) {
      Map<String, String> row = byId.get(r.id());
      if (row == null) {
        continue;
      }
      count++;
      if (Boolean.parseBoolean(row.get(ZERO_LIMIT))) {
        zeros++;
      }
      String status = row.get(STATUS);
      if (status != null && !status.isEmpty() && !status.equals(COMPLETE)) {
        incomplete++;
      }
      String loss = row.get(FINAL_LOSS);
      if (loss != null && !loss.isEmpty()) {
        losses.add(Double.parseDouble(loss));
      }
    }
    return SweepSummary.of(count, zeros, incomplete, losses, levelTolerance);
  }
}
