package com.tanhdev.pullsecret.load;

import java.time.Duration;

/**
 * One generator run against one server.
 *
 * @param name what the report calls it
 * @param rate offered requests per second
 * @param log every request
 * @param summary all requests of the run
 * @param newConnections TLS connections dialled during the run
 * @param mostOpenConnections the most connections open at once
 * @param serverCpu CPU time the server process used during the run
 * @param generatorCpu CPU time the generator (this process) used during the run
 */
record Measurement(
    String name,
    double rate,
    LatencyLog log,
    LatencySummary summary,
    long newConnections,
    long mostOpenConnections,
    Duration serverCpu,
    Duration generatorCpu) {

  /** Server CPU per request in microseconds. */
  double serverCpuMicrosPerRequest() {
    return summary.requests() == 0 ? 0 : serverCpu.toNanos() / 1e3 / summary.requests();
  }

  /** Generator CPU per request in microseconds: it shares the machine with the server. */
  double generatorCpuMicrosPerRequest() {
    return summary.requests() == 0 ? 0 : generatorCpu.toNanos() / 1e3 / summary.requests();
  }

  /** Per-second latency summaries by intended send time. */
  LatencySummary[] perSecond(Duration runLength) {
    return log.windows(runLength.toNanos(), 1_000_000_000L);
  }

  /**
   * Whole seconds after {@code fromSecond} until the per-second p99 is at or under {@code
   * p99Millis} with no errors and stays there for {@code holdSeconds} (or to the end of the run);
   * -1 if that never happens.
   */
  static int secondsToSteady(
      LatencySummary[] seconds, int fromSecond, double p99Millis, int holdSeconds) {
    for (int start = fromSecond; start < seconds.length; start++) {
      int end = Math.min(seconds.length, start + holdSeconds);
      boolean held = true;
      for (int s = start; s < end && held; s++) {
        held = seconds[s].errorCount() == 0 && seconds[s].millisAt(0.99) <= p99Millis;
      }
      if (held) {
        return start - fromSecond;
      }
    }
    return -1;
  }
}
