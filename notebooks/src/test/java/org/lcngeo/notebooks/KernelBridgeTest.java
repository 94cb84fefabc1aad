package org.lcngeo.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The line protocol that notebooks/kernel/lcngeo_kernel.py speaks: one JSON line per cell each way. */
class KernelBridgeTest {
  @Test
  void answersOneJsonLinePerCell() throws Exception {
    String requests = String.join("\n",
        "{\"code\":\"int x = 6;\\nSystem.out.println(\\\"π \\\" + x);\\nx * 7\"}",
        "{\"code\":\"x / 0\"}",
        "{\"code\":\"System.out.printf(\\\"%d%n\\\", x);\"}") + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KernelBridge.serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(3);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(lines[0]);
    assertThat(first.path("stdout").asText()).isEqualTo("π 6\n");
    assertThat(first.path("value").asText()).isEqualTo("42");
    assertThat(first.path("error").isNull()).isTrue();
    assertThat(mapper.readTree(lines[1]).path("error").asText()).contains("ArithmeticException");
    JsonNode third = mapper.readTree(lines[2]);
    assertThat(third.path("stdout").asText()).isEqualTo("6\n");
    assertThat(third.path("value").isNull()).isTrue();
  }

  @Test
  void anInterruptStopsTheRunningCellAndTheBridgeLivesOn() throws Exception {
    PipedOutputStream requests = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(requests);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread bridge = new Thread(() -> {
      try {
        KernelBridge.serve(in, new PrintStream(out, true, StandardCharsets.UTF_8));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    bridge.start();
    requests.write("{\"code\":\"while (true) { Thread.sleep(5); }\"}\n".getBytes(StandardCharsets.UTF_8));
    requests.flush();
    Thread.sleep(2000);
    requests.write("{\"interrupt\":true}\n{\"code\":\"1 + 1\"}\n".getBytes(StandardCharsets.UTF_8));
    requests.close();
    bridge.join(60_000);
    assertThat(bridge.isAlive()).isFalse();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    ObjectMapper mapper = new ObjectMapper();
    assertThat(lines).hasSize(2);
    assertThat(mapper.readTree(lines[0]).path("error").asText()).isEqualTo("interrupted");
    assertThat(mapper.readTree(lines[1]).path("value").asText()).isEqualTo("2");
  }
}
