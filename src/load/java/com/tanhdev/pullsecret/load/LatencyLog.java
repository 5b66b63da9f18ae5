package com.tanhdev.pullsecret.load;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every request of one run: when it was meant to be sent (nanoseconds after the run started), how
 * long after that its answer was complete, and how it ended. Latency counts from the intended send
 * time, so a request delayed by a slow server or a busy generator is charged its full wait. Request
 * {@code i} writes slot {@code i} only; read it after {@link OpenLoopGenerator} returns.
 */
final class LatencyLog {

  private final long[] intended;
  private final long[] latency;
  private final Outcome[] outcome;
  private final int[] status;
  private final int count;

  LatencyLog(int count) {
    this.count = count;
    intended = new long[count];
    latency = new long[count];
    outcome = new Outcome[count];
    status = new int[count];
  }

  void record(int request, long intendedNanos, long latencyNanos, Outcome result, int statusCode) {
    intended[request] = intendedNanos;
    latency[request] = latencyNanos;
    outcome[request] = result;
    status[request] = statusCode;
  }

  int count() {
    return count;
  }

  /** The requests meant to be sent in {@code [fromNanos, toNanos)}. */
  LatencySummary summarize(long fromNanos, long toNanos) {
    long[] latencies = new long[count];
    int n = 0;
    int ok = 0;
    long lastCompletion = fromNanos;
    long firstIntended = Long.MAX_VALUE;
    Map<Outcome, Integer> errors = new EnumMap<>(Outcome.class);
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      if (outcome[i] == null || intended[i] < fromNanos || intended[i] >= toNanos) {
        continue;
      }
      latencies[n++] = latency[i];
      firstIntended = Math.min(firstIntended, intended[i]);
      lastCompletion = Math.max(lastCompletion, intended[i] + latency[i]);
      if (outcome[i] == Outcome.OK) {
        ok++;
      } else {
        errors.merge(outcome[i], 1, Integer::sum);
      }
      if (status[i] > 0 && status[i] != 200) {
        statuses.merge(status[i], 1, Integer::sum);
      }
    }
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    double seconds =
        Math.max(toNanos - fromNanos, lastCompletion - Math.min(firstIntended, toNanos)) / 1e9;
    return new LatencySummary(n, ok, n == 0 ? 0 : ok / seconds, sorted, errors, statuses);
  }

  /** One summary per {@code windowNanos} of intended send time. */
  LatencySummary[] windows(long runNanos, long windowNanos) {
    int windows = (int) ((runNanos + windowNanos - 1) / windowNanos);
    LatencySummary[] result = new LatencySummary[windows];
    for (int w = 0; w < windows; w++) {
      result[w] = summarize(w * windowNanos, (w + 1) * windowNanos);
    }
    return result;
  }
}
