package org.lcngeo.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.model.Architecture;

class ArchitectureCensusTest {
  private static final CensusSettings SETTINGS = new CensusSettings(2, 2, 2, 1, 100, 2, 3);

  @Test
  void swappableTwoDimensionalLayersBreakTheClaimAtGenericInvariantsWithAWitness() {
    // the disagreement lcngeo found (Obs. 11): k = (2x2, 2x2), two fiber points, different NTKs
    Architecture a = Architecture.of(new int[][] {{2, 2}, {2, 2}}, new int[][] {{1, 1}, {1, 1}});
    AtlasEntry e = ArchitectureCensus.compute(a, SETTINGS, Duration.ofSeconds(300));
    assertThat(e.status()).as(String.valueOf(e.reason())).isEqualTo(AtlasEntry.COMPLETE);
    assertThat(e.architectureClass()).isEqualTo("conv-nd");
    assertThat(e.swapClasses()).containsExactly(List.of(1, 2));
    assertThat(e.dimension()).isEqualTo(7).isEqualTo(e.expectedDimension());
    assertThat(e.pointRanks()).containsExactly(7, 7);
    assertThat(e.fiberSize()).containsExactly(2, 2);
    assertThat(e.genericIndependent()).isFalse();
    assertThat(e.agreesWithPaper()).isFalse();
    assertThat(e.witness()).contains("--sizes 2x2,2x2").doesNotContain("--delta=0 ");
    WitnessCheck.confirm(new ObjectMapper().valueToTree(e.toJson()));
  }

  @Test
  void anArchitectureStoppedByItsTimeLimitDecidesNothing() {
    Architecture a = Architecture.oneDimensional(new int[] {3, 3, 2}, new int[] {1, 1, 1});
    AtlasEntry e = ArchitectureCensus.compute(a,
        new CensusSettings(1, 3, 3, 1, 100, 4, 0), Duration.ofMillis(1));
    assertThat(e.status()).isEqualTo(AtlasEntry.TIMEOUT);
    assertThat(e.reason()).contains("time limit");
    assertThat(e.balancedIndependent()).isNull();
    assertThat(e.genericIndependent()).isNull();
    assertThat(e.agreesWithPaper()).isNull();
    assertThat(e.witness()).isNull();
    assertThat(e.fiberSize()).containsOnlyNulls().hasSize(4);
  }

  @Test
  void theCensusEnumeratesEveryArchitectureOnceWithoutScalarLayersOrALastStride() {
    List<Architecture> oneD = new CensusSettings(1, 3, 4, 3, 10_000, 2, 0).architectures();
    assertThat(oneD).hasSize(9 * 3 + 27 * 9).doesNotHaveDuplicates();
    List<Architecture> twoD = new CensusSettings(2, 2, 3, 3, 10_000, 2, 0).architectures();
    assertThat(twoD).hasSize(8 * 8 * 9).doesNotHaveDuplicates();
    assertThat(twoD).allSatisfy(a -> assertThat(a.stride(1)).containsExactly(1, 1));
    assertThat(new CensusSettings(1, 3, 4, 3, 8, 2, 0).architectures())
        .allSatisfy(a -> assertThat(a.parameterCount()).isLessThanOrEqualTo(8));
  }
}
