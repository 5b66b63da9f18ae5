package com.tanhdev.pullsecret.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.testing.RawReviews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
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
