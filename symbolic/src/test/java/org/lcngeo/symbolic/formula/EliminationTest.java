package org.lcngeo.symbolic.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;

class EliminationTest {
  @Test
  void timeoutIsAClearErrorAndStopsTheWorker() throws InterruptedException {
    Architecture a = FormulaFixtures.architecture("2x2;2x3", "2x1;1x1");
    assertThatThrownBy(() -> Elimination.compute(a, Duration.ofMillis(500)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did not finish within");
    long until = System.nanoTime() + 10_000_000_000L;
    while (workerAlive() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(workerAlive()).isFalse();
  }

  @Test
  void tooManyVariables() {
    Architecture a = Architecture.oneDimensional(new int[] {12, 12, 12}, new int[] {2, 2, 1});
    assertThatThrownBy(() -> Elimination.compute(a, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("variables, more than the limit");
  }

  private static boolean workerAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("lcngeo-groebner") && t.isAlive());
  }
}
