package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestMemoryBudgetTest {

  private final RequestMemoryBudget budget = new RequestMemoryBudget(10_000_000, 2_000_000);

  @Test
  void a_charge_that_does_not_fit_is_refused_and_charges_nothing() {
    RequestMemoryBudget.Account large = budget.open();
    assertThat(large.tryCharge(7_000_000)).isTrue();
    RequestMemoryBudget.Account other = budget.open();
    assertThat(other.tryCharge(3_000_000)).isFalse();
    assertThat(budget.used()).isEqualTo(7_000_000);
  }

  @Test
  void large_requests_leave_the_reserve_to_small_ones() {
    RequestMemoryBudget.Account large = budget.open();
    assertThat(large.tryCharge(8_000_000)).isTrue();
    assertThat(budget.open().tryCharge(RequestMemoryBudget.SMALL_REQUEST_BYTES + 1)).isFalse();
    for (int i = 0; i < 7; i++) {
      assertThat(budget.open().tryCharge(RequestMemoryBudget.SMALL_REQUEST_BYTES)).isTrue();
    }
  }

  @Test
  void release_gives_everything_back_once() {
    RequestMemoryBudget.Account account = budget.open();
    account.tryCharge(1_000);
    account.tryCharge(2_000);
    account.release();
    account.release();
    assertThat(budget.used()).isZero();
  }

  @Test
  void the_budget_is_a_third_of_the_heap() {
    assertThat(RequestMemoryBudget.forHeap(96L << 20).limit()).isEqualTo(32L << 20);
  }
}
