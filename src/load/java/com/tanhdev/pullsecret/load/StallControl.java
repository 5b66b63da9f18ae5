package com.tanhdev.pullsecret.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A loopback-only control port of the load target: {@code POST /stall?millis=N} pauses its secret
 * lookup, so the generator, in another process, can inject a stall at a chosen moment.
 */
final class StallControl {

  // A stall longer than the API server's 30 s maximum timeout tells nothing more.
  private static final long MAX_STALL_MILLIS = 30_000;

  private final HttpServer server;

  private StallControl(HttpServer server) {
    this.server = server;
  }

  static StallControl start(PausableSecretLookup lookup) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/stall", exchange -> stall(exchange, lookup));
    server.start();
    return new StallControl(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void stall(HttpExchange exchange, PausableSecretLookup lookup) throws IOException {
    String query = String.valueOf(exchange.getRequestURI().getQuery());
    int status = 400;
    if (exchange.getRequestMethod().equals("POST") && query.startsWith("millis=")) {
      long millis = Math.min(Long.parseLong(query.substring("millis=".length())), MAX_STALL_MILLIS);
      lookup.pauseFor(Duration.ofMillis(millis));
      status = 204;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }
}
