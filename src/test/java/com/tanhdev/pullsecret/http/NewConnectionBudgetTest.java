package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NewConnectionBudgetTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void a_fresh_budget_allows_the_burst_at_once_and_refuses_the_next() {
    NewConnectionBudget budget = new NewConnectionBudget(3, 10, now::get);

    assertThat(takes(budget, 3)).isEqualTo(3);
    assertThat(budget.tryTake()).isFalse();
  }

  @Test
  void spent_tokens_come_back_at_the_configured_rate() {
    NewConnectionBudget budget = new NewConnectionBudget(3, 10, now::get);
    takes(budget, 3);

    advanceMillis(99);
    assertThat(budget.tryTake()).as("0.99 of a token after 99 ms at 10/s").isFalse();
    advanceMillis(1);
    assertThat(budget.tryTake()).as("one token after 100 ms").isTrue();
    assertThat(budget.tryTake()).isFalse();
  }

  @Test
  void an_idle_budget_saves_up_no_more_than_the_burst() {
    NewConnectionBudget budget = new NewConnectionBudget(3, 10, now::get);

    advanceMillis(60_000);

    assertThat(takes(budget, 10)).isEqualTo(3);
  }

  @Test
  void refusals_do_not_spend_what_is_refilling() {
    NewConnectionBudget budget = new NewConnectionBudget(1, 10, now::get);
    budget.tryTake();

    for (int i = 0; i < 9; i++) {
      advanceMillis(10);
      assertThat(budget.tryTake()).isFalse();
    }
    advanceMillis(10);

    assertThat(budget.tryTake()).isTrue();
  }

  @Test
  void rejects_a_budget_that_could_never_allow_a_connection() {
    assertThatThrownBy(() -> new NewConnectionBudget(0, 10, now::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NewConnectionBudget(1, 0, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void advanceMillis(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private static int takes(NewConnectionBudget budget, int attempts) {
    int taken = 0;
    for (int i = 0; i < attempts; i++) {
      taken += budget.tryTake() ? 1 : 0;
    }
    return taken;
  }
}
