package com.tanhdev.pullsecret.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.testing.RawReviews;
import com.tanhdev.pullsecret.testing.SlowClient;
import com.tanhdev.pullsecret.testing.SlowClient.Stalls;
import com.tanhdev.pullsecret.testing.TrustOnly;
import com.tanhdev.pullsecret.testing.WebhookSockets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's command, with its heap of 96 MiB and exit on OutOfMemoryError, attacked the ways a
 * hostile client in the cluster could: bodies announced but not sent, many large bodies at once,
 * and a flood of clients stalling every phase. It stays up, answers every request it can with a
 * clear status, serves well-behaved calls within a second throughout, and its resident memory stays
 * under the chart's memory request (256 MiB).
 */
@ExtendWith(ControlPlaneExtension.class)
class HostileClientIT {

  /** The chart's memory limit, where the kubelet would kill the pod. */
  private static final long CHART_MEMORY_LIMIT_KIB = 384 * 1024;

  private static final int MIB = 1024 * 1024;

  /**
   * A stalled client holds what it took until a phase deadline (5 s at the shortest) frees it, so a
   * probe that waited on one takes 5 s or more. Half of that tells a stall from a busy machine; the
   * latency itself is measured by the load benchmarks, not here.
   */
  private static final Duration SERVED_WITHIN = Duration.ofMillis(2_500);

  @TempDir Path dir;
  private ContainerProcess webhook;

  @AfterEach
  void kill() {
    if (webhook != null) {
      webhook.close();
    }
  }

  @Test
  void no_client_crashes_stalls_or_swells_the_webhook(ControlPlane plane) throws Exception {
    TestNamespace namespace = TestNamespace.create(plane.client(), "hostile", Map.of());
    LoopbackCertificate certificate = LoopbackCertificate.issue(dir);
    ServeConfig config = ServeConfig.onFreePorts(certificate);
    Path kubeconfig = Kubeconfig.write(plane.client(), namespace.name(), dir.resolve("kubeconfig"));
    webhook =
        ImageCommand.start(
            dir,
            config.yaml(),
            Map.of("KUBECONFIG", kubeconfig.toString(), "PULLSECRET_NAMESPACE", namespace.name()));
    awaitReady(config.healthPort());
    Sockets sockets = new Sockets(config.port(), TrustOnly.context(certificate.caPem()));

    List<Socket> announced = announceWithoutSending(sockets, 12, 7_000_000);
    assertThat(reviewOnNewConnection(sockets)).isLessThan(SERVED_WITHIN);
    for (Socket socket : announced) {
      assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 408 Request Timeout");
      socket.close();
    }

    assertThat(sendAtOnce(sockets, 8, 7 * MIB - 64 * 1024)).allMatch(HostileClientIT::isClear);
    assertThat(sendAtOnce(sockets, 8, 3 * MIB)).allMatch(HostileClientIT::isClear);
    assertThat(reviewOnNewConnection(sockets)).isLessThan(SERVED_WITHIN);

    List<Duration> duringFlood = underSlowClientFlood(sockets, Duration.ofSeconds(8));
    assertThat(duringFlood).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThan(SERVED_WITHIN));

    assertThat(webhook.isAlive()).as(webhook::stderr).isTrue();
    long peakKib = webhook.memoryKib("VmHWM");
    System.out.printf("hostile clients: peak RSS %d MiB%n", peakKib / 1024);
    assertThat(peakKib).isLessThan(CHART_MEMORY_LIMIT_KIB);
  }

  /** Connections whose headers announce {@code length} bytes of body, of which 300 are sent. */
  private static List<Socket> announceWithoutSending(Sockets sockets, int count, long length)
      throws Exception {
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SSLSocket socket = sockets.tls();
      OutputStream out = socket.getOutputStream();
      out.write(RawReviews.headers(length));
      out.write(("{\"padding\":\"" + "x".repeat(286)).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      held.add(socket);
    }
    return held;
  }

  /** {@code count} reviews of {@code size} bytes sent at the same moment; their status lines. */
  private static List<String> sendAtOnce(Sockets sockets, int count, int size) throws Exception {
    byte[] body = paddedReview(size);
    ExecutorService senders = Executors.newFixedThreadPool(count);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        answers.add(
            senders.submit(
                () -> {
                  try (SSLSocket socket = sockets.tls()) {
                    socket.setSoTimeout(15_000);
                    RawReviews.post(socket, body);
                    return RawReviews.statusLine(socket);
                  } catch (IOException closedWhileSending) {
                    return "closed: " + closedWhileSending.getMessage();
                  }
                }));
      }
      List<String> statuses = new ArrayList<>();
      for (Future<String> answer : answers) {
        statuses.add(answer.get(30, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      senders.shutdownNow();
    }
  }

  /**
   * Answered, or refused for the memory budget with 503 (closing the connection while the rest is
   * still being sent, which the sender may see as a reset).
   */
  private static boolean isClear(String status) {
    return status.equals("HTTP/1.1 200 OK")
        || status.equals("HTTP/1.1 503 Service Unavailable")
        || status.startsWith("closed: ");
  }

  /** A Pod review padded to {@code size} bytes with an annotation the webhook never reads. */
  private static byte[] paddedReview(int size) {
    String review = new String(RawReviews.podReview(), StandardCharsets.UTF_8);
    int metadata = review.indexOf("\"metadata\"");
    int open = review.indexOf('{', metadata) + 1;
    String padding = "\"padding\":\"" + "x".repeat(size - review.length() - 14) + "\",";
    return (review.substring(0, open) + padding + review.substring(open))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static List<Duration> underSlowClientFlood(Sockets sockets, Duration length)
      throws Exception {
    AtomicBoolean flooding = new AtomicBoolean(true);
    ExecutorService attackers = Executors.newFixedThreadPool(360);
    List<Duration> served = new ArrayList<>();
    try {
      attack(attackers, sockets, Stalls.HANDSHAKE, 300, flooding);
      attack(attackers, sockets, Stalls.HEADERS, 30, flooding);
      attack(attackers, sockets, Stalls.BODY, 30, flooding);
      Thread.sleep(2_000);
      long end = System.nanoTime() + length.toNanos();
      while (System.nanoTime() < end) {
        served.add(reviewOnNewConnection(sockets));
        Thread.sleep(200);
      }
    } finally {
      flooding.set(false);
      attackers.shutdownNow();
      attackers.awaitTermination(10, TimeUnit.SECONDS);
    }
    return served;
  }

  private static void attack(
      ExecutorService pool, Sockets sockets, Stalls phase, int clients, AtomicBoolean flooding) {
    for (int i = 0; i < clients; i++) {
      pool.execute(
          () -> {
            while (flooding.get()) {
              try {
                new SlowClient(phase, Duration.ofSeconds(1)).run(sockets, Duration.ofSeconds(30));
              } catch (Exception refusedOrReset) {
                // connect again
              }
            }
          });
    }
  }

  private static Duration reviewOnNewConnection(Sockets sockets) throws Exception {
    long start = System.nanoTime();
    try (SSLSocket socket = sockets.tls()) {
      RawReviews.post(socket, RawReviews.podReview());
      assertThat(RawReviews.statusLine(socket)).isEqualTo("HTTP/1.1 200 OK");
      assertThat(RawReviews.skipBody(socket)).contains("\"allowed\":true");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void awaitReady(int healthPort) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/readyz")).build();
    await("/readyz answers 200")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .failFast("the webhook exited", () -> assertThat(webhook.isAlive()).isTrue())
        .until(
            () -> {
              try {
                return http.send(ready, BodyHandlers.discarding()).statusCode() == 200;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  private record Sockets(int port, SSLContext trust) implements WebhookSockets {

    @Override
    public Socket plain() throws IOException {
      return new Socket("127.0.0.1", port);
    }

    @Override
    public SSLSocket tls() throws IOException {
      SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket("127.0.0.1", port);
      socket.setSoTimeout(30_000);
      return socket;
    }
  }
}
