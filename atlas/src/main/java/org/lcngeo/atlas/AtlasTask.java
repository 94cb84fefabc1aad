package org.lcngeo.atlas;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.lcngeo.cli.ArchitectureOptions;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.sweep.RunSpec;

/**
 * The task of one architecture, as shipped to an executor: the settings and the time limit; the
 * architecture travels in its {@link RunSpec} (sizes and strides in the spec's notation) and its
 * plan is compiled where the task runs.
 */
final class AtlasTask implements Function<RunSpec, AtlasEntry>, Serializable {
  private static final long serialVersionUID = 1L;
  static final String SIZES = "sizes";
  static final String STRIDES = "strides";

  private final CensusSettings settings;
  private final int timeoutSeconds;

  AtlasTask(CensusSettings settings, int timeoutSeconds) {
    this.settings = settings;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The spec of an architecture: its id and its sizes and strides. */
  static RunSpec spec(Architecture a, long index) {
    return new RunSpec(Architectures.id(a), index, Map.of(
        SIZES, Architectures.notation(Architectures.sizes(a)),
        STRIDES, Architectures.notation(Architectures.strides(a))));
  }

  static Architecture architecture(RunSpec spec) {
    return Architecture.of(
        ArchitectureOptions.parseSizes((String) spec.parameters().get(SIZES), "sizes"),
        ArchitectureOptions.parseSizes((String) spec.parameters().get(STRIDES), "strides"));
  }

  @Override
  public AtlasEntry apply(RunSpec spec) {
    return ArchitectureCensus.compute(architecture(spec), settings, Duration.ofSeconds(timeoutSeconds));
  }
}
