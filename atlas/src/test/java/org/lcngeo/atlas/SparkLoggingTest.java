package org.lcngeo.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/**
 * Spark's logging needs log4j-core: the first warning Spark logs (for instance that the host name
 * resolves to a loopback address) casts the root logger to log4j-core's {@code Logger}. symbolic's
 * {@code log4j2.component.properties} chooses log4j-api's simple logger for the plain lcn, so
 * {@code spark-jvm.options} (read by the launcher and by these tests) chooses log4j-core again.
 */
class SparkLoggingTest {
  @Test
  void theRootLoggerIsLog4jCoresAsSparkRequires() {
    assertThat(LogManager.getRootLogger()).isInstanceOf(org.apache.logging.log4j.core.Logger.class);
  }
}
