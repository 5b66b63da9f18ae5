package com.tanhdev.pullsecret.provision.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private final WorkQueue<String> queue =
      new WorkQueue<>(new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1)));

  @AfterEach
  void close() {
    queue.close();
  }

  @Test
  void a_key_added_twice_waits_once() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("a");

    assertThat(queue.length()).isEqualTo(2);
    assertThat(queue.take()).isEqualTo("a");
    assertThat(queue.take()).isEqualTo("b");
    assertThat(queue.length()).isZero();
  }

  @Test
  void a_key_being_processed_is_not_handed_out_again_until_it_is_done() throws Exception {
    queue.add("a");
    String taken = queue.take();

    queue.add("a");

    assertThat(queue.length()).isZero();
    queue.done(taken);
    assertThat(queue.length()).isEqualTo(1);
    assertThat(queue.take()).isEqualTo("a");
  }

  @Test
  void a_key_done_without_being_added_again_is_gone() throws Exception {
    queue.add("a");
    queue.done(queue.take());

    assertThat(queue.length()).isZero();
  }

  @Test
  void a_failed_key_comes_back_after_its_backoff() throws Exception {
    queue.add("a");
    queue.done(queue.take());

    queue.retry("a");

    assertThat(queue.failures("a")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> queue.length() == 1);
    assertThat(queue.take()).isEqualTo("a");
    queue.forget("a");
    assertThat(queue.failures("a")).isZero();
  }

  @Test
  void take_waits_for_a_key_and_returns_null_once_closed() throws Exception {
    CompletableFuture<String> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.take();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    queue.add("late");
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("late");

    CompletableFuture<String> blocked =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.take();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    queue.close();
    assertThat(blocked.get(5, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void the_backoff_doubles_per_failure_up_to_its_cap() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(500)).isEqualTo(Duration.ofSeconds(2));
  }
}
