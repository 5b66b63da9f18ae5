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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API server sees when it opens more connections than the webhook keeps open. */
class ConnectionLimitTest {

  private static final Path POD_REVIEW =
      Path.of(
          "src/test/resources/golden/pod-create-adds-the-secret-when-the-field-is-absent/request.json");

  /** The default of {@code server.maxConcurrentReviews}. */
  private static final int LIMIT = 64;

  @TempDir Path dir;

  @Test
  void connections_beyond_the_limit_are_closed_before_their_handshake_until_others_close()
      throws Exception {
    StalledLookup lookup = new StalledLookup();
    byte[] review = Files.readAllBytes(POD_REVIEW);
    List<SSLSocket> held = new ArrayList<>();
    try (RunningWebhook webhook = new RunningWebhook(dir, lookup)) {
      for (int i = 1; i <= LIMIT; i++) {
        SSLSocket socket = open(webhook);
        held.add(socket);
        post(socket, review);
        int waiting = i;
        await().atMost(Duration.ofSeconds(20)).until(() -> lookup.waiting() == waiting);
      }

      for (int i = 0; i < 70; i++) {
        try (SSLSocket refused = open(webhook)) {
          assertThatThrownBy(refused::startHandshake).isInstanceOf(IOException.class);
        }
      }

      lookup.release();
      for (SSLSocket socket : held) {
        assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
        socket.close();
      }
      try (SSLSocket later = open(webhook)) {
        post(later, review);
        assertThat(statusLine(later)).isEqualTo("HTTP/1.1 200 OK");
      }
    } finally {
      for (SSLSocket socket : held) {
        socket.close();
      }
    }
  }

  private static SSLSocket open(RunningWebhook webhook) throws Exception {
    SSLSocket socket =
        (SSLSocket)
            webhook
                .trustingContext()
                .getSocketFactory()
                .createSocket("127.0.0.1", webhook.webhookPort());
    socket.setSoTimeout(30_000);
    return socket;
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

  /** Holds every lookup until released, as a hanging API server would. */
  private static final class StalledLookup implements SecretLookup {

    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger waiting = new AtomicInteger();

    @Override
    public LookupResult find(String namespace, String secretName) {
      waiting.incrementAndGet();
      try {
        return released.await(30, TimeUnit.SECONDS) ? LookupResult.CACHE_HIT : LookupResult.ERROR;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return LookupResult.ERROR;
      }
    }

    @Override
    public boolean isSynced() {
      return true;
    }

    int waiting() {
      return waiting.get();
    }

    void release() {
      released.countDown();
    }
  }
}
