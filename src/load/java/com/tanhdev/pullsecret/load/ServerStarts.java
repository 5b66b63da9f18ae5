package com.tanhdev.pullsecret.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts server processes for the scenarios, reports each start, and keeps every webhook's
 * start-to-ready time for the one-second target.
 */
final class ServerStarts {

  private static final Duration READY_LIMIT = Duration.ofSeconds(30);

  /** The chart's {@code webhook.timeoutSeconds}: the API server gives up after it. */
  static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);

  private final ServerLaunch launch;
  private final TlsClient tls;
  private final ReviewBodies bodies;
  private final Report report;
  private final List<Duration> readyTimes = new ArrayList<>();

  ServerStarts(ServerLaunch launch, TlsClient tls, ReviewBodies bodies, Report report) {
    this.launch = launch;
    this.tls = tls;
    this.bodies = bodies;
    this.report = report;
  }

  ServerProcess start(String mode, String name) throws Exception {
    ServerProcess server = ServerProcess.start(launch, mode, name);
    Duration ready = server.awaitReady(READY_LIMIT);
    if (mode.equals("webhook")) {
      readyTimes.add(ready);
    }
    report.text(
        "Started %s: ready after %d ms (%s)."
            .formatted(name, ready.toMillis(), String.join("; ", server.logMessages("warm-up:"))));
    return server;
  }

  /** A generator for {@code server}, with the API server's pool size or another one. */
  LoadDriver driver(ServerProcess server, int maxIdle) {
    return new LoadDriver(server, tls, bodies, WEBHOOK_TIMEOUT, maxIdle);
  }

  /** Every start-to-ready time of the run against the one-second target. */
  void readinessTarget() {
    if (readyTimes.isEmpty()) {
      return;
    }
    Duration worst = readyTimes.stream().max(Duration::compareTo).orElseThrow();
    String all =
        readyTimes.stream().map(d -> d.toMillis() + " ms").collect(Collectors.joining(", "));
    report.target(
        "process start to ready",
        "<= 1 s",
        "worst %d ms (%s)".formatted(worst.toMillis(), all),
        worst.compareTo(Duration.ofSeconds(1)) <= 0);
  }
}
