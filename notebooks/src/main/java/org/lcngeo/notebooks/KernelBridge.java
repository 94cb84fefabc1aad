package org.lcngeo.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Java side of the lcngeo Jupyter kernel ({@code notebooks/kernel/lcngeo_kernel.py}): reads
 * one JSON request {@code {"code": ...}} per line on stdin, evaluates it with {@link CellShell} and
 * answers one JSON line {@code {"stdout", "stderr", "value", "displays", "error"}} on the
 * process's stdout, which carries nothing else: whatever is printed outside a cell (library
 * logging, threads a cell left running) goes to stderr, the kernel's log. A request
 * {@code {"interrupt": true}} stops the running cell.
 */
public final class KernelBridge {
  private KernelBridge() {}

  public static void main(String[] args) throws IOException {
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    try {
      serve(System.in, protocol);
    } finally {
      edu.jas.kern.ComputerThreads.terminate();
    }
    // Threads a cell left running must not keep the kernel's JVM alive after its end of input.
    System.exit(0);
  }

  /**
   * Answers every cell request of {@code requests} on {@code protocol} until end of input. Requests
   * are read on their own thread, so that {@code {"interrupt": true}}, sent while a cell runs,
   * stops that cell (which then answers with an error) and the kernel lives on.
   */
  static void serve(InputStream requests, PrintStream protocol) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    BlockingQueue<JsonNode> cells = new LinkedBlockingQueue<>();
    JsonNode end = mapper.createObjectNode();
    try (CellShell shell = new CellShell()) {
      Thread reader = new Thread(() -> read(requests, mapper, shell, cells, end), "kernel-requests");
      reader.setDaemon(true);
      reader.start();
      for (JsonNode request = take(cells); request != end; request = take(cells)) {
        CellShell.Result r = shell.eval(request.path("code").asText(""));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("stdout", r.stdout());
        answer.put("stderr", r.stderr());
        answer.put("value", r.value());
        answer.put("displays", r.displays());
        answer.put("error", r.error());
        protocol.println(mapper.writeValueAsString(answer));
      }
    }
  }

  private static void read(InputStream requests, ObjectMapper mapper, CellShell shell,
      BlockingQueue<JsonNode> cells, JsonNode end) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(requests, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode request = mapper.readTree(line);
        if (request.path("interrupt").asBoolean(false)) {
          shell.stop();
        } else {
          cells.add(request);
        }
      }
    } catch (IOException e) {
      System.err.println("kernel: reading requests failed: " + e.getMessage());
    } finally {
      cells.add(end);
    }
  }

  private static JsonNode take(BlockingQueue<JsonNode> cells) {
    try {
      return cells.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a cell", e);
    }
  }
}
