package com.tanhdev.pullsecret.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * What the API server and the kubelet send a webhook, in the proportions of production: reviews on
 * a few kept-alive connections from concurrent callers, some on a new connection each (the API
 * server dials when its idle pool is empty), probes and a metrics scrape. Every answer must be 200,
 * so a training run that trains a broken path fails the image build instead.
 */
final class TrainingTraffic {

  private static final int CALLERS = 4;

  private final SSLContext tls;
  private final int webhookPort;
  private final int healthPort;
  private final List<byte[]> reviews = TrainingReviews.all();

  TrainingTraffic(SSLContext tls, int webhookPort, int healthPort) {
    this.tls = tls;
    this.webhookPort = webhookPort;
    this.healthPort = healthPort;
  }

  /** Sends {@code perCaller} reviews from each caller and {@code dials} on new connections. */
  int send(int perCaller, int dials) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        int caller = c;
        sent.add(callers.submit(() -> keptAlive(client, caller, perCaller)));
      }
      int total = 0;
      for (int i = 0; i < dials; i++) {
        newConnection(reviews.get(i % reviews.size()));
        total++;
      }
      for (String path : List.of("/healthz", "/readyz", "/metrics")) {
        require(client, HttpRequest.newBuilder(health(path)).build());
      }
      for (Future<Integer> caller : sent) {
        total += caller.get();
      }
      return total;
    } catch (ExecutionException e) {
      throw new IllegalStateException("training traffic failed", e.getCause());
    } finally {
      callers.shutdownNow();
    }
  }

  private int keptAlive(HttpClient client, int caller, int count) throws Exception {
    URI mutate = URI.create("https://127.0.0.1:" + webhookPort + "/mutate");
    for (int i = 0; i < count; i++) {
      byte[] body = reviews.get((caller + i) % reviews.size());
      require(
          client,
          HttpRequest.newBuilder(mutate)
              .header("Content-Type", "application/json")
              .POST(BodyPublishers.ofByteArray(body))
              .build());
    }
    return count;
  }

  private static void require(HttpClient client, HttpRequest request) throws Exception {
    int status = client.send(request, BodyHandlers.ofByteArray()).statusCode();
    if (status != 200) {
      throw new IllegalStateException(request.uri() + " answered " + status);
    }
  }

  /** One review on a connection of its own, closed after the answer, as a fresh dial would be. */
  private void newConnection(byte[] body) throws IOException {
    try (SSLSocket socket =
        (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", webhookPort)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      if (!answer.startsWith("HTTP/1.1 200")) {
        throw new IllegalStateException("a review on a new connection failed: " + answer);
      }
    }
  }

  private URI health(String path) {
    return URI.create("http://127.0.0.1:" + healthPort + path);
  }
}
