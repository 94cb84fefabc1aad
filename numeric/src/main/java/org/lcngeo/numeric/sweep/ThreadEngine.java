package org.lcngeo.numeric.sweep;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** A {@link TaskEngine} on a fixed pool of daemon threads of this JVM. */
public final class ThreadEngine implements TaskEngine {
  private final int threads;

  /** @param threads worker threads (at least one) */
  public ThreadEngine(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("an engine needs at least one thread");
    }
    this.threads = threads;
  }

  /** Runs each spec as its own task ({@code specsPerTask} only matters to distributed engines). */
  @Override
  public <R> void run(List<RunSpec> specs, int specsPerTask, Function<RunSpec, R> task,
      BiConsumer<RunSpec, R> onResult) throws InterruptedException, ExecutionException {
    if (specs.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, specs.size()), r -> {
      Thread t = new Thread(r, "task-worker");
      t.setDaemon(true);
      return t;
    });
    ExecutorCompletionService<Done<R>> ecs = new ExecutorCompletionService<>(pool);
    try {
      for (RunSpec spec : specs) {
        ecs.submit(() -> new Done<>(spec, task.apply(spec)));
      }
      for (int i = 0; i < specs.size(); i++) {
        Future<Done<R>> f = ecs.take();
        Done<R> d = f.get();
        onResult.accept(d.spec(), d.result());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public void close() {}

  private record Done<R>(RunSpec spec, R result) {}
}
