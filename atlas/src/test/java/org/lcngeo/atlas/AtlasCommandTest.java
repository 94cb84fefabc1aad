package org.lcngeo.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lcn atlas end to end on a small census (1-D, two and three layers, sizes 2..3, strides 1..2):
 * the contract's fields, the verdicts against lcn fiber run on their witnesses, the same rows on
 * Spark (embedded local mode) as on plain threads, the Parquet dataset read back by Spark, resume
 * and its settings check, bad input.
 */
class AtlasCommandTest {
  private static final String[] CENSUS = {"atlas", "--dims", "1", "--max-layers", "2",
      "--max-size", "3", "--max-stride", "2", "--points", "2", "--seed", "7", "--timeout", "300"};

  private static String[] with(String... more) {
    List<String> a = new ArrayList<>(List.of(CENSUS));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void aCensusOnThreadsAndOnSparkGivesTheSameRowsAndTheParquetDatasetReadsBackInSpark(
      @TempDir Path tmp) throws Exception {
    Run threads = Run.of(with("--engine", "threads", "--json", "--out", tmp.resolve("t").toString()));
    assertThat(threads.code()).as(threads.err()).isZero();
    JsonNode t = threads.json();
    // sizes 2,2 2,3 3,2 3,3 times stride 1 or 2 of layer 1
    assertThat(t.get("count").asInt()).isEqualTo(8);
    // every task's CPU is in this process's
    assertThat(t.get("taskCpuSeconds").asDouble()).isPositive()
        .isLessThanOrEqualTo(t.get("processCpuSeconds").asDouble());
    for (String field : List.of("count", "architectures", "disagreements", "countsByClass")) {
      assertThat(t.has(field)).as(field).isTrue();
    }
    for (JsonNode r : t.get("architectures")) {
      for (String field : List.of("dims", "sizes", "strides", "parameters", "dimension",
          "expectedDimension", "fiberSize", "swapClasses", "balancedIndependent",
          "genericIndependent", "class", "paperPrediction", "agreesWithPaper", "witness",
          "seconds", "status")) {
        assertThat(r.has(field)).as(field + " in " + r).isTrue();
      }
      assertThat(r.get("dimension").asInt()).isEqualTo(r.get("expectedDimension").asInt());
      assertThat(r.get("status").asText()).isEqualTo("complete");
      assertThat(r.get("cpuSeconds").asDouble()).as("cpuSeconds in " + r).isPositive();
      // a decided verdict has its deciding fiber as witness, which lcn fiber confirms
      assertThat(r.get("witness").asText()).startsWith("./lcn fiber ");
      WitnessCheck.confirm(r);
    }
    JsonNode k22s1 = find(t, "[[2],[2]]", "[[1],[1]]");
    assertThat(k22s1.get("class").asText()).isEqualTo("conv-1d-some-stride-1");
    assertThat(k22s1.get("swapClasses").toString()).isEqualTo("[[1,2]]");
    assertThat(find(t, "[[3],[2]]", "[[2],[1]]").get("class").asText())
        .isEqualTo("conv-1d-strides-gt-1");
    for (JsonNode d : t.get("disagreements")) {
      assertThat(d.get("agreesWithPaper").asBoolean(true)).isFalse();
    }

    Path out = tmp.resolve("s");
    Run spark = Run.of(with("--master", "local[2]", "--json", "--out", out.toString(),
        "--csv", tmp.resolve("s.csv").toString()));
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(withoutTimes(spark.json().get("architectures")))
        .isEqualTo(withoutTimes(t.get("architectures")));
    assertThat(Files.readAllLines(tmp.resolve("s.csv"))).hasSize(9);
    assertThat(out.resolve("summary.json")).exists();
    assertThat(out.resolve("summary.txt")).exists();
    assertThat(Files.size(out.resolve("atlas.png"))).isPositive();

    SparkSession session = SparkSession.builder().master("local[1]").appName("read back")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    try {
      Dataset<Row> rows = session.read().parquet(out.resolve("atlas.parquet").toString());
      assertThat(rows.count()).isEqualTo(8);
      Row r = rows.where("id = 'k2-2_s1-1'").first();
      assertThat(r.<String>getAs("class")).isEqualTo("conv-1d-some-stride-1");
      assertThat(r.getList(r.fieldIndex("sizes"))).hasSize(2);
      assertThat((Object) r.getAs("balancedIndependent"))
          .isEqualTo(k22s1.get("balancedIndependent").isNull() ? null
              : k22s1.get("balancedIndependent").asBoolean());
      assertThat(rows.where("agreesWithPaper = false").count())
          .isEqualTo(t.get("disagreements").size());
    } finally {
      session.stop();
    }
  }

  @Test
  void theSameCommandOrResumeContinuesACensusAndOtherSettingsAreRefused(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("census");
    String[] small = {"atlas", "--max-size", "2", "--max-stride", "2", "--engine", "threads",
        "--json", "--out", out.toString()};
    Run first = Run.of(small);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.json().get("count").asInt()).isEqualTo(2);
    // a killed run: one row lost, a torn temporary row left behind; a hidden file of the user's
    Path dataset = out.resolve("atlas.parquet");
    Files.delete(dataset.resolve("part-k2-2_s2-1.parquet"));
    Files.writeString(dataset.resolve(".part-k2-2_s2-1-1.parquet"), "torn");
    Files.writeString(dataset.resolve(".notes"), "the user's");

    List<String> other = new ArrayList<>(List.of(small));
    other.addAll(List.of("--seed", "1"));
    Run mismatch = Run.of(other.toArray(new String[0]));
    assertThat(mismatch.code()).isEqualTo(2);
    assertThat(mismatch.err()).startsWith("error:").contains("settings");
    assertThat(mismatch.err().strip().lines().count()).isEqualTo(1);
    assertThat(mismatch.out()).isEmpty();
    other.add("--resume");
    Run resumeMismatch = Run.of(other.toArray(new String[0]));
    assertThat(resumeMismatch.code()).isEqualTo(2);
    assertThat(resumeMismatch.err()).startsWith("error:").contains("settings");
    assertThat(resumeMismatch.out()).isEmpty();

    Run again = Run.of(small);
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("continuing the census").contains("2 architectures, 1 to do");
    assertThat(withoutTimes(again.json().get("architectures")))
        .isEqualTo(withoutTimes(first.json().get("architectures")));
    assertThat(dataset.resolve(".notes")).hasContent("the user's");
    try (Stream<Path> files = Files.list(dataset)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(".notes", "part-k2-2_s1-1.parquet", "part-k2-2_s2-1.parquet");
    }

    Files.delete(dataset.resolve("part-k2-2_s1-1.parquet"));
    List<String> resume = new ArrayList<>(List.of(small));
    resume.add("--resume");
    Run resumed = Run.of(resume.toArray(new String[0]));
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("2 architectures, 1 to do");
    assertThat(withoutTimes(resumed.json().get("architectures")))
        .isEqualTo(withoutTimes(first.json().get("architectures")));

    // a read-only file of the census is never replaced: refused before any work
    Path summary = out.resolve("summary.json");
    byte[] before = Files.readAllBytes(summary);
    assertThat(summary.toFile().setWritable(false)).isTrue();
    try {
      Run readOnly = Run.of(small);
      assertThat(readOnly.code()).isEqualTo(2);
      assertThat(readOnly.err()).startsWith("error:").contains("read-only");
      assertThat(readOnly.out()).isEmpty();
      assertThat(summary).hasBinaryContent(before);
    } finally {
      summary.toFile().setWritable(true);
    }
    // --resume needs a census
    Run none = Run.of("atlas", "--max-size", "2", "--engine", "threads", "--resume", "--out",
        tmp.resolve("empty").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).startsWith("error:").contains("no census");
    assertThat(tmp.resolve("empty")).doesNotExist();
  }

  @Test
  void aMasterSparkCannotUseOrReachIsBadInputAndNothingIsWritten(@TempDir Path tmp)
      throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    for (String master : List.of("foo", "yarn", "local[0]", "local[x]", "local-cluster[1,2]",
        "spark://127.0.0.1", "spark://127.0.0.1:70000", "spark://nohost.invalid:7077",
        "spark://127.0.0.1:" + closed)) {
      Path out = tmp.resolve("out");
      Path csv = tmp.resolve("rows.csv");
      Run r = Run.of("atlas", "--max-size", "2", "--max-stride", "1", "--master", master,
          "--out", out.toString(), "--csv", csv.toString());
      assertThat(r.code()).as(master + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).as(master).startsWith("error:").contains(master);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(out).doesNotExist();
      assertThat(csv).doesNotExist();
    }
    Run unreachable = Run.of("atlas", "--master", "spark://127.0.0.1:" + closed);
    assertThat(unreachable.err()).contains("cannot reach the Spark master");
  }

  @Test
  void badInputIsOneErrorLineAndExitTwo(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    for (String[] args : List.of(
        new String[] {"atlas", "--dims", "3"},
        new String[] {"atlas", "--max-layers", "1"},
        new String[] {"atlas", "--points", "0"},
        new String[] {"atlas", "--timeout", "0"},
        new String[] {"atlas", "--engine", "mapreduce"},
        new String[] {"atlas", "--resume"},
        new String[] {"atlas", "--out", file.toString()},
        new String[] {"atlas", "--csv", tmp.toString()})) {
      Run r = Run.of(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).startsWith("error:");
      assertThat(r.err().strip().lines().count()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
    }
  }

  static JsonNode find(JsonNode census, String sizes, String strides) {
    for (JsonNode r : census.get("architectures")) {
      if (r.get("sizes").toString().equals(sizes) && r.get("strides").toString().equals(strides)) {
        return r;
      }
    }
    throw new AssertionError("no architecture " + sizes + " " + strides);
  }

  static String withoutTimes(JsonNode rows) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : rows) {
      com.fasterxml.jackson.databind.node.ObjectNode c = r.deepCopy();
      c.remove("seconds");
      c.remove("cpuSeconds");
      out.add(c.toString());
    }
    return String.join("\n", out);
  }
}
