package org.lcngeo.atlas;

import java.util.List;
import org.lcngeo.cli.Lcn;

/**
 * The entry point of the atlas module's jar: {@code lcn} with Spark on the class path, for {@code
 * lcn atlas} and {@code lcn sweep --master} (the launcher runs this jar for them; spark-submit
 * runs it with {@code --class org.lcngeo.atlas.AtlasMain}). Every other command behaves as in the
 * plain jar.
 */
public final class AtlasMain {
  static {
    // Spark logs through log4j-core: configure it (log4j2.properties of this jar: errors only)
    // before Lcn's static set-up would select log4j's simple logger, which Spark cannot use.
    org.apache.logging.log4j.LogManager.getContext(false);
  }

  private AtlasMain() {}

  public static void main(String[] args) {
    int code;
    try {
      code = execute(args);
    } finally {
      edu.jas.kern.ComputerThreads.terminate();
    }
    System.out.flush();
    // also ends computations abandoned at their time limit
    System.exit(code);
  }

  /** Runs the command line and returns the exit status. */
  public static int execute(String... args) {
    return Lcn.execute(List.of(AtlasCommand.class), args);
  }
}
