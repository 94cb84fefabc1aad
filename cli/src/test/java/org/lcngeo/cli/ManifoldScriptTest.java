package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.manifold.NeuromanifoldEquations;

class ManifoldScriptTest {
  @Test
  void example15IsTheCubic() {
    NeuromanifoldEquations m = NeuromanifoldEquations.compute(
        Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1}));
    assertThat(ManifoldScript.macaulay2(m))
        .startsWith("R = QQ[v0, v1, v2, v3, v4];\nI = ideal(v0*v3^2 + v1^2*v4 - v1*v2*v3);\n")
        .endsWith("assert(ker mu == I)\n");
  }

  @Test
  void denseNeuromanifoldHasTheZeroIdeal() {
    NeuromanifoldEquations m =
        NeuromanifoldEquations.compute(Architecture.oneDimensional(new int[] {3, 2}, null));
    assertThat(ManifoldScript.macaulay2(m)).contains("ideal(0_R)");
  }
}
