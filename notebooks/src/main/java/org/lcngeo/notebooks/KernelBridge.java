package org.lcngeo.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java side of the lcngeo Jupyter kernel ({@code notebooks/kernel/lcngeo_kernel.py}): reads
 * one JSON request {@code {"code": ...}} per line on stdin, evaluates it with {@link CellShell} and
 * answers one JSON line {@code {"stdout", "value", "error"}} on the original stdout.
 */
public final class KernelBridge {
  private KernelBridge() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
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
    } finally {
      edu.jas.kern.ComputerThreads.terminate();
    }
  }
}
