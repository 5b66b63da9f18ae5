package com.tanhdev.pullsecret.load;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The scenarios on a warmed-up server: the no-op ceiling, and the webhook's steady rates,
 * connection cost, stalls and maximum rate. Each records its numbers and the targets it checks.
 * Fresh starts are {@link ColdStarts}.
 */
final class Scenarios {

  private static final Duration STALL = Duration.ofSeconds(2);
  private static final double P99_AT_500_MILLIS = 2;
  private static final double P99_AT_1000_MILLIS = 5;

  private final Timing timing;
  private final ServerStarts starts;
  private final MockApiServer api;
  private final Report report;

  Scenarios(Timing timing, ServerStarts starts, MockApiServer api, Report report) {
    this.timing = timing;
    this.starts = starts;
    this.api = api;
    this.report = report;
  }

  /** The no-op handler's maximum sustainable rate on the same stack. */
  double ceiling() throws Exception {
    report.section("Ceiling: no-op handler on the same server stack");
    try (ServerProcess server = starts.start("noop", "noop");
        LoadDriver driver = starts.driver(server, ConnectionPool.API_SERVER_MAX_IDLE)) {
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
    try (ServerProcess server = starts.start("webhook", "webhook-warm")) {
      Thread.sleep(2_000);
      ServerProcess.Memory idle = server.memory();
      long idleKib = idle.rssKib();
      try (LoadDriver driver = starts.driver(server, ConnectionPool.API_SERVER_MAX_IDLE)) {
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

  /** Four rising steps, so that the JIT has compiled the request path before anything counts. */
  private void warmUp(LoadDriver driver) throws Exception {
    for (int rate : List.of(250, 500, 1_000, 2_000)) {
      report.measurement(driver.run("warm-up %d/s".formatted(rate), rate, timing.warmUpStep()));
    }
  }

  /** What a new connection costs the server: one review per connection, none reused. */
  private void connectionCost(ServerProcess server, Measurement reused) throws Exception {
    try (LoadDriver fresh = starts.driver(server, 0)) {
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
    RecoveryTarget.check(
        report,
        "after a 2 s " + name,
        m,
        timing.disturbed(),
        (int) timing.disturbanceAt().plus(STALL).toSeconds());
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
