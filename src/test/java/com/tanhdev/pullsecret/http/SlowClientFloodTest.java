package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import com.tanhdev.pullsecret.testing.SlowClient;
import com.tanhdev.pullsecret.testing.SlowClient.Stalls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of clients stalling their handshakes, headers and bodies, more than the connection limit
 * (256 with the default 64 reviews), reconnecting as soon as they are ended: meanwhile a new
 * connection of a well-behaved client is served at once, and so is a kept-alive one.
 */
class SlowClientFloodTest {

  private static final int STALLED_HANDSHAKES = 300;
  private static final int STALLED_HEADERS = 30;
  private static final int STALLED_BODIES = 30;
  private static final Duration FLOOD = Duration.ofSeconds(8);
  private static final Duration PROBE_EVERY = Duration.ofMillis(200);

  /**
   * A stalled client holds what it took until a phase deadline (5 s at the shortest) frees it, so a
   * probe that waited on one takes 5 s or more. Half of that tells a stall from a busy machine; the
   * latency itself is measured by the load benchmarks, not here.
   */
  private static final Duration SERVED_WITHIN = Duration.ofMillis(2_500);

  @TempDir Path dir;

  @Test
  void well_behaved_connections_are_served_within_a_second_while_slow_clients_flood()
      throws Exception {
    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicInteger attacks = new AtomicInteger();
    ExecutorService attackers =
        Executors.newFixedThreadPool(STALLED_HANDSHAKES + STALLED_HEADERS + STALLED_BODIES);
    List<Duration> fresh = new ArrayList<>();
    List<Duration> keptAlive = new ArrayList<>();
    try (RunningWebhook webhook =
            new RunningWebhook(
                dir, new FakeSecretLookup().present("auth-dev", "registry-api-tanhdev"));
        SSLSocket kept = webhook.openSocket()) {
      kept.startHandshake();
      attack(attackers, webhook, Stalls.HANDSHAKE, STALLED_HANDSHAKES, flooding, attacks);
      attack(attackers, webhook, Stalls.HEADERS, STALLED_HEADERS, flooding, attacks);
      attack(attackers, webhook, Stalls.BODY, STALLED_BODIES, flooding, attacks);
      Thread.sleep(2_000); // every attacker connected at least once

      long end = System.nanoTime() + FLOOD.toNanos();
      while (System.nanoTime() < end) {
        fresh.add(timed(() -> reviewOnNewConnection(webhook)));
        keptAlive.add(timed(() -> review(kept)));
        Thread.sleep(PROBE_EVERY.toMillis());
      }
      assertThat(attacks.get()).isGreaterThan(STALLED_HANDSHAKES + STALLED_HEADERS);
      assertThat(webhook.metrics())
          .containsPattern("pullsecret_connection_timeouts_total\\{phase=\"handshake\"} [1-9]")
          .containsPattern("pullsecret_connection_timeouts_total\\{phase=\"body\"} [1-9]");
      stop(attackers, flooding); // before the server, whose graceful stop they would delay
    } finally {
      stop(attackers, flooding);
    }
    assertThat(fresh).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThan(SERVED_WITHIN));
    assertThat(keptAlive).allSatisfy(d -> assertThat(d).isLessThan(SERVED_WITHIN));
  }

  private static void attack(
      ExecutorService pool,
      RunningWebhook webhook,
      Stalls phase,
      int clients,
      AtomicBoolean flooding,
      AtomicInteger attacks) {
    for (int i = 0; i < clients; i++) {
      pool.execute(
          () -> {
            while (flooding.get()) {
              attacks.incrementAndGet();
              try {
                new SlowClient(phase, Duration.ofSeconds(1)).run(webhook, Duration.ofSeconds(30));
              } catch (Exception refusedOrReset) {
                // refused at the limit, or closed mid-handshake: connect again
              }
            }
          });
    }
  }

  private static void stop(ExecutorService attackers, AtomicBoolean flooding)
      throws InterruptedException {
    flooding.set(false);
    attackers.shutdownNow();
    attackers.awaitTermination(10, TimeUnit.SECONDS);
  }

  private interface Call {
    void run() throws Exception;
  }

  private static Duration timed(Call call) throws Exception {
    long start = System.nanoTime();
    call.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void reviewOnNewConnection(RunningWebhook webhook) throws Exception {
    try (SSLSocket socket = webhook.openSocket()) {
      socket.startHandshake();
      review(socket);
    }
  }

  private static void review(SSLSocket socket) throws Exception {
    RawReviews.post(socket, RawReviews.podReview());
    assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(RawReviews.skipBody(socket)).contains("\"patchType\":\"JSONPatch\"");
  }
}
