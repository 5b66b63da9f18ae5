package com.tanhdev.pullsecret.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Per-second latencies from {@code vegeta encode -to=csv}, whose lines start with the call's start
 * (Unix nanoseconds), its status and its latency (nanoseconds). Failed calls count with the latency
 * vegeta gave them: a refused dial is fast, a timeout is 5 s.
 */
final class VegetaSeconds {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private VegetaSeconds() {}

  /**
   * The p99 of the calls started in each second from the first call, in milliseconds; infinite when
   * more than 1% of them failed.
   */
  static List<Double> p99PerSecond(List<String> csvLines) {
    long first = Long.MAX_VALUE;
    List<long[]> calls = new ArrayList<>(csvLines.size());
    for (String line : csvLines) {
      String[] fields = line.split(",", 4);
      long start = Long.parseLong(fields[0]);
      boolean answered = fields[1].equals("200");
      calls.add(new long[] {start, answered ? Long.parseLong(fields[2]) : Long.MAX_VALUE});
      first = Math.min(first, start);
    }
    TreeMap<Long, List<Long>> bySecond = new TreeMap<>();
    for (long[] call : calls) {
      bySecond.computeIfAbsent((call[0] - first) / NANOS_PER_SECOND, s -> new ArrayList<>());
      bySecond.get((call[0] - first) / NANOS_PER_SECOND).add(call[1]);
    }
    List<Double> p99 = new ArrayList<>();
    for (List<Long> latencies : bySecond.values()) {
      long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      long nanos = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
      p99.add(nanos == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : nanos / 1e6);
    }
    return p99;
  }

  /**
   * The first second from which every second's p99 is at most {@code millis}, or -1 when the last
   * second is above it.
   */
  static int steadyFrom(List<Double> p99PerSecond, double millis) {
    int from = p99PerSecond.size();
    while (from > 0 && p99PerSecond.get(from - 1) <= millis) {
      from--;
    }
    return from == p99PerSecond.size() ? -1 : from;
  }
}
