package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifoldCommandTest {
  @Test
  void example15() {
    CommandRun r = CommandRun.of("manifold", "--sizes", "3,2", "--strides", "2,1", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.json().get("dimension").asInt()).isEqualTo(4);
    assertThat(r.json().get("equations").toString()).isEqualTo("[\"v0*v3^2 + v1^2*v4 - v1*v2*v3\"]");
    assertThat(r.json().get("complete").asBoolean()).isTrue();
    CommandRun m2 = CommandRun.of("manifold", "--sizes", "3,2", "--strides", "2,1", "--format", "macaulay2");
    assertThat(m2.code()).isZero();
    assertThat(m2.out()).contains("R = QQ[v0, v1, v2, v3, v4];", "I = ideal(v0*v3^2 + v1^2*v4 - v1*v2*v3);");
  }

  @Test
  void denseAndTooLarge() {
    CommandRun dense = CommandRun.of("manifold", "--sizes", "3,2", "--json");
    assertThat(dense.code()).isZero();
    assertThat(dense.json().get("equations").size()).isZero();
    CommandRun big = CommandRun.of("manifold", "--sizes", "12,12,12", "--strides", "2,2,1");
    assertThat(big.code()).isEqualTo(2);
    assertThat(big.out()).isEmpty();
    assertThat(big.err()).startsWith("error: ").contains("variables, more than the limit");
    CommandRun partial = CommandRun.of("manifold", "--sizes", "4,4", "--strides", "2,1", "--timeout", "4", "--json");
    assertThat(partial.code()).isZero();
    assertThat(partial.json().get("complete").asBoolean()).isFalse();
    assertThat(partial.json().get("equations").size()).isPositive();
  }

  @Test
  void timeoutOutOfRangeIsBadInput() {
    for (String command : new String[] {"manifold", "formula"}) {
      for (String seconds : new String[] {"0", "-1", "604801", "abc", "NaN", ""}) {
        CommandRun r = CommandRun.of(command, "--sizes", "3,2", "--strides", "2,1", "--timeout", seconds);
        assertThat(r.code()).as(command + " --timeout " + seconds).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("error: --timeout must be").doesNotContain("\n");
      }
    }
  }
}
