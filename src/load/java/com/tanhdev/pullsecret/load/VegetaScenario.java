package com.tanhdev.pullsecret.load;

import java.time.Duration;
import java.util.List;

/**
 * The webhook under an independent generator: vegeta, Go's {@code net/http} client as
 * kube-apiserver uses it, at rising open-loop rates on one warm server, then an overload that drops
 * back: 4,000/s, and from the moment it stops sending, 1,000/s for twice as long (a second vegeta
 * takes over while the first still waits for its answers). A check on the Java generator's numbers,
 * not a replacement: vegeta measures from its own scheduler, with its own pauses.
 */
final class VegetaScenario {

  private static final List<Integer> RATES = List.of(500, 1_000, 2_000);

  /** The overload, and the rate it drops back to. */
  private static final int OVERLOAD = 4_000;

  private static final int DROPPED_BACK = 1_000;

  /** After the drop, each second's p99 must be at most this within {@link #RECOVER_SECONDS}. */
  private static final double RECOVERED_P99_MILLIS = 25;

  private static final int RECOVER_SECONDS = 5;

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
        if (rate == RATES.get(RATES.size() - 1)) {
          report.target(
              "vegeta %d/s: failed calls".formatted(rate),
              "0",
              String.valueOf(result.failedCount()),
              result.failedCount() == 0);
        }
      }
      stepDown(server, table);
    }
  }

  private void stepDown(ServerProcess server, StringBuilder table) throws Exception {
    long dropAt = System.nanoTime() + step.toNanos();
    VegetaAttack.Running overload =
        attack.start(server.webhookAddress(), OVERLOAD, step, OVERLOAD + "-overload");
    long wait = dropAt - System.nanoTime();
    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    VegetaAttack.Running after =
        attack.start(
            server.webhookAddress(), DROPPED_BACK, step.multipliedBy(2), DROPPED_BACK + "-after");
    VegetaReport overloaded = overload.finish();
    VegetaReport recovering = after.finish();
    server.requireAlive();
    table.append('\n').append(row(overloaded).replace("| vegeta ", "| vegeta overload "));
    table
        .append('\n')
        .append(row(recovering).replace("| vegeta ", "| vegeta after the overload, "));
    report.text(table.toString());
    List<Double> p99 = after.p99PerSecond();
    int steadyFrom = VegetaSeconds.steadyFrom(p99, RECOVERED_P99_MILLIS);
    report.text(
        "\n- %d/s after %d/s, p99 per second (ms; failed: over 1%% of calls failed): %s"
            .formatted(
                DROPPED_BACK,
                OVERLOAD,
                String.join(", ", p99.stream().map(VegetaScenario::p99Text).toList())));
    report.target(
        "vegeta, %d/s after %d/s: every second's p99 <= %.0f ms"
            .formatted(DROPPED_BACK, OVERLOAD, RECOVERED_P99_MILLIS),
        "from second " + RECOVER_SECONDS + " at the latest",
        steadyFrom < 0 ? "not within the run" : "from second " + steadyFrom,
        steadyFrom >= 0 && steadyFrom <= RECOVER_SECONDS);
  }

  private static String p99Text(double millis) {
    return Double.isInfinite(millis) ? "failed" : Report.ms(millis);
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
