package com.tanhdev.pullsecret.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a drill measured: the API server's own latency without the webhook, every scenario's
 * figures, and the objects stored without their pull secret at the end. Written as JSON for the
 * test that runs the drill, and as a table for people.
 */
record DrillReport(
    int restarts,
    double ratePerSecond,
    double baselineP50Millis,
    double baselineP99Millis,
    List<ScenarioResult> scenarios,
    List<String> storedWithoutSecret) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  void write(Path file) throws IOException {
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
  }

  static DrillReport read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), DrillReport.class);
  }

  /** A Markdown table, as docs/benchmarks.md quotes it. */
  String table() {
    StringBuilder table =
        new StringBuilder(
            "| scenario | calls | failed | stored without secret | API server unavailable"
                + " | p50 ms | p99 ms | added p99 ms |\n|---|---|---|---|---|---|---|---|\n");
    for (ScenarioResult s : scenarios) {
      table.append(
          "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f |%n"
              .formatted(
                  s.name(),
                  s.calls(),
                  s.failedAdmissions(),
                  s.storedWithoutSecret(),
                  s.apiServerUnavailable(),
                  s.p50Millis(),
                  s.p99Millis(),
                  s.addedP99Millis()));
    }
    return table
        .append(
            "%nAPI server alone (namespace left out): p50 %.1f ms, p99 %.1f ms; %d creates/s; %d"
                    .formatted(baselineP50Millis, baselineP99Millis, (int) ratePerSecond, restarts)
                + " rolling restarts; stored without secret at the end: "
                + storedWithoutSecret.size())
        .append('\n')
        .toString();
  }
}
