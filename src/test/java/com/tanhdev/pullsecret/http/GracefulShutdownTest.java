package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulShutdownTest {

  /** Twice Jetty's default idle time for connections of a stopping server, which closed them. */
  private static final Duration IDLE_DURING_SHUTDOWN = Duration.ofSeconds(2);

  /** A lookup that holds the review until the test lets it go, like a slow live read. */
  private static final class HeldLookup implements SecretLookup {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public LookupResult find(String namespace, String secretName) {
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return LookupResult.CACHE_HIT;
    }

    @Override
    public boolean isSynced() {
      return true;
    }
  }

  @Test
  void a_review_in_flight_when_shutdown_starts_is_still_answered(@TempDir Path dir)
      throws Exception {
    HeldLookup lookup = new HeldLookup();
    RunningWebhook webhook = new RunningWebhook(dir, lookup);
    HttpClient client = HttpClient.newBuilder().sslContext(webhook.trustingContext()).build();
    byte[] review = RawReviews.podReview();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create(webhook.mutateUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(review))
                .build(),
            BodyHandlers.ofString());
    assertThat(lookup.entered.await(10, TimeUnit.SECONDS)).isTrue();

    int port = webhook.webhookPort(); // the server forgets it once the connector closes
    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(webhook::close);
    // Released only once shutdown has visibly begun (the port refuses new connections), so the
    // review cannot have finished before the server started stopping.
    await().atMost(Duration.ofSeconds(10)).until(() -> refusesConnections(port));
    assertThat(shutdown).isNotDone();
    lookup.release.countDown();

    HttpResponse<String> response = inFlight.get(15, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"patchType\":\"JSONPatch\"");
    shutdown.get(15, TimeUnit.SECONDS);
  }

  /**
   * The API server keeps its connections open and sends the next call on one without warning, and a
   * call that meets a connection closed under it fails. When shutdown starts, a connection left
   * idle stays open well past Jetty's default of one second, and the call that comes on it is
   * answered with {@code Connection: close}: the API server retires the connection itself.
   */
  @Test
  void during_shutdown_a_kept_alive_connection_is_answered_and_retired_not_dropped(
      @TempDir Path dir) throws Exception {
    HeldLookup lookup = new HeldLookup();
    lookup.release.countDown();
    RunningWebhook webhook = new RunningWebhook(dir, lookup);
    byte[] review = RawReviews.podReview();
    try (SSLSocket keptAlive = webhook.tls()) {
      keptAlive.setSoTimeout(15_000);
      RawReviews.post(keptAlive, review);
      assertThat(RawReviews.statusLine(keptAlive)).isEqualTo("HTTP/1.1 200 OK");
      assertThat(RawReviews.rest(keptAlive).closesConnection()).isFalse();

      int port = webhook.webhookPort();
      CompletableFuture<Void> shutdown = CompletableFuture.runAsync(webhook::close);
      await().atMost(Duration.ofSeconds(10)).until(() -> refusesConnections(port));
      Thread.sleep(IDLE_DURING_SHUTDOWN.toMillis());

      RawReviews.post(keptAlive, review);
      assertThat(RawReviews.statusLine(keptAlive)).isEqualTo("HTTP/1.1 200 OK");
      RawReviews.Rest answer = RawReviews.rest(keptAlive);
      assertThat(answer.body()).contains("\"patchType\":\"JSONPatch\"");
      assertThat(answer.closesConnection()).isTrue();
      assertThat(keptAlive.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
      shutdown.get(15, TimeUnit.SECONDS);
    }
  }

  /**
   * A connection the API server has left alone through the drain's idle window is closed when
   * shutdown starts, and the API server may send a call on it at that moment. It is reset, not
   * ended with close_notify: a call written after the reset is refused by the client's own kernel,
   * unsent, which the API server's HTTP client resends on another connection; after close_notify
   * the write would go out and the call end in {@code EOF}, which it does not resend.
   */
  @Test
  void during_shutdown_a_connection_left_idle_is_reset_so_a_call_sent_on_it_is_refused_unsent(
      @TempDir Path dir) throws Exception {
    HeldLookup lookup = new HeldLookup();
    lookup.release.countDown();
    RunningWebhook webhook = new RunningWebhook(dir, lookup);
    byte[] review = RawReviews.podReview();
    try (SSLSocket watched = webhook.tls();
        SSLSocket next = webhook.tls()) {
      for (SSLSocket socket : new SSLSocket[] {watched, next}) {
        socket.setSoTimeout(15_000);
        RawReviews.post(socket, review);
        assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
        RawReviews.rest(socket);
      }
      Thread.sleep(TransportDeadlines.DRAIN_IDLE_MILLIS + 500);

      CompletableFuture<Void> shutdown = CompletableFuture.runAsync(webhook::close);
      assertThatThrownBy(() -> watched.getInputStream().read())
          .as("the idle connection ends by reset, not by close_notify (read would return -1)")
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
      shutdown.get(15, TimeUnit.SECONDS); // every connection is closed by now
      assertThatThrownBy(() -> RawReviews.post(next, review))
          .as("a call written on the other idle connection is refused before it leaves")
          .isInstanceOf(SocketException.class);
    }
  }

  private static boolean refusesConnections(int port) {
    try {
      new Socket("127.0.0.1", port).close();
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
