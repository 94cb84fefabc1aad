package org.lcngeo.symbolic.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table 1, computed. Three rows agree with the paper. The row conv-nd does not for generic
 * invariants: layers that can swap (Obs. 11) exchange their norms, so at delta != 0 the two fiber
 * points of a smooth v carry different NTKs. The computation is kept and the witness asserted.
 */
class Table1Test {
  private static final List<Table1.Row> ROWS = Table1.compute(20251126L);

  @Test
  void rowsInTheSpecOrder() {
    assertThat(ROWS).extracting(r -> r.architectureClass().id()).containsExactly(
        "fully-connected", "conv-1d-strides-gt-1", "conv-1d-some-stride-1", "conv-nd");
    for (Table1.Row r : ROWS.subList(1, 4)) {
      assertThat(r.balancedFibers()).anyMatch(Table1.FiberSample::votes);
      assertThat(r.genericFibers()).anyMatch(Table1.FiberSample::votes);
    }
  }

  @Test
  void fullyConnectedAndOneDimensionalRowsAgreeWithThePaper() {
    for (Table1.Row r : ROWS.subList(0, 3)) {
      assertThat(r.agreesWithPaper()).as(r.architectureClass().id()).isTrue();
    }
    Table1.Row stride1 = ROWS.get(2);
    assertThat(stride1.balancedFibers()).anyMatch(s -> s.votes() && !s.fiber().ntkEqual());
    assertThat(stride1.genericFibers()).anyMatch(s -> s.votes() && !s.fiber().ntkEqual());
  }

  @Test
  void convNdGenericInvariantsDisagreeWithThePaperExactlyWhereLayersSwap() {
    Table1.Row nd = ROWS.get(3);
    assertThat(nd.balancedIndependent()).isTrue();
    assertThat(nd.genericIndependent()).isFalse();
    for (Table1.FiberSample s : nd.genericFibers()) {
      if (!s.votes()) {
        continue;
      }
      boolean swaps = s.sample().architecture().hasSwappableLayers();
      assertThat(s.fiber().ntkEqual()).as(s.sample().toString()).isEqualTo(!swaps);
      if (swaps) {
        assertThat(s.fiber().points()).hasSize(2);
        assertThat(s.fiber().tangentSpacesEqual()).isTrue();
      }
    }
    for (Table1.FiberSample s : nd.balancedFibers()) {
      if (s.votes()) {
        assertThat(s.fiber().ntkEqual()).isTrue();
      }
    }
  }
}
