package org.lcngeo.numeric.sweep;

import java.util.Map;

/**
 * One run of a sweep (issue 5, item 7): a unique id (the key for {@code --resume}), the seed of its
 * initialization and free parameters for the task.
 *
 * @param id unique within a sweep; written as the first CSV column (no line breaks)
 * @param seed seed of the run's random initialization
 * @param parameters anything else the task needs (may be empty)
 */
public record RunSpec(String id, long seed, Map<String, Object> parameters)
    implements java.io.Serializable {
  public RunSpec {
    if (id == null || id.isEmpty() || id.contains("\n") || id.contains("\r")) {
      throw new IllegalArgumentException("a run id must be a non-empty single line");
    }
    parameters = Map.copyOf(parameters);
  }

  /** The run with id {@code String.valueOf(seed)} and no parameters. */
  public static RunSpec ofSeed(long seed) {
    return new RunSpec(String.valueOf(seed), seed, Map.of());
  }
}
