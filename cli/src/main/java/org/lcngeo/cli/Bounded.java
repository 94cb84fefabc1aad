package org.lcngeo.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.TimeLimitException;

/**
 * Runs exact work under a {@link Deadline} on a worker thread that is abandoned when the deadline
 * passes. Our own loops stop at their next {@link Deadline#checkCurrent()}; calls into Symja or JAS
 * that never check it cannot hold the command beyond its limit, because the caller stops waiting
 * at the deadline and the worker is a daemon thread, ended with the JVM. The worker is not
 * interrupted: JAS turns an interrupt into an exception wherever it polls, also inside a class's
 * static initializer, which would leave that class unusable for the rest of the JVM (a notebook
 * kernel, a test run).
 */
public final class Bounded {
  /**
   * Daemon workers, reused when idle (so that their per-thread state, such as a Symja evaluator,
   * is made once); a worker abandoned at a deadline is busy and never handed new work.
   */
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "lcn-exact-work");
    t.setDaemon(true);
    return t;
  });

  private Bounded() {}

  /**
   * The result of {@code work}, computed on a daemon thread with {@code deadline} installed.
   *
   * @throws TimeLimitException when the deadline passes first
   */
  public static <T> T call(Deadline deadline, Callable<T> work) {
    Future<T> task = WORKERS.submit(() -> {
      try (Deadline.Scope scope = deadline.enter()) {
        return work.call();
      }
    });
    try {
      java.time.Duration left = deadline.remaining();
      return left == null ? task.get() : task.get(left.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw deadline.expiredException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** {@link #call} for work without a result. */
  public static void run(Deadline deadline, Runnable work) {
    call(deadline, () -> {
      work.run();
      return null;
    });
  }
}
