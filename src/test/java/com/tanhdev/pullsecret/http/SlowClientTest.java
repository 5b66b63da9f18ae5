package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import com.tanhdev.pullsecret.testing.SlowClient;
import com.tanhdev.pullsecret.testing.SlowClient.Ending;
import com.tanhdev.pullsecret.testing.SlowClient.Stalls;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that sends a phase one byte a second is ended by that phase's deadline, not by a timeout
 * that each byte resets; one that sends nothing between requests is left alone.
 */
class SlowClientTest {

  private static final Duration GAP = Duration.ofMillis(500);
  private static final Duration GIVE_UP = Duration.ofSeconds(20);

  @RegisterExtension
  static final RunningWebhook webhook = RunningWebhook.perTestClass(new FakeSecretLookup());

  @Test
  void each_stalled_phase_is_ended_by_its_own_deadline() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(3);
    try {
      Future<Ending> handshake = clients.submit(() -> stall(Stalls.HANDSHAKE));
      Future<Ending> headers = clients.submit(() -> stall(Stalls.HEADERS));
      Future<Ending> body = clients.submit(() -> stall(Stalls.BODY));

      // 5 s for the handshake and the headers, checked every 250 ms; no answer is possible.
      assertThat(handshake.get().after()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(7));
      assertThat(handshake.get().answer()).isEmpty();
      assertThat(headers.get().after()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(7));
      assertThat(headers.get().answer()).isEmpty();
      // A body must keep 32 KiB/s after its first second: a trickle gets a 408 within about 1 s.
      assertThat(body.get().after()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
      assertThat(body.get().answer())
          .startsWith("HTTP/1.1 408")
          .contains("Connection: close")
          .contains("{\"code\":408,\"error\":\"the request body did not arrive in time\"}");
    } finally {
      clients.shutdownNow();
    }
    assertThat(webhook.metrics())
        .contains("pullsecret_connection_timeouts_total{phase=\"handshake\"} 1.0")
        .contains("pullsecret_connection_timeouts_total{phase=\"headers\"} 1.0")
        .contains("pullsecret_connection_timeouts_total{phase=\"body\"} 1.0");
  }

  @Test
  void an_idle_kept_alive_connection_outlives_every_phase_deadline() throws Exception {
    try (SSLSocket socket = webhook.openSocket()) {
      socket.startHandshake();
      RawReviews.post(socket, RawReviews.podReview());
      assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
      RawReviews.skipBody(socket);

      Thread.sleep(Duration.ofSeconds(11).toMillis()); // past the handshake, headers and body ones

      RawReviews.post(socket, RawReviews.podReview());
      assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  private static Ending stall(Stalls phase) throws Exception {
    return new SlowClient(phase, GAP).run(webhook, GIVE_UP);
  }
}
