package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plain lcn jar has no Spark: sweep --master says where it runs (the atlas module). */
class SweepMasterTest {
  @Test
  void masterWithoutTheSparkModuleIsOneClearError() {
    CommandRun r = CommandRun.of("sweep", "--sizes", "2,2", "--samples", "4", "--runs", "2",
        "--time", "1", "--master", "local[1]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error:").contains("atlas module").contains("./lcn");
    assertThat(r.out()).isEmpty();
  }
}
