package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifoldCommandTest {
  @Test
  void example15() {
    CommandRun r = CommandRun.of("manifold", "--sizes", "3,2", "--strides", "2,1", "--json");
    assertThat(r.status()).isZero();
    assertThat(r.json().get("dimension").asInt()).isEqualTo(4);
    assertThat(r.json().get("equations").toString()).isEqualTo("[\"v0*v3^2 + v1^2*v4 - v1*v2*v3\"]");
    CommandRun m2 = CommandRun.of("manifold", "--sizes", "3,2", "--strides", "2,1", "--format", "macaulay2");
    assertThat(m2.status()).isZero();
    assertThat(m2.out()).contains("R = QQ[v0, v1, v2, v3, v4];", "I = ideal(v0*v3^2 + v1^2*v4 - v1*v2*v3);");
  }

  @Test
  void denseAndTooLarge() {
    CommandRun dense = CommandRun.of("manifold", "--sizes", "3,2", "--json");
    assertThat(dense.status()).isZero();
    assertThat(dense.json().get("equations").size()).isZero();
    CommandRun big = CommandRun.of("manifold", "--sizes", "2x2,2x3", "--strides", "2x1,1x1", "--timeout", "1");
    assertThat(big.status()).isEqualTo(2);
    assertThat(big.out()).isEmpty();
    assertThat(big.err()).startsWith("error: ").contains("did not finish within 1 s");
  }
}
