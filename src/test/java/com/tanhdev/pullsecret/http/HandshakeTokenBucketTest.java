package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HandshakeTokenBucketTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void a_fresh_bucket_allows_the_burst_at_once_and_refuses_the_next() {
    HandshakeTokenBucket bucket = new HandshakeTokenBucket(3, 10, now::get);

    assertThat(takes(bucket, 3)).isEqualTo(3);
    assertThat(bucket.tryTake()).isFalse();
  }

  @Test
  void spent_tokens_come_back_at_the_configured_rate() {
    HandshakeTokenBucket bucket = new HandshakeTokenBucket(3, 10, now::get);
    takes(bucket, 3);

    advanceMillis(99);
    assertThat(bucket.tryTake()).as("0.99 of a token after 99 ms at 10/s").isFalse();
    advanceMillis(1);
    assertThat(bucket.tryTake()).as("one token after 100 ms").isTrue();
    assertThat(bucket.tryTake()).isFalse();
  }

  @Test
  void an_idle_bucket_saves_up_no_more_than_the_burst() {
    HandshakeTokenBucket bucket = new HandshakeTokenBucket(3, 10, now::get);

    advanceMillis(60_000);

    assertThat(takes(bucket, 10)).isEqualTo(3);
  }

  @Test
  void refusals_do_not_spend_what_is_refilling() {
    HandshakeTokenBucket bucket = new HandshakeTokenBucket(1, 10, now::get);
    bucket.tryTake();

    for (int i = 0; i < 9; i++) {
      advanceMillis(10);
      assertThat(bucket.tryTake()).isFalse();
    }
    advanceMillis(10);

    assertThat(bucket.tryTake()).isTrue();
  }

  @Test
  void rejects_a_bucket_that_could_never_allow_a_connection() {
    assertThatThrownBy(() -> new HandshakeTokenBucket(0, 10, now::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HandshakeTokenBucket(1, 0, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void advanceMillis(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private static int takes(HandshakeTokenBucket bucket, int attempts) {
    int taken = 0;
    for (int i = 0; i < attempts; i++) {
      taken += bucket.tryTake() ? 1 : 0;
    }
    return taken;
  }
}
