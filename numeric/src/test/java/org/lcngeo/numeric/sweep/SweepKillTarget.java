package org.lcngeo.numeric.sweep;

import java.nio.file.Path;

/** A slow sweep run in a child JVM by {@link SweepRunnerTest}, which kills it mid-run. */
public final class SweepKillTarget {
  private SweepKillTarget() {}

  public static void main(String[] args) throws Exception {
    new SweepRunner(2, (d, t) -> { })
        .run(SweepRunnerTest.specs(), SweepRunnerTest.slowTask(200), Path.of(args[0]), true);
  }
}
