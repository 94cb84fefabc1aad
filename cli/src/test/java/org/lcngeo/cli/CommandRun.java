package org.lcngeo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code lcn} in-process and captures its exit status, stdout and stderr. */
record CommandRun(int status, String out, String err) {
  static CommandRun of(String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status = Lcn.execute(args);
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    return new CommandRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + out, e);
    }
  }
}
