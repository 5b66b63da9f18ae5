package com.tanhdev.pullsecret.http;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * Sends a server one request of its own, in memory, as soon as it has started: for the webhook
 * port, before its readiness lets the API server's calls in.
 *
 * <p>Why: Javalin builds its servlet's configuration on the first request, in a lazy value without
 * a lock. Two first requests at once can meet it half built, and one of them is answered 500 with
 * an empty body. That is exactly how a new webhook replica starts serving: when another replica
 * stops, the API server moves its calls to the new one at once. The roll-out drill saw it fail one
 * admission in 20 rolling restarts (docs/benchmarks.md, roll-outs). One request before the port is
 * reported ready builds it while no one else can race.
 */
final class FirstRequest {

  private static final long TIMEOUT_SECONDS = 10;

  private FirstRequest() {}

  /**
   * Sends {@code GET path} through {@code server}'s handlers on a connector that exists only for
   * this request, and fails unless the answer has {@code expectedStatus}.
   */
  static void send(Server server, String path, int expectedStatus) {
    LocalConnector local = new LocalConnector(server);
    server.addConnector(local);
    String answer;
    try {
      local.start();
      answer =
          local.getResponse(
              "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
              TIMEOUT_SECONDS,
              TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the server's first request", e);
    } catch (Exception e) {
      throw new IllegalStateException("the server's first request failed", e);
    } finally {
      stop(server, local);
    }
    if (answer == null || !answer.startsWith("HTTP/1.1 " + expectedStatus + " ")) {
      throw new IllegalStateException(
          "the server's first request, GET " + path + ", was answered: " + answer);
    }
  }

  private static void stop(Server server, LocalConnector local) {
    try {
      local.stop();
    } catch (Exception e) {
      // An in-memory connector has nothing to release that stopping could fail on.
    }
    server.removeConnector(local);
  }
}
