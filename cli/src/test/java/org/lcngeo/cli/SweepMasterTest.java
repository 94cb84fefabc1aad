package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain lcn jar has no Spark: sweep --master says where it runs (the atlas module). */
class SweepMasterTest {
  @Test
  void masterWithoutTheSparkModuleIsOneClearErrorAndNothingIsWritten(@TempDir Path tmp)
      throws Exception {
    CommandRun r = CommandRun.of("sweep", "--sizes", "2,2", "--samples", "4", "--runs", "2",
        "--time", "1", "--master", "local[1]", "--csv", tmp.resolve("runs.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error:").contains("atlas module").contains("./lcn");
    assertThat(r.out()).isEmpty();
    try (var files = Files.list(tmp)) {
      assertThat(files.toList()).isEmpty();
    }
  }
}
