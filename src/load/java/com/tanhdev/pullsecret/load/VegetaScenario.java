package com.tanhdev.pullsecret.load;

import java.time.Duration;
import java.util.List;

/**
 * The webhook under an independent generator: vegeta, Go's {@code net/http} client as
 * kube-apiserver uses it, at rising open-loop rates on one warm server. A check on the Java
 * generator's numbers, not a replacement: vegeta measures from its own scheduler, with its own
 * pauses.
 */
final class VegetaScenario {

  private static final List<Integer> RATES = List.of(500, 1_000, 2_000);

  private static final String HEADER =
      """

      | Run | Offered/s | Achieved/s | p50 ms | p90 ms | p99 ms | max ms | Failed calls |
      | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |""";

  private final Duration step;
  private final ServerStarts starts;
  private final VegetaAttack attack;
  private final Report report;

  VegetaScenario(Duration step, ServerStarts starts, VegetaAttack attack, Report report) {
    this.step = step;
    this.starts = starts;
    this.attack = attack;
    this.report = report;
  }

  void run() throws Exception {
    report.section("vegeta: Go's net/http client against the webhook");
    report.text(
        "`vegeta attack %s`, open loop, %d s a rate, every review with its own uid.\n"
            .formatted(String.join(" ", VegetaAttack.CLIENT_FLAGS), step.toSeconds()));
    try (ServerProcess server = starts.start("webhook", "webhook-vegeta")) {
      StringBuilder table = new StringBuilder(HEADER);
      for (int rate : RATES) {
        VegetaReport result = attack.run(server.webhookAddress(), rate, step);
        server.requireAlive();
        String row = row(result);
        System.err.println(row);
        table.append('\n').append(row);
      }
      report.text(table.toString());
    }
  }

  private static String row(VegetaReport r) {
    return "| vegeta %d/s | %d | %.0f | %s | %s | %s | %s | %s |"
        .formatted(
            r.offered(),
            r.offered(),
            r.achieved(),
            Report.ms(r.p50()),
            Report.ms(r.p90()),
            Report.ms(r.p99()),
            Report.ms(r.max()),
            r.errorText());
  }
}
