package org.lcngeo.core;

import java.time.Duration;

/**
 * A cooperative time bound. Long loops (factoring, root isolation, enumeration, elimination,
 * integration) call {@link #check()} on the deadline they were given, or the static {@link
 * #checkCurrent()} on the deadline of the running command, which a command installs for its thread
 * with {@link #enter()}. An expired deadline throws {@link TimeLimitException}; code that is not
 * bounded (tests, library callers) runs under {@link #NONE}.
 */
public final class Deadline {
  /** No bound. */
  public static final Deadline NONE = new Deadline(Long.MAX_VALUE, null);

  private static final ThreadLocal<Deadline> CURRENT = ThreadLocal.withInitial(() -> NONE);

  private final long endNanos;
  private final Duration limit;

  private Deadline(long endNanos, Duration limit) {
    this.endNanos = endNanos;
    this.limit = limit;
  }

  /** A deadline {@code limit} from now. */
  public static Deadline after(Duration limit) {
    long now = System.nanoTime();
    long nanos = limit.toNanos();
    return new Deadline(nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos, limit);
  }

  /** The deadline installed for this thread, {@link #NONE} when there is none. */
  public static Deadline current() {
    return CURRENT.get();
  }

  /** Throws {@link TimeLimitException} when the deadline of this thread has passed. */
  public static void checkCurrent() {
    CURRENT.get().check();
  }

  /**
   * Installs this deadline for the current thread until the returned scope is closed (the previous
   * one is restored then): {@code try (var scope = deadline.enter()) { ... }}.
   */
  public Scope enter() {
    Deadline previous = CURRENT.get();
    CURRENT.set(this);
    return () -> CURRENT.set(previous);
  }

  /** Whether the bound has passed. */
  public boolean expired() {
    return endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos >= 0;
  }

  /** Time left, zero once expired; {@code null} for {@link #NONE}. */
  public Duration remaining() {
    if (endNanos == Long.MAX_VALUE) {
      return null;
    }
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  /** Throws {@link TimeLimitException} when the bound has passed. */
  public void check() {
    if (expired()) {
      throw expiredException();
    }
  }

  /** The exception that reports this deadline as reached, naming the limit. */
  public TimeLimitException expiredException() {
    String seconds = limit == null ? "?"
        : java.math.BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString();
    return new TimeLimitException("the time limit of " + seconds + " s was reached");
  }

  /** The scope of an installed deadline; closing it restores the previous one. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
