package org.lcngeo.atlas;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.numeric.sweep.RunSpec;
import org.lcngeo.numeric.sweep.TaskEngine;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A {@link TaskEngine} on Apache Spark: one job per run, one partition (one task) per spec (or per
 * {@code specsPerTask} specs), each task's results handed to the driver as soon as the task finishes (Spark's {@code submitJob}
 * result handler), so that the caller writes it at once. The task and its results are serialized:
 * on {@code local[N]} they stay in this JVM, on a cluster they travel to the executors, which
 * fetch this module's jar and its libraries (everything but Spark) from the driver.
 *
 * <p>Masters: {@code --master URL} wins; otherwise the one spark-submit set ({@code spark.master});
 * otherwise the embedded {@code local[*]}. The web UI and the console progress bar are off. On a
 * cluster the engine waits at most {@link #EXECUTOR_WAIT} (default 120 s) for an executor, at the
 * start and whenever a job has none, instead of Spark's endless wait.
 */
public final class SparkEngine implements TaskEngine {
  /**
   * The Spark setting that bounds how long a cluster may leave the application without an
   * executor: before the first one joins (a master that accepts the application but has no worker
   * with free cores and memory would otherwise keep it waiting forever), and after the last one is
   * lost during a job.
   */
  static final String EXECUTOR_WAIT = "spark.lcngeo.executorWait";
  static final String EXECUTOR_WAIT_DEFAULT = "120s";

  private final JavaSparkContext context;
  /** The bound of {@link #EXECUTOR_WAIT} in milliseconds; 0 on local masters (no executors). */
  private final long executorWaitMillis;

  private SparkEngine(JavaSparkContext context, long executorWaitMillis) {
    this.context = context;
    this.executorWaitMillis = executorWaitMillis;
  }

  /**
   * Starts (or joins, under spark-submit) a Spark context.
   *
   * @param master a master URL, or null for spark-submit's or the embedded {@code local[*]}
   * @throws org.lcngeo.core.InvalidInputException when Spark cannot use {@code master} or it
   *     cannot be reached ({@link SparkMasters#check})
   * @throws IllegalStateException when Spark does not start
   */
  public static SparkEngine open(String master, String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    if (master != null) {
      SparkMasters.check(master);
      conf.setMaster(master.strip());
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    String m = conf.get("spark.master");
    boolean local = m.startsWith("local");
    if (local) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.setIfMissing("spark.sql.shuffle.partitions", "4");
    // symbolic's log4j2.component.properties chooses log4j-api's simple logger (Symja's logging
    // stays silent); Spark casts its logger to log4j-core's, so executors choose log4j-core's
    // context factory, as spark-jvm.options does for the driver.
    String log4jCore =
        "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.core.impl.Log4jContextFactory";
    String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
    if (!executorOptions.contains("log4j2.loggerContextFactory")) {
      conf.set("spark.executor.extraJavaOptions", (executorOptions + " " + log4jCore).strip());
    }
    Path self = codeSource();
    if (!local && self != null && Files.isDirectory(self)) {
      // classes, not a jar (tests, IDE): executors on this machine read the same class path
      conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    }
    JavaSparkContext context;
    try {
      context = new JavaSparkContext(conf);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Spark did not start on " + m + ": " + e.getMessage(), e);
    }
    context.setLogLevel("ERROR");
    if (!local && self != null && Files.isRegularFile(self)) {
      for (Path jar : shippedJars(self)) {
        context.addJar(jar.toString());
      }
    }
    if (local) {
      return new SparkEngine(context, 0);
    }
    long wait = context.getConf().getTimeAsMs(EXECUTOR_WAIT, EXECUTOR_WAIT_DEFAULT);
    SparkEngine engine = new SparkEngine(context, Math.max(1, wait));
    try {
      engine.awaitExecutor();
    } catch (RuntimeException | InterruptedException e) {
      context.stop();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for an executor", e);
      }
      throw (RuntimeException) e;
    }
    return engine;
  }

  /**
   * Waits until the cluster has given the application an executor, at most {@link
   * #executorWaitMillis}.
   *
   * @throws InvalidInputException when none joined in time (exit 2, nothing written: the census
   *     has not started)
   * @throws IllegalStateException when Spark stopped meanwhile (the master gave up)
   */
  private void awaitExecutor() throws InterruptedException {
    long until = System.nanoTime() + executorWaitMillis * 1_000_000L;
    while (executors() == 0) {
      if (context.sc().isStopped()) {
        throw new IllegalStateException("Spark stopped before an executor joined: the master "
            + context.master() + " did not accept the application");
      }
      if (System.nanoTime() - until >= 0) {
        throw new InvalidInputException("the Spark master " + context.master() + " gave the"
            + " application no executor within " + seconds(executorWaitMillis) + " s: does it"
            + " have a worker with free cores and the memory an executor asks for"
            + " (spark.executor.memory)? (" + EXECUTOR_WAIT + "=10min waits longer: spark-submit"
            + " --conf, or LCN_JAVA_OPTS=-D" + EXECUTOR_WAIT + "=10min)");
      }
      Thread.sleep(100);
    }
  }

  /** The executors the cluster runs for this application now (the driver is not one). */
  private int executors() {
    return context.sc().getExecutorIds().size();
  }

  private static String seconds(long millis) {
    return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  /** This module's jar and its libraries (target/lib, which does not hold Spark). */
  static List<Path> shippedJars(Path selfJar) {
    List<Path> out = new ArrayList<>(List.of(selfJar));
    Path lib = selfJar.getParent().resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> s = Files.list(lib)) {
        s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static Path codeSource() {
    try {
      return Path.of(SparkEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** The master this engine runs on. */
  public String master() {
    return context.master();
  }

  @Override
  public int parallelism() {
    return context.defaultParallelism();
  }

  @Override
  public <R> void run(List<RunSpec> specs, int specsPerTask, Function<RunSpec, R> task,
      BiConsumer<RunSpec, R> onResult) throws InterruptedException, ExecutionException {
    if (specs.isEmpty()) {
      return;
    }
    if (!(task instanceof Serializable)) {
      throw new IllegalArgumentException("a task for Spark must be serializable: " + task.getClass());
    }
    int tasks = (specs.size() + Math.max(1, specsPerTask) - 1) / Math.max(1, specsPerTask);
    BlockingQueue<Object> results = new LinkedBlockingQueue<>();
    Object end = new Object();
    @SuppressWarnings("unchecked")
    scala.collection.immutable.Seq<Object> partitions = (scala.collection.immutable.Seq<Object>)
        (Object) CollectionConverters.asScala(IntStream.range(0, tasks).boxed().toList()).toList();
    SimpleFutureAction<Object> job;
    try {
      RDD<RunSpec> rdd = context.parallelize(specs, tasks).rdd();
      job = context.sc().submitJob(rdd, new PartitionTask<>(task), partitions,
          new Handler(results), new Nothing());
    } catch (IllegalStateException e) {
      if (!context.sc().isStopped()) {
        throw e;
      }
      // the standalone scheduler stops the context when no master accepts the application
      throw new ExecutionException("Spark stopped before the job started: the master "
          + context.master() + " did not accept the application", null);
    }
    Thread watcher = new Thread(() -> {
      try {
        job.get();
        results.add(end);
      } catch (Exception e) {
        results.add(new Failure(e));
      }
    }, "spark-job-watcher");
    watcher.setDaemon(true);
    watcher.start();
    try {
      int received = 0;
      long lastExecutor = System.nanoTime();
      while (received < specs.size()) {
        Object x = results.poll(1, TimeUnit.SECONDS);
        if (x == null) {
          if (executorWaitMillis > 0 && executors() > 0) {
            lastExecutor = System.nanoTime();
          } else if (executorWaitMillis > 0
              && System.nanoTime() - lastExecutor > executorWaitMillis * 1_000_000L) {
            throw new ExecutionException("the Spark master " + context.master() + " has had no"
                + " executor for " + seconds(executorWaitMillis) + " s (every worker lost?)", null);
          }
          continue;
        }
        if (x instanceof Failure f) {
          throw new ExecutionException("the Spark job failed: " + f.cause().getMessage(), cause(f.cause()));
        }
        if (x == end) {
          continue;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> done = (List<Object[]>) x;
        for (Object[] pair : done) {
          @SuppressWarnings("unchecked")
          R r = (R) pair[1];
          onResult.accept((RunSpec) pair[0], r);
          received++;
        }
      }
    } catch (RuntimeException | InterruptedException | ExecutionException e) {
      job.cancel();
      throw e;
    }
  }

  /** The task's own exception where Spark kept it (local mode), else Spark's. */
  private static Throwable cause(Throwable sparkFailure) {
    Throwable t = sparkFailure;
    while (t.getCause() != null && t.getClass().getName().startsWith("org.apache.spark")) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void close() {
    context.stop();
  }

  private record Failure(Throwable cause) {}

  /** Runs the task on each spec of a partition (one spec per partition). */
  private static final class PartitionTask<R>
      extends AbstractFunction1<Iterator<RunSpec>, List<Object[]>> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Function<RunSpec, R> task;

    PartitionTask(Function<RunSpec, R> task) {
      this.task = task;
    }

    @Override
    public List<Object[]> apply(Iterator<RunSpec> specs) {
      ArrayList<Object[]> out = new ArrayList<>();
      while (specs.hasNext()) {
        RunSpec spec = specs.next();
        out.add(new Object[] {spec, task.apply(spec)});
      }
      return out;
    }
  }

  /** Called on the driver as each task finishes. */
  private static final class Handler
      extends AbstractFunction2<Object, List<Object[]>, BoxedUnit> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final transient BlockingQueue<Object> results;

    Handler(BlockingQueue<Object> results) {
      this.results = results;
    }

    @Override
    public BoxedUnit apply(Object partition, List<Object[]> done) {
      results.add(done);
      return BoxedUnit.UNIT;
    }
  }

  private static final class Nothing extends AbstractFunction0<Object> implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Object apply() {
      return null;
    }
  }

  /** Found by {@link TaskEngine#distributed} through {@link java.util.ServiceLoader}. */
  public static final class Provider implements TaskEngine.Provider {
    @Override
    public TaskEngine open(String master, String appName) {
      return SparkEngine.open(master, appName);
    }

    @Override
    public void check(String master) {
      SparkMasters.check(master);
    }
  }
}
