package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** Runs {@code lcn} in-process and captures its exit status, stdout and stderr. */
public record CommandRun(int code, String out, String err) {
  public static CommandRun of(String... args) {
    return capture(() -> Lcn.execute(args));
  }

  /**
   * Runs a command line's entry point (such as {@code Lcn.execute} or the atlas module's) with
   * stdout and stderr captured.
   */
  public static CommandRun capture(IntSupplier command) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = command.getAsInt();
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    return new CommandRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code lcn}, requires success (exit 0, nothing on stderr) and returns its JSON. */
  public static JsonNode jsonOf(String... args) {
    CommandRun r = of(args);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    return r.json();
  }

  /** A JSON matrix (array of arrays) as rows of strings. */
  public static List<List<String>> strings(JsonNode m) {
    List<List<String>> out = new ArrayList<>();
    m.forEach(r -> {
      List<String> row = new ArrayList<>();
      r.forEach(x -> row.add(x.asText()));
      out.add(row);
    });
    return out;
  }

  public JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + out, e);
    }
  }
}
