package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API server sees when it opens more connections than the webhook keeps open. */
class ConnectionLimitTest {

  /** Open connections allowed: eight per review of {@code server.maxConcurrentReviews}. */
  private static final int LIMIT = 16;

  @TempDir Path dir;

  @Test
  void connections_beyond_the_limit_are_closed_before_their_handshake_until_others_close()
      throws Exception {
    byte[] review = RawReviews.podReview();
    List<SSLSocket> held = new ArrayList<>();
    // The clients close their connections before the server stops, which would otherwise keep
    // them for its drain (TransportDeadlines.DRAIN_IDLE_MILLIS).
    try (RunningWebhook webhook =
            new RunningWebhook(dir, new FoundLookup(), "  maxConcurrentReviews: 2\n");
        AutoCloseable closeHeld = () -> closeAll(held)) {
      for (int i = 0; i < LIMIT; i++) {
        SSLSocket socket = webhook.openSocket();
        held.add(socket);
        socket.startHandshake();
        // kept alive and idle, as in an API server's pool, after one review
        RawReviews.post(socket, review);
        assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
        RawReviews.skipBody(socket);
      }

      for (int i = 0; i < 5; i++) {
        try (SSLSocket refused = webhook.openSocket()) {
          assertThatThrownBy(refused::startHandshake).isInstanceOf(IOException.class);
        }
      }
      assertThat(webhook.metrics())
          .contains("pullsecret_connections_refused_total{limit=\"connections\"} 5.0");

      held.remove(0).close();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                try (SSLSocket later = webhook.openSocket()) {
                  RawReviews.post(later, review);
                  assertThat(RawReviews.statusLine(later)).isEqualTo("HTTP/1.1 200 OK");
                }
              });
      SSLSocket kept = held.get(0);
      RawReviews.post(kept, review);
      assertThat(RawReviews.statusLine(kept)).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @Test
  void at_the_limit_a_new_connection_replaces_a_client_stalled_in_its_hello() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try (RunningWebhook webhook =
            new RunningWebhook(dir, new FoundLookup(), "  maxConcurrentReviews: 2\n");
        AutoCloseable closeStalled = () -> closeAll(stalled)) {
      for (int i = 0; i < LIMIT; i++) {
        Socket socket = new Socket("127.0.0.1", webhook.webhookPort());
        stalled.add(socket);
        socket.getOutputStream().write(0x16); // the first byte of a ClientHello, and no more
      }
      try (SSLSocket socket = webhook.openSocket()) {
        RawReviews.post(socket, RawReviews.podReview());
        assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
      }
      assertThat(webhook.metrics())
          .contains("pullsecret_connections_evicted_total{phase=\"handshake\"} 1.0")
          .doesNotContain("pullsecret_connections_refused_total");
    }
  }

  private static void closeAll(List<? extends Socket> sockets) throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /** Every secret exists. */
  private static final class FoundLookup implements SecretLookup {

    @Override
    public LookupResult find(String namespace, String secretName) {
      return LookupResult.CACHE_HIT;
    }

    @Override
    public boolean isSynced() {
      return true;
    }
  }
}
