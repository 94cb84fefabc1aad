package org.lcngeo.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * lcn atlas and lcn sweep --master on a real standalone cluster: a Spark master and one worker
 * (one core), started by the test as separate JVMs from the Maven class path, on 127.0.0.1 only.
 * The worker launches the executor JVM, which runs the tasks: so the tasks, their results and the
 * code really travel. The rows equal those of plain threads.
 */
class StandaloneClusterTest {
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void aMasterAndAWorkerRunTheCensusAndTheSweepWithTheRowsOfPlainThreads(@TempDir Path tmp)
      throws Exception {
    int port = freePort();
    Path home = Files.createDirectories(tmp.resolve("spark-home/jars"));
    List<Process> started = new ArrayList<>();
    try {
      started.add(start(tmp, "master", List.of("org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", Integer.toString(port),
          "--webui-port", Integer.toString(freePort())), home.getParent()));
      String url = "spark://127.0.0.1:" + port;
      // lcn checks that the master answers before it starts: wait until it listens
      awaitListening(port, started.get(0), tmp);
      started.add(start(tmp, "worker", List.of("org.apache.spark.deploy.worker.Worker", url,
          "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
          "--work-dir", tmp.resolve("work").toString(),
          "--webui-port", Integer.toString(freePort())), home.getParent()));

      // the driver (this JVM) on the loopback interface too
      System.setProperty("spark.driver.host", "127.0.0.1");
      System.setProperty("spark.driver.bindAddress", "127.0.0.1");
      String[] census = {"atlas", "--max-size", "2", "--max-stride", "2", "--json"};
      Run cluster = Run.of(concat(census, "--master", url));
      assertThat(cluster.code()).as(cluster.err() + logs(tmp)).isZero();
      Run threads = Run.of(concat(census, "--engine", "threads"));
      assertThat(cluster.json().get("count").asInt()).isEqualTo(2);
      assertThat(AtlasCommandTest.withoutTimes(cluster.json().get("architectures")))
          .isEqualTo(AtlasCommandTest.withoutTimes(threads.json().get("architectures")));
      assertThat(cluster.json().get("engine").asText()).isEqualTo("spark " + url);

      SweepOnSparkTest.assertSameRows(tmp, "--master", url);
    } finally {
      System.clearProperty("spark.driver.host");
      System.clearProperty("spark.driver.bindAddress");
      for (Process p : started) {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aMasterWithoutAWorkerIsExit2AfterTheExecutorWaitAndNothingIsWritten(@TempDir Path tmp)
      throws Exception {
    int port = freePort();
    Path home = Files.createDirectories(tmp.resolve("spark-home/jars"));
    Process master = start(tmp, "master", List.of("org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--webui-port", Integer.toString(freePort())), home.getParent());
    try {
      awaitListening(port, master, tmp);
      System.setProperty("spark.driver.host", "127.0.0.1");
      System.setProperty("spark.driver.bindAddress", "127.0.0.1");
      System.setProperty(SparkEngine.EXECUTOR_WAIT, "4s");
      Path out = tmp.resolve("census");
      long start = System.nanoTime();
      Run r = Run.of("atlas", "--max-size", "2", "--max-stride", "1", "--master",
          "spark://127.0.0.1:" + port, "--out", out.toString());
      double seconds = (System.nanoTime() - start) * 1e-9;
      assertThat(r.code()).as(r.err() + logs(tmp)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip().lines().toList()).singleElement().asString()
          .startsWith("error: the Spark master spark://127.0.0.1:" + port
              + " gave the application no executor within 4 s");
      assertThat(out).doesNotExist();
      // the wait, not Spark's: the application stopped a moment after the bound
      assertThat(seconds).isGreaterThanOrEqualTo(4).isLessThan(120);

      // lcn sweep --master too, without its settings file
      Path csv = tmp.resolve("sweep/runs.csv");
      Files.createDirectories(csv.getParent());
      Run sweep = Run.of("sweep", "--sizes", "2,2", "--samples", "4", "--runs", "2", "--time",
          "1", "--master", "spark://127.0.0.1:" + port, "--csv", csv.toString());
      assertThat(sweep.code()).as(sweep.err()).isEqualTo(2);
      assertThat(sweep.err().strip().lines().toList()).singleElement().asString()
          .contains("gave the application no executor within 4 s");
      try (var files = Files.list(csv.getParent())) {
        assertThat(files.toList()).isEmpty();
      }
    } finally {
      System.clearProperty("spark.driver.host");
      System.clearProperty("spark.driver.bindAddress");
      System.clearProperty(SparkEngine.EXECUTOR_WAIT);
      master.destroy();
      if (!master.waitFor(20, TimeUnit.SECONDS)) {
        master.destroyForcibly();
      }
    }
  }

  private static Process start(Path tmp, String name, List<String> mainAndArgs, Path sparkHome)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Path.of("spark-jvm.options").toAbsolutePath(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path")));
    cmd.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve(name + ".log").toFile());
    return pb.start();
  }

  private static String logs(Path tmp) throws IOException {
    StringBuilder b = new StringBuilder();
    if (Files.isDirectory(tmp.resolve("work"))) {
      try (var files = Files.walk(tmp.resolve("work"))) {
        for (Path p : files.filter(f -> f.getFileName().toString().equals("stderr")).limit(2).toList()) {
          b.append("\n--- executor ").append(p).append(":\n")
              .append(String.join("\n", Files.readAllLines(p).stream().skip(2).limit(40).toList()));
        }
      }
    }
    for (String name : List.of("master", "worker")) {
      Path log = tmp.resolve(name + ".log");
      if (Files.exists(log)) {
        b.append("\n--- ").append(name).append(":\n").append(Files.readString(log));
      }
    }
    return b.toString();
  }

  private static void awaitListening(int port, Process master, Path tmp) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < until && master.isAlive()) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the master does not listen on " + port + logs(tmp));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String[] concat(String[] a, String... b) {
    List<String> out = new ArrayList<>(List.of(a));
    out.addAll(List.of(b));
    return out.toArray(new String[0]);
  }
}
