package com.tanhdev.pullsecret.load;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a review's time goes at the rates clusters send (tens a second), without an API server in
 * between: vegeta at 20/s against three servers in turns, each after a warm-up at 300/s. The
 * webhook as the image runs it; the same server stack (Jetty, TLS, Javalin) around a handler that
 * reads the body and answers a constant; and a small Go injector. The no-op's distance from the Go
 * injector is the stack's share of the webhook's, the webhook's from the no-op its own request
 * path's.
 */
final class LowRateScenario {

  private static final int RATE = 20;
  private static final int WARM_UP_RATE = 300;
  private static final int ROUNDS = 3;

  private static final String HEADER =
      """

      | Round | Server | p50 ms | p90 ms | p99 ms | Failed calls |
      | ---: | --- | ---: | ---: | ---: | --- |""";

  private final Duration step;
  private final ImageWebhook webhook;
  private final ServerStarts starts;
  private final VegetaAttack attack;
  private final Path goInjector;
  private final LoadCertificates certificates;
  private final Path workDir;
  private final Report report;

  LowRateScenario(
      Duration step,
      ImageWebhook webhook,
      ServerStarts starts,
      VegetaAttack attack,
      Path goInjector,
      LoadCertificates certificates,
      Path workDir,
      Report report) {
    this.step = step;
    this.webhook = webhook;
    this.starts = starts;
    this.attack = attack;
    this.goInjector = goInjector;
    this.certificates = certificates;
    this.workDir = workDir;
    this.report = report;
  }

  void run() throws Exception {
    report.section("At a low rate: the webhook, its server stack alone, and a Go injector");
    report.text(
        ("`vegeta attack %s`, open loop, %d/s for %d s against each server in turns, %d rounds,"
                + " after %d s at %d/s each.\n")
            .formatted(
                String.join(" ", VegetaAttack.CLIENT_FLAGS),
                RATE,
                step.toSeconds(),
                ROUNDS,
                step.toSeconds(),
                WARM_UP_RATE));
    try (ServerProcess ours = webhook.start("webhook-lowrate");
        ServerProcess noOp = starts.start("noop", "noop-lowrate");
        GoInjector go =
            GoInjector.start(
                goInjector, certificates.tlsDir(), workDir.resolve("go-injector-lowrate.log"))) {
      Map<String, InetSocketAddress> servers = new LinkedHashMap<>();
      servers.put("pullsecret-webhook", ours.webhookAddress());
      servers.put("server stack, no-op handler", noOp.webhookAddress());
      servers.put("Go injector", go.address());
      for (InetSocketAddress server : servers.values()) {
        attack.run(server, WARM_UP_RATE, step);
      }
      StringBuilder table = new StringBuilder(HEADER);
      Map<String, List<Double>> medians = new LinkedHashMap<>();
      for (int round = 1; round <= ROUNDS; round++) {
        for (Map.Entry<String, InetSocketAddress> server : servers.entrySet()) {
          VegetaReport result = attack.run(server.getValue(), RATE, step);
          medians.computeIfAbsent(server.getKey(), k -> new ArrayList<>()).add(result.p50());
          table.append(
              "\n| %d | %s | %s | %s | %s | %d |"
                  .formatted(
                      round,
                      server.getKey(),
                      Report.ms(result.p50()),
                      Report.ms(result.p90()),
                      Report.ms(result.p99()),
                      result.failedCount()));
        }
        ours.requireAlive();
        noOp.requireAlive();
      }
      report.text(table.toString());
      report.text(summary(medians));
    }
  }

  /** The median of each server's round p50s, and the differences the scenario is about. */
  private static String summary(Map<String, List<Double>> p50s) {
    List<Double> medians = p50s.values().stream().map(LowRateScenario::median).toList();
    double webhook = medians.get(0);
    double stack = medians.get(1);
    double go = medians.get(2);
    return ("\nMedian p50 over the rounds: webhook %s ms, server stack with a no-op handler %s ms,"
            + " Go injector %s ms. The stack's share (no-op minus Go): %s ms; the webhook's own"
            + " request path (webhook minus no-op): %s ms.\n")
        .formatted(
            Report.ms(webhook),
            Report.ms(stack),
            Report.ms(go),
            Report.ms(stack - go),
            Report.ms(webhook - stack));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
