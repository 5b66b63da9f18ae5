package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API server sees when it opens more connections than the webhook keeps open. */
class ConnectionLimitTest {

  private static final Path POD_REVIEW =
      Path.of(
          "src/test/resources/golden/pod-create-adds-the-secret-when-the-field-is-absent/request.json");

  /** Open connections allowed: four per review of {@code server.maxConcurrentReviews}. */
  private static final int LIMIT = 8;

  @TempDir Path dir;

  @Test
  void connections_beyond_the_limit_are_closed_before_their_handshake_until_others_close()
      throws Exception {
    byte[] review = Files.readAllBytes(POD_REVIEW);
    List<SSLSocket> held = new ArrayList<>();
    try (RunningWebhook webhook =
        new RunningWebhook(dir, new FoundLookup(), "  maxConcurrentReviews: 2\n")) {
      for (int i = 0; i < LIMIT; i++) {
        SSLSocket socket = webhook.openSocket();
        held.add(socket);
        socket.startHandshake(); // kept alive and idle, as in an API server's pool
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
                  post(later, review);
                  assertThat(statusLine(later)).isEqualTo("HTTP/1.1 200 OK");
                }
              });
      SSLSocket kept = held.get(0);
      post(kept, review);
      assertThat(statusLine(kept)).isEqualTo("HTTP/1.1 200 OK");
    } finally {
      for (SSLSocket socket : held) {
        socket.close();
      }
    }
  }

  private static void post(SSLSocket socket, byte[] body) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static String statusLine(SSLSocket socket) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = socket.getInputStream().read();
        c >= 0 && c != '\r';
        c = socket.getInputStream().read()) {
      line.append((char) c);
    }
    return line.toString();
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
