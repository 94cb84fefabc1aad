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

/**
 * The Java side of the lcngeo Jupyter kernel ({@code notebooks/kernel/lcngeo_kernel.py}): reads
 * one JSON request {@code {"code": ...}} per line on stdin, evaluates it with {@link CellShell} and
 * answers one JSON line {@code {"stdout", "value", "error"}} on the process's stdout, which carries
 * nothing else: whatever is printed outside a cell (library logging, threads a cell left running)
 * goes to stderr, the kernel's log.
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
  }

  /** Answers every request line of {@code requests} on {@code protocol} until end of input. */
  static void serve(InputStream requests, PrintStream protocol) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    BufferedReader in = new BufferedReader(new InputStreamReader(requests, StandardCharsets.UTF_8));
    try (CellShell shell = new CellShell()) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode request = mapper.readTree(line);
        CellShell.Result r = shell.eval(request.path("code").asText(""));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("stdout", r.stdout());
        answer.put("value", r.value());
        answer.put("error", r.error());
        protocol.println(mapper.writeValueAsString(answer));
      }
    }
  }
}
