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
    CommandRun partial = CommandRun.of("manifold", "--sizes", "3x3,3x3", "--timeout", "1", "--json");
    assertThat(partial.code()).isEqualTo(3);
    assertThat(partial.json().get("complete").asBoolean()).isFalse();
    assertThat(partial.json().get("stopped").asText()).isEqualTo("timeout");
    assertThat(partial.json().get("reason").asText()).contains("time limit");
  }

  /** Issue 13's rows where the Groebner basis gave up (Macaulay2: dim 6, degree 30; 6 quintics). */
  @Test
  void completeWithDegree() {
    CommandRun r = CommandRun.of("manifold", "--sizes", "3,3,2", "--strides", "2,2,1", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.json().get("complete").asBoolean()).isTrue();
    assertThat(r.json().get("dimension").asInt()).isEqualTo(6);
    assertThat(r.json().get("degree").asText()).isEqualTo("30");
    CommandRun quintics = CommandRun.of("manifold", "--sizes", "5,3", "--strides", "2,1", "--json");
    assertThat(quintics.json().get("complete").asBoolean()).isTrue();
    assertThat(quintics.json().get("equations").size()).isEqualTo(6);
  }

  /** The Macaulay2 script runs as it is and asserts that its ideal is the kernel of mu. */
  @Test
  void macaulay2ScriptRunsInMacaulay2() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/M2")),
        "Macaulay2 is not installed (CI installs it)");
    for (String[] arch : new String[][] {{"3,2", "2,1"}, {"2x1,1x2", "1x1,1x1"}, {"4,3", "2,1"},
        {"3,3,2", "1,2,1"}}) {
      CommandRun m2 = CommandRun.of("manifold", "--sizes", arch[0], "--strides", arch[1],
          "--format", "macaulay2");
      assertThat(m2.code()).isZero();
      assertThat(m2.out()).contains("mu = map(P, R, {", "assert(ker mu == I)");
      java.nio.file.Path script = java.nio.file.Files.createTempFile("lcn-manifold", ".m2");
      java.nio.file.Files.writeString(script, m2.out());
      Process p = new ProcessBuilder("/usr/bin/M2", "--script", script.toString())
          .redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).as(log).isZero();
      // and a wrong ideal fails the assertion
      java.nio.file.Files.writeString(script, m2.out().replaceFirst("I = ideal\\(", "I = ideal(v0, "));
      Process q = new ProcessBuilder("/usr/bin/M2", "--script", script.toString())
          .redirectErrorStream(true).start();
      q.getInputStream().readAllBytes();
      assertThat(q.waitFor()).isNotZero();
      java.nio.file.Files.delete(script);
    }
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
