package com.tanhdev.pullsecret.load;

import java.util.Arrays;

/** Percentiles of a set of durations, in milliseconds. */
record Spread(long[] sortedNanos) {

  static Spread of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Spread(sorted);
  }

  /** {@code ends[i] - starts[i]} for every i. */
  static Spread between(long[] starts, long[] ends) {
    long[] nanos = new long[starts.length];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = ends[i] - starts[i];
    }
    return of(nanos);
  }

  /** The value at quantile {@code q} (0-1), nearest rank. */
  double millisAt(double q) {
    int index = (int) Math.ceil(q * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }

  double maxMillis() {
    return sortedNanos[sortedNanos.length - 1] / 1e6;
  }

  /** p50, p90, p99 and max as table cells. */
  String cells() {
    return "%s | %s | %s | %s"
        .formatted(ms(millisAt(0.5)), ms(millisAt(0.9)), ms(millisAt(0.99)), ms(maxMillis()));
  }

  static String ms(double millis) {
    return millis >= 100 ? "%.0f".formatted(millis) : "%.1f".formatted(millis);
  }
}
