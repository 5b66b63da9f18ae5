package com.tanhdev.pullsecret.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenarios on freshly started servers: bursts at full rate from the first second, and start-ups.
 */
final class ColdStarts {

  private static final int STARTS = 5;

  private final Timing timing;
  private final ServerStarts starts;
  private final Report report;

  ColdStarts(Timing timing, ServerStarts starts, Report report) {
    this.timing = timing;
    this.starts = starts;
    this.report = report;
  }

  void coldBursts() throws Exception {
    report.section("Cold bursts: a freshly started server, at full rate from the first second");
    for (int rate : List.of(1_000, 2_000)) {
      try (ServerProcess server = starts.start("webhook", "cold-" + rate);
          LoadDriver driver = starts.driver(server, ConnectionPool.API_SERVER_MAX_IDLE)) {
        Measurement burst = driver.run("cold 0->%d/s".formatted(rate), rate, timing.burst());
        report.measurement(burst);
        report.timeline(burst, timing.burst());
        long slow = burst.summary().slowerThan(1_000);
        report.target(
            "cold 0->%,d/s: requests over 1 s".formatted(rate),
            "0",
            Long.toString(slow),
            slow == 0);
        RecoveryTarget.check(report, "cold 0->%,d/s".formatted(rate), burst, timing.burst(), 0);
      }
    }
  }

  void startups() throws Exception {
    report.section("Start-up: process start to /readyz 200 (informer synced), and idle RSS");
    List<String> idle = new ArrayList<>();
    for (int i = 0; i < STARTS; i++) {
      try (ServerProcess server = starts.start("webhook", "start-" + i)) {
        Thread.sleep(2_000);
        idle.add(server.memory().describe());
      }
    }
    report.text(
        "Idle RSS 2 s after readiness, %d starts: %s.".formatted(STARTS, String.join("; ", idle)));
  }
}
