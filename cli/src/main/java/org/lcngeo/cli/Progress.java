package org.lcngeo.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress lines on stderr for long exact work: nothing during the first {@value #QUIET_SECONDS}
 * seconds, then one line every {@value #INTERVAL_SECONDS} seconds naming the command, the stage
 * it is in and the time spent. A daemon thread prints them; {@link #close()} stops it.
 */
public final class Progress implements AutoCloseable {
  /** Work shorter than this prints no progress. */
  static final int QUIET_SECONDS = 2;
  /** Seconds between two lines. */
  static final int INTERVAL_SECONDS = 5;

  /** Reports nothing. */
  static final Progress OFF = new Progress();

  private volatile String stage = "starting";

  private Progress() {}

  /** Starts reporting to {@code err} for the named command. */
  static Progress start(String command, PrintStream err) {
    Progress p = new Progress();
    long start = System.nanoTime();
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(QUIET_SECONDS * 1000L);
        while (!Thread.currentThread().isInterrupted()) {
          err.printf(Locale.ROOT, "lcn %s: %s (%.0f s)%n", command, p.stage,
              (System.nanoTime() - start) * 1e-9);
          err.flush();
          Thread.sleep(INTERVAL_SECONDS * 1000L);
        }
      } catch (InterruptedException e) {
        // closed
      }
    }, "lcn-progress");
    t.setDaemon(true);
    p.reporter = t;
    t.start();
    return p;
  }

  private Thread reporter;

  /** Names the stage the work is in now. */
  public void stage(String description) {
    stage = description;
  }

  @Override
  public void close() {
    if (reporter != null) {
      reporter.interrupt();
      try {
        reporter.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
