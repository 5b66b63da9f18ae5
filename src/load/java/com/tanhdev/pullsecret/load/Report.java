package com.tanhdev.pullsecret.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The markdown the load run prints: a targets table first, then every measurement. */
final class Report {

  private static final String MEASUREMENT_HEADER =
      """
      | Run | Offered/s | Achieved/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | Errors | New TLS connections | Most open | CPU µs/review server | generator |
      | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |
      """;

  private final List<String> targets = new ArrayList<>();
  private final StringBuilder details = new StringBuilder();
  private boolean inTable;

  void section(String title) {
    endTable();
    details.append("\n### ").append(title).append("\n\n");
    System.err.println("== " + title);
  }

  void text(String line) {
    endTable();
    details.append(line).append('\n');
    System.err.println(line);
  }

  void measurement(Measurement m) {
    if (!inTable) {
      details.append(MEASUREMENT_HEADER);
      inTable = true;
    }
    LatencySummary s = m.summary();
    String row =
        "| %s | %.0f | %.0f | %s | %s | %s | %s | %s | %s | %d | %d | %.0f | %.0f |"
            .formatted(
                m.name(),
                m.rate(),
                s.achievedPerSecond(),
                ms(s.millisAt(0.5)),
                ms(s.millisAt(0.9)),
                ms(s.millisAt(0.99)),
                ms(s.millisAt(0.999)),
                ms(s.maxMillis()),
                s.errorText(),
                m.newConnections(),
                m.mostOpenConnections(),
                m.serverCpuMicrosPerRequest(),
                m.generatorCpuMicrosPerRequest());
    details.append(row).append('\n');
    System.err.println(row);
  }

  /** The p99 and max of each second of a run, by intended send time. */
  void timeline(Measurement m, Duration runLength) {
    StringBuilder p99 = new StringBuilder();
    StringBuilder max = new StringBuilder();
    for (LatencySummary second : m.perSecond(runLength)) {
      p99.append(p99.length() == 0 ? "" : ", ").append(ms(second.millisAt(0.99)));
      max.append(max.length() == 0 ? "" : ", ").append(ms(second.maxMillis()));
    }
    text("- " + m.name() + ", p99 per second (ms): " + p99);
    text("- " + m.name() + ", max per second (ms): " + max);
  }

  void target(String what, String target, String measured, boolean met) {
    targets.add("| %s | %s | %s | %s |".formatted(what, target, measured, met ? "yes" : "**no**"));
    System.err.println(
        "target: " + what + " " + target + " -> " + measured + (met ? " (met)" : " (MISSED)"));
  }

  String markdown() {
    endTable();
    StringBuilder all =
        new StringBuilder(
            "### Targets\n\n| What | Target | Measured | Met |\n| --- | --- | --- | --- |\n");
    targets.forEach(t -> all.append(t).append('\n'));
    return all.append(details).toString();
  }

  static String ms(double millis) {
    return millis < 10
        ? String.format(Locale.ROOT, "%.2f", millis)
        : String.format(Locale.ROOT, "%.0f", millis);
  }

  private void endTable() {
    if (inTable) {
      details.append('\n');
      inTable = false;
    }
  }
}
