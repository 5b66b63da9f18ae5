package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransportDeadlinesTest {

  private static final long TWO_SECONDS = TimeUnit.SECONDS.toNanos(2);
  private static final long ELEVEN_SECONDS = TimeUnit.SECONDS.toNanos(11);

  @Test
  void a_large_body_must_keep_the_minimum_rate_after_its_first_second() {
    assertThat(TransportDeadlines.isOverdue(ConnectionPhase.BODY, TWO_SECONDS, 10, 100_000))
        .isTrue();
    assertThat(TransportDeadlines.isOverdue(ConnectionPhase.BODY, TWO_SECONDS, 40_000, 100_000))
        .isFalse();
  }

  @Test
  void a_body_of_unknown_length_is_rated_like_a_large_one() {
    assertThat(TransportDeadlines.isOverdue(ConnectionPhase.BODY, TWO_SECONDS, 10, -1)).isTrue();
  }

  @Test
  void a_small_body_not_yet_read_gets_the_whole_body_deadline_because_the_lateness_may_be_ours() {
    assertThat(TransportDeadlines.isOverdue(ConnectionPhase.BODY, TWO_SECONDS, 0, 4_000)).isFalse();
    assertThat(TransportDeadlines.isOverdue(ConnectionPhase.BODY, ELEVEN_SECONDS, 0, 4_000))
        .isTrue();
  }
}
