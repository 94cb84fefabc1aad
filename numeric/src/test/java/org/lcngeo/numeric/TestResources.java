package org.lcngeo.numeric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import org.lcngeo.numeric.data.TrainingData;

/** The shared fixtures on the test class path (examples/ and bench/workloads/ at the top): paper-cases.json and W4_W5.json. */
public final class TestResources {
  private TestResources() {}

  public static String text(String name) {
    try (InputStream in = TestResources.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case of paper-cases.json with this id. */
  public static JsonNode paperCase(String id) {
    for (JsonNode c : paperCases()) {
      if (id.equals(c.path("id").asText())) {
        return c;
      }
    }
    throw new IllegalArgumentException(id);
  }

  public static JsonNode paperCases() {
    return TrainingData.readJson(text("paper-cases.json"), "paper-cases").get("cases");
  }
}
