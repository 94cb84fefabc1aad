package org.lcngeo.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.lcngeo.cli.CommandRun;

/**
 * Runs the atlas module's {@code lcn} in-process and captures its exit status and output (cli's
 * {@link CommandRun#capture}).
 */
record Run(int code, String out, String err) {
  static Run of(String... args) {
    CommandRun r = CommandRun.capture(() -> AtlasMain.execute(args));
    return new Run(r.code(), r.out(), r.err());
  }

  JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
    }
  }
}
