package com.tanhdev.pullsecret.provision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FanOutStatusTest {

  private final FanOutStatus status = new FanOutStatus();

  @Test
  void the_summary_counts_selected_pairs_and_names_at_most_five_conflicts() {
    for (int i = 0; i < 7; i++) {
      status.record("pull", "conflict-" + i, CopyState.CONFLICTED);
    }
    status.record("pull", "auth-dev", CopyState.IN_SYNC);
    status.record("pull", "kube-system", CopyState.NOT_SELECTED);

    FanOutSummary summary = status.summary("pull");

    assertThat(summary.selected()).isEqualTo(8);
    assertThat(summary.reason()).isEqualTo("CopyConflict");
    assertThat(summary.message())
        .isEqualTo(
            "Copies in sync in 1 of 8 selected namespaces; 7 hold a same-named secret not created"
                + " by pullsecret-webhook, left alone: conflict-0, conflict-1, conflict-2,"
                + " conflict-3, conflict-4 and 2 more.");
  }

  @Test
  void a_namespace_that_stops_being_selected_is_no_longer_counted() {
    status.record("pull", "auth-dev", CopyState.IN_SYNC);

    assertThat(status.record("pull", "auth-dev", CopyState.NOT_SELECTED))
        .isEqualTo(CopyState.IN_SYNC);
    assertThat(status.selected("pull")).isZero();
  }

  @Test
  void a_source_problem_leads_the_summary_and_clears_when_the_source_is_good_again() {
    status.record("pull", "auth-dev", CopyState.SOURCE_PROBLEM);
    SourceRef source = new SourceRef("infrastructure", "pull");

    assertThat(status.source("pull", SourceState.missing(source))).isNull();
    assertThat(status.summary("pull").reason()).isEqualTo("SourceMissing");
    assertThat(status.summary("pull").message())
        .startsWith("source secret infrastructure/pull does not exist; existing copies are kept.");
    assertThat(status.isSourceValid("pull")).isFalse();

    status.source(
        "pull", SourceState.valid(new CopyContent("kubernetes.io/dockerconfigjson", null)));
    assertThat(status.isSourceValid("pull")).isTrue();
  }

  @Test
  void a_write_in_flight_holds_the_event_back() {
    status.record("pull", "auth-dev", CopyState.OUT_OF_SYNC);

    assertThat(status.summary("pull").isSettling()).isTrue();
  }
}
