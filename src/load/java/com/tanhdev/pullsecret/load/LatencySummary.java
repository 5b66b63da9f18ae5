package com.tanhdev.pullsecret.load;

import java.util.Map;

/**
 * Latency percentiles of a set of requests, errors included at the time they took to fail.
 *
 * @param requests requests meant to be sent
 * @param ok requests answered with HTTP 200
 * @param achievedPerSecond 200 answers per second, over the longer of the send window and the time
 *     until the last answer
 * @param sortedNanos every latency, ascending
 * @param errors requests that did not get a 200, by outcome
 * @param statuses non-200 status codes seen, with their counts
 */
record LatencySummary(
    int requests,
    int ok,
    double achievedPerSecond,
    long[] sortedNanos,
    Map<Outcome, Integer> errors,
    Map<Integer, Integer> statuses) {

  int errorCount() {
    return requests - ok;
  }

  /** The latency at quantile {@code q} (0-1) in milliseconds, or 0 without requests. */
  double millisAt(double q) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(q * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }

  double maxMillis() {
    return sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6;
  }

  /** Requests slower than {@code millis}. */
  long slowerThan(double millis) {
    long limit = (long) (millis * 1e6);
    long slower = 0;
    for (int i = sortedNanos.length - 1; i >= 0 && sortedNanos[i] > limit; i--) {
      slower++;
    }
    return slower;
  }

  String errorText() {
    if (errorCount() == 0) {
      return "0";
    }
    StringBuilder text = new StringBuilder().append(errorCount()).append(" (");
    errors.forEach(
        (outcome, n) ->
            text.append(outcome.name().toLowerCase()).append(' ').append(n).append(", "));
    statuses.forEach(
        (code, n) -> text.append("HTTP ").append(code).append(' ').append(n).append(", "));
    text.setLength(text.length() - 2);
    return text.append(')').toString();
  }
}
