package org.lcngeo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.lcngeo.core.model.Architecture;
import org.junit.jupiter.api.Test;

/** Each kind of failure is its own type, and none is a subtype of another (issue 11, item 5). */
class ExceptionKindsTest {
  @Test
  void kindsAreDistinctTypes() {
    Class<?>[] kinds = {InvalidInputException.class, LimitExceededException.class,
        NumericalFailureException.class, TimeLimitException.class};
    for (Class<?> a : kinds) {
      for (Class<?> b : kinds) {
        assertThat(a != b && b.isAssignableFrom(a)).as(a + " is a " + b).isFalse();
      }
    }
  }

  @Test
  void badInputAndLimitsAreToldApartByType() {
    assertThatThrownBy(() -> Architecture.oneDimensional(new int[] {0, 2}, null))
        .isExactlyInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Architecture.oneDimensional(new int[] {Limits.MAX_EXTENT + 1}, null))
        .isExactlyInstanceOf(LimitExceededException.class);
    assertThatThrownBy(() -> Architecture.oneDimensional(new int[Limits.MAX_LAYERS + 1], null))
        .isExactlyInstanceOf(LimitExceededException.class);
    assertThatThrownBy(() -> Limits.checkDenseSquare(5000, "K"))
        .isExactlyInstanceOf(LimitExceededException.class);
  }

  @Test
  void expiredDeadlineThrowsTimeLimit() throws InterruptedException {
    Deadline d = Deadline.after(Duration.ofMillis(1));
    Thread.sleep(5);
    try (Deadline.Scope s = d.enter()) {
      assertThatThrownBy(Deadline::checkCurrent).isExactlyInstanceOf(TimeLimitException.class);
    }
    Deadline.checkCurrent();
  }
}
