package org.lcngeo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  @Test
  void anExpiredDeadlineThrowsAndNoneNeverDoes() {
    Deadline gone = Deadline.after(Duration.ZERO);
    assertThat(gone.expired()).isTrue();
    assertThatThrownBy(gone::check).isInstanceOf(TimeLimitException.class);
    Deadline.NONE.check();
    assertThat(Deadline.NONE.remaining()).isNull();
    assertThat(Deadline.after(Duration.ofHours(1)).expired()).isFalse();
  }

  @Test
  void theCurrentDeadlineIsScopedToTheThread() {
    assertThat(Deadline.current()).isSameAs(Deadline.NONE);
    Deadline gone = Deadline.after(Duration.ZERO);
    try (Deadline.Scope s = gone.enter()) {
      assertThatThrownBy(Deadline::checkCurrent).isInstanceOf(TimeLimitException.class);
    }
    assertThat(Deadline.current()).isSameAs(Deadline.NONE);
    Deadline.checkCurrent();
  }
}
