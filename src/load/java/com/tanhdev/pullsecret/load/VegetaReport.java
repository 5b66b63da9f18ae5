package com.tanhdev.pullsecret.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What {@code vegeta report -type=json} says about one attack: the rate answered with success
 * (vegeta's throughput), latencies in milliseconds, the status codes other than 200 (0 is a call
 * that got no response) and the distinct transport errors, without the method and URL vegeta puts
 * in front of each.
 */
record VegetaReport(
    int offered,
    double achieved,
    double p50,
    double p90,
    double p99,
    double max,
    Map<String, Long> failedStatuses,
    TreeSet<String> errors) {

  private static final double NANOS_PER_MILLI = 1e6;

  static VegetaReport parse(JsonNode json, int offered) {
    JsonNode latencies = json.get("latencies");
    Map<String, Long> failed = new TreeMap<>();
    json.get("status_codes")
        .properties()
        .forEach(
            e -> {
              if (!e.getKey().equals("200")) {
                failed.put(e.getKey(), e.getValue().asLong());
              }
            });
    TreeSet<String> errors = new TreeSet<>();
    json.get("errors")
        .forEach(e -> errors.add(e.asString().replaceFirst("^\\w+ \"[^\"]*\": ", "")));
    return new VegetaReport(
        offered,
        json.get("throughput").asDouble(),
        latencies.get("50th").asLong() / NANOS_PER_MILLI,
        latencies.get("90th").asLong() / NANOS_PER_MILLI,
        latencies.get("99th").asLong() / NANOS_PER_MILLI,
        latencies.get("max").asLong() / NANOS_PER_MILLI,
        failed,
        errors);
  }

  long failedCount() {
    return failedStatuses.values().stream().mapToLong(Long::longValue).sum();
  }

  /** "0", or the count with each status and the distinct error messages. */
  String errorText() {
    if (failedStatuses.isEmpty()) {
      return "0";
    }
    String statuses =
        failedStatuses.entrySet().stream()
            .map(
                e ->
                    (e.getKey().equals("0") ? "no response" : "HTTP " + e.getKey())
                        + " "
                        + e.getValue())
            .collect(Collectors.joining(", "));
    String messages = errors.isEmpty() ? "" : "; " + String.join("; ", errors);
    return failedCount() + " (" + statuses + messages + ")";
  }
}
