package org.lcngeo.numeric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.lcngeo.numeric.data.Json;

/** The shared fixtures copied into test resources: paper-cases.json and W4_W5.json. */
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
  public static Map<?, ?> paperCase(String id) {
    for (Object o : paperCases()) {
      if (id.equals(((Map<?, ?>) o).get("id"))) {
        return (Map<?, ?>) o;
      }
    }
    throw new IllegalArgumentException(id);
  }

  public static List<?> paperCases() {
    return (List<?>) ((Map<?, ?>) Json.parse(text("paper-cases.json"), "paper-cases")).get("cases");
  }
}
