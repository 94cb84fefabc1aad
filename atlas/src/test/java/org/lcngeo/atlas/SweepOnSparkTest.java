package org.lcngeo.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcngeo.numeric.sweep.CsvRows;

/** lcn sweep --master: the rows of the local sweep (all columns but the run's seconds). */
class SweepOnSparkTest {
  @Test
  void aSweepOnEmbeddedSparkWritesTheRowsOfTheLocalSweep(@TempDir Path tmp) throws Exception {
    assertSameRows(tmp, "--master", "local[2]");
  }

  @Test
  void masterWithThreadsIsAUsageError() {
    Run r = Run.of("sweep", "--sizes", "2,2", "--samples", "4", "--runs", "2", "--time", "1",
        "--master", "local[1]", "--threads", "2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error:");
  }

  @Test
  void aMasterSparkCannotUseIsBadInputAndNothingIsWritten(@TempDir Path tmp) throws IOException {
    for (String master : List.of("foo", "spark://nohost.invalid:7077")) {
      Run r = Run.of("sweep", "--sizes", "2,2", "--samples", "4", "--runs", "2", "--time", "1",
          "--master", master, "--csv", tmp.resolve("runs.csv").toString());
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).startsWith("error:").contains(master);
      assertThat(r.err().strip().lines().count()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      try (var files = Files.list(tmp)) {
        assertThat(files.toList()).as("nothing written").isEmpty();
      }
    }
  }

  /** Runs a sweep locally and with the given options, and compares the CSV rows. */
  static void assertSameRows(Path tmp, String... master) throws IOException {
    Path data = tmp.resolve("W4_W5.json");
    try (var in = SweepOnSparkTest.class.getResourceAsStream("/W4_W5.json")) {
      Files.copy(in, data);
    }
    String[] sweep = {"sweep", "--sizes", "4,3,3", "--strides", "2,2,1", "--data", data.toString(),
        "--time", "20", "--json"};
    Path local = tmp.resolve("local.csv");
    Path spark = tmp.resolve("spark.csv");
    Run a = Run.of(StandaloneClusterTest.concat(sweep, "--csv", local.toString()));
    assertThat(a.code()).as(a.err()).isZero();
    Run b = Run.of(StandaloneClusterTest.concat(
        StandaloneClusterTest.concat(sweep, "--csv", spark.toString()), master));
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.json().get("finalLoss")).isEqualTo(a.json().get("finalLoss"));
    assertThat(rows(spark)).hasSize(201).isEqualTo(rows(local));
  }

  /** The CSV's rows without the seconds column, sorted by run id. */
  private static List<String> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = CsvRows.parse(lines.get(0));
    int seconds = header.indexOf("seconds");
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      List<String> f = new ArrayList<>(CsvRows.parse(line));
      f.remove(seconds);
      out.add(String.join(",", f));
    }
    out.subList(1, out.size()).sort(null);
    return out;
  }
}
