package com.tanhdev.pullsecret.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The scenarios of the issue, each against its own server process where a fresh start matters: the
 * no-op ceiling, a warm webhook (steady rates, connection cost, stalls, maximum rate), cold bursts
 * and repeated start-ups. Each records its numbers and the targets it checks.
 */
final class Scenarios {

  private static final Duration READY_LIMIT = Duration.ofSeconds(30);

  /** The chart's {@code webhook.timeoutSeconds}: the API server gives up after it. */
  private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);

  private static final Duration STALL = Duration.ofSeconds(2);
  private static final double P99_AT_500_MILLIS = 2;
  private static final double P99_AT_1000_MILLIS = 5;
  private static final int SECONDS_TO_RECOVER = 5;
  private static final int STARTS = 5;

  /** "Back to steady" means for this long at least, so that one later blip does not count. */
  private static final int HOLD_SECONDS = 5;

  private final Timing timing;
  private final ServerLaunch launch;
  private final TlsClient tls;
  private final ReviewBodies bodies;
  private final MockApiServer api;
  private final Report report;
  private final List<Duration> readyTimes = new ArrayList<>();

  Scenarios(
      Timing timing,
      ServerLaunch launch,
      TlsClient tls,
      ReviewBodies bodies,
      MockApiServer api,
      Report report) {
    this.timing = timing;
    this.launch = launch;
    this.tls = tls;
    this.bodies = bodies;
    this.api = api;
    this.report = report;
  }

  /** The no-op handler's maximum sustainable rate on the same stack. */
  double ceiling() throws Exception {
    report.section("Ceiling: no-op handler on the same server stack");
    try (ServerProcess server = start("noop", "noop");
        LoadDriver driver = driver(server, ConnectionPool.API_SERVER_MAX_IDLE)) {
      warmUp(driver);
      Measurement max =
          new MaxRateSearch(driver, report, timing.maxStep(), timing.maxConfirm())
              .find("no-op max");
      double ceiling = MaxRateSearch.sustains(max) ? max.rate() : 0;
      report.text("\nNo-op ceiling: **%.0f reviews/s**.".formatted(ceiling));
      return ceiling;
    }
  }

  void warmWebhook(double ceiling) throws Exception {
    report.section("Warm webhook");
    try (ServerProcess server = start("webhook", "webhook-warm")) {
      Thread.sleep(2_000);
      ServerProcess.Memory idle = server.memory();
      long idleKib = idle.rssKib();
      try (LoadDriver driver = driver(server, ConnectionPool.API_SERVER_MAX_IDLE)) {
        warmUp(driver);
        int apiCallsBefore = api.requestCount();
        Measurement at500 = driver.run("steady 500/s", 500, timing.steady());
        report.measurement(at500);
        Measurement at1000 = driver.run("steady 1000/s", 1000, timing.steady());
        report.measurement(at1000);
        int apiCalls = api.requestCount() - apiCallsBefore;
        target("p99 at 500/s", "<= 2 ms", at500.summary().millisAt(0.99), P99_AT_500_MILLIS);
        target("p99 at 1,000/s", "<= 5 ms", at1000.summary().millisAt(0.99), P99_AT_1000_MILLIS);
        report.target(
            "API server calls during the steady runs",
            "0",
            "%d for %d reviews"
                .formatted(apiCalls, at500.summary().requests() + at1000.summary().requests()),
            apiCalls == 0);
        report.text(
            "\nSecret lookups after the steady runs (`/metrics`):\n\n```\n"
                + lookupMetrics(server.metrics())
                + "```");
        connectionCost(server, at1000);
        disturbed(driver, "lookup stall", () -> server.stallLookups(STALL));
        disturbed(driver, "process freeze", () -> server.freeze(STALL));
        report.text("");
        Thread.sleep(5_000); // the dials of the freeze are still being answered or refused
        Measurement max =
            new MaxRateSearch(driver, report, timing.maxStep(), timing.maxConfirm())
                .find("webhook max");
        double rate = MaxRateSearch.sustains(max) ? max.rate() : 0;
        report.target(
            "maximum sustainable rate (p99 <= 25 ms)",
            ">= 4,000/s",
            "%.0f/s".formatted(rate),
            rate >= 4_000);
        if (ceiling > 0) {
          report.target(
              "share of the no-op ceiling",
              ">= 85%",
              "%.0f%% of %.0f/s".formatted(100 * rate / ceiling, ceiling),
              rate >= 0.85 * ceiling);
        }
      }
      ServerProcess.Memory loaded = server.memory();
      report.target(
          "RSS under load (peak)",
          "<= 128 MiB",
          mib(loaded.peakKib()),
          loaded.peakKib() <= 128 * 1024);
      report.target("RSS idle (after readiness)", "<= 80 MiB", mib(idleKib), idleKib <= 80 * 1024);
      report.text(
          "RSS idle after readiness: %s. After the load stopped: %s."
              .formatted(idle.describe(), server.memory().describe()));
    }
  }

  void coldBursts() throws Exception {
    report.section("Cold bursts: a freshly started server, at full rate from the first second");
    for (int rate : List.of(1_000, 2_000)) {
      try (ServerProcess server = start("webhook", "cold-" + rate);
          LoadDriver driver = driver(server, ConnectionPool.API_SERVER_MAX_IDLE)) {
        Measurement burst = driver.run("cold 0->%d/s".formatted(rate), rate, timing.burst());
        report.measurement(burst);
        report.timeline(burst, timing.burst());
        long slow = burst.summary().slowerThan(1_000);
        report.target(
            "cold 0->%,d/s: requests over 1 s".formatted(rate),
            "0",
            Long.toString(slow),
            slow == 0);
        recoveryTarget("cold 0->%,d/s".formatted(rate), burst, timing.burst(), 0);
      }
    }
  }

  void startups() throws Exception {
    report.section("Start-up: process start to /readyz 200 (informer synced), and idle RSS");
    List<String> idle = new ArrayList<>();
    for (int i = 0; i < STARTS; i++) {
      try (ServerProcess server = start("webhook", "start-" + i)) {
        Thread.sleep(2_000);
        idle.add(server.memory().describe());
      }
    }
    report.text(
        "Idle RSS 2 s after readiness, %d starts: %s.".formatted(STARTS, String.join("; ", idle)));
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

  private ServerProcess start(String mode, String name) throws Exception {
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

  private LoadDriver driver(ServerProcess server, int maxIdle) {
    return new LoadDriver(server, tls, bodies, WEBHOOK_TIMEOUT, maxIdle);
  }

  /** Four rising steps, so that the JIT has compiled the request path before anything counts. */
  private void warmUp(LoadDriver driver) throws Exception {
    for (int rate : List.of(250, 500, 1_000, 2_000)) {
      report.measurement(driver.run("warm-up %d/s".formatted(rate), rate, timing.warmUpStep()));
    }
  }

  /** What a new connection costs the server: one review per connection, none reused. */
  private void connectionCost(ServerProcess server, Measurement reused) throws Exception {
    try (LoadDriver fresh = driver(server, 0)) {
      // Under the webhook's handshake budget of 50 per second, so that none is refused.
      Measurement m = fresh.run("a new connection per review, 40/s", 40, Duration.ofSeconds(15));
      report.measurement(m);
      report.text(
          "Server CPU per new TLS connection: about **%.0f µs** (a review on a kept-alive connection: %.0f µs)."
              .formatted(
                  m.serverCpuMicrosPerRequest() - reused.serverCpuMicrosPerRequest(),
                  reused.serverCpuMicrosPerRequest()));
    }
  }

  private void disturbed(LoadDriver driver, String name, Runnable stall) throws Exception {
    Thread.sleep(2_000);
    Measurement m =
        driver.run(
            "1000/s, " + name + " of 2 s at " + timing.disturbanceAt().toSeconds() + " s",
            1_000,
            timing.disturbed(),
            new TimedEvent(name, timing.disturbanceAt(), stall));
    report.measurement(m);
    report.timeline(m, timing.disturbed());
    recoveryTarget(
        "after a 2 s " + name,
        m,
        timing.disturbed(),
        (int) timing.disturbanceAt().plus(STALL).toSeconds());
  }

  private void recoveryTarget(String what, Measurement m, Duration length, int fromSecond) {
    int seconds =
        Measurement.secondsToSteady(
            m.perSecond(length), fromSecond, P99_AT_1000_MILLIS, HOLD_SECONDS);
    report.target(
        what + ": back to p99 <= 5 ms",
        "within 5 s",
        seconds < 0 ? "not within the run" : seconds + " s",
        seconds >= 0 && seconds <= SECONDS_TO_RECOVER);
  }

  private void target(String what, String target, double millis, double limit) {
    report.target(what, target, Report.ms(millis) + " ms", millis <= limit);
  }

  private static String lookupMetrics(String metrics) {
    return metrics
        .lines()
        .filter(l -> l.startsWith("pullsecret_secret_lookups_total"))
        .map(l -> l + "\n")
        .collect(Collectors.joining());
  }

  private static String mib(long kib) {
    return ServerProcess.Memory.mib(kib);
  }
}
