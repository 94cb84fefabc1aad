package org.lcngeo.numeric.sweep;

import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Where independent tasks run: one task per {@link RunSpec}, each result handed back as soon as
 * its task finishes. {@link ThreadEngine} runs them on a pool of threads of this JVM; the atlas
 * module provides an engine on Apache Spark ({@link Provider}), which ships the task to other
 * JVMs and therefore needs it {@link java.io.Serializable}, with a serializable result.
 */
public interface TaskEngine extends AutoCloseable {
  /**
   * Runs {@code task} on every spec and calls {@code onResult} with each result as its task
   * finishes, from one thread at a time (the caller's). A task that throws stops the run: the
   * others are cancelled and the failure is rethrown with the task's exception as its cause.
   */
  default <R> void run(List<RunSpec> specs, Function<RunSpec, R> task,
      BiConsumer<RunSpec, R> onResult) throws InterruptedException, ExecutionException {
    run(specs, 1, task, onResult);
  }

  /**
   * As {@link #run(List, Function, BiConsumer)}, with up to {@code specsPerTask} specs in one
   * task of a distributed engine (for tasks of a few milliseconds, whose scheduling would cost
   * more than their work): their results come back together when the last of them finishes.
   */
  <R> void run(List<RunSpec> specs, int specsPerTask, Function<RunSpec, R> task,
      BiConsumer<RunSpec, R> onResult) throws InterruptedException, ExecutionException;

  /** The number of tasks that run at once (for batching and progress). */
  int parallelism();

  @Override
  void close();

  /** A distributed engine found on the class path with {@link ServiceLoader}. */
  interface Provider {
    /**
     * An engine on the cluster at {@code master} (for Spark: {@code local[N]}, {@code
     * spark://host:port}, ...).
     */
    TaskEngine open(String master, String appName);

    /**
     * Checks {@code master} before any work: a URL the engine cannot use, or a master that does
     * not answer, throws {@link org.lcngeo.core.InvalidInputException}.
     */
    void check(String master);
  }

  /**
   * Checks {@code master} with the distributed engine's {@link Provider#check}; false when no
   * provider is on the class path.
   */
  static boolean checkDistributed(String master) {
    for (Provider p : ServiceLoader.load(Provider.class)) {
      p.check(master);
      return true;
    }
    return false;
  }

  /**
   * The distributed engine at {@code master}, or empty when no provider is on the class path (the
   * plain {@code lcn} jar has none: the launcher runs the atlas module's jar for {@code --master}).
   */
  static java.util.Optional<TaskEngine> distributed(String master, String appName) {
    for (Provider p : ServiceLoader.load(Provider.class)) {
      return java.util.Optional.of(p.open(master, appName));
    }
    return java.util.Optional.empty();
  }
}
