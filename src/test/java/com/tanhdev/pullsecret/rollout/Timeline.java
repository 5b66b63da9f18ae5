package com.tanhdev.pullsecret.rollout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The scenarios of a drill in the order they ran, each with its time window, so that every create
 * of the steady stream is counted in the scenario it ended in: a create that started just before a
 * replica was killed reaches the webhook after, and fails because of the kill.
 */
final class Timeline {

  /** A scenario's body; it records its own figures in {@code extra}. */
  interface Step {
    void run(Map<String, Double> extra) throws Exception;
  }

  private record Window(
      String name,
      long fromNanos,
      long toNanos,
      Long recoveryFromNanos,
      Map<String, Double> extra) {}

  private static final int MESSAGE_TAIL = 120;

  private final List<Window> windows = new ArrayList<>();
  private Long recoveryFromNanos;

  void run(String name, Step step) throws Exception {
    DrillLog.event("scenario: %s", name);
    Map<String, Double> extra = new LinkedHashMap<>();
    recoveryFromNanos = null;
    long from = System.nanoTime();
    step.run(extra);
    windows.add(new Window(name, from, System.nanoTime(), recoveryFromNanos, extra));
  }

  /**
   * Called by a step at the moment it breaks something: its result then tells when the last failed
   * admission after this moment ended ({@code lastFailureMillisAfterBreak}, 0 for none).
   */
  void measureRecoveryFromNow() {
    recoveryFromNanos = System.nanoTime();
  }

  List<ScenarioResult> results(List<CallRecord> calls, double baselineP99Millis) {
    calls.stream()
        .filter(call -> call.outcome() != CallOutcome.INJECTED)
        .forEach(
            call ->
                System.out.printf(
                    "%9.3f s  call failed after %.0f ms: %s %s%n",
                    DrillLog.secondsAt(call.startNanos()),
                    call.latencyNanos() / 1e6,
                    call.outcome(),
                    call.detail()));
    List<ScenarioResult> results = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      Window window = windows.get(i);
      // The first and last windows are open-ended: every call of the stream counts somewhere.
      long from = i == 0 ? Long.MIN_VALUE : window.fromNanos;
      long to = i == windows.size() - 1 ? Long.MAX_VALUE : window.toNanos;
      List<CallRecord> in = calls.stream().filter(c -> c.endedIn(from, to)).toList();
      double p99 = percentileMillis(in, 0.99);
      Map<String, Double> extra = new LinkedHashMap<>(window.extra);
      if (window.recoveryFromNanos != null) {
        extra.put(
            "lastFailureMillisAfterBreak", lastFailureMillisAfter(in, window.recoveryFromNanos));
      }
      results.add(
          new ScenarioResult(
              window.name,
              in.size(),
              count(in, CallOutcome.INJECTED),
              (int) in.stream().filter(CallRecord::isFailedAdmission).count(),
              count(in, CallOutcome.STORED_WITHOUT_SECRET),
              count(in, CallOutcome.API_SERVER_UNAVAILABLE),
              percentileMillis(in, 0.50),
              p99,
              in.isEmpty() ? 0 : p99 - baselineP99Millis,
              extra,
              failureMessages(in)));
    }
    return results;
  }

  /** The {@code quantile} of the latencies of {@code calls}, nearest rank, in milliseconds. */
  static double percentileMillis(List<CallRecord> calls, double quantile) {
    if (calls.isEmpty()) {
      return 0;
    }
    List<Long> sorted = calls.stream().map(CallRecord::latencyNanos).sorted().toList();
    int rank = (int) Math.ceil(quantile * sorted.size());
    long nanos = sorted.get(Math.max(0, rank - 1));
    return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }

  /**
   * Failed admissions that met a closed connection ({@code EOF} or a reset) and ended within a
   * second after one of {@code sigterms}: calls sent on a connection the stopping replica closed as
   * the call went out. About one stop in 25 did so before idle connections were closed by reset
   * (docs/benchmarks.md, roll-outs); the drill reports them apart, to tell this race from others.
   */
  static int failuresAtSigterm(List<CallRecord> calls, List<Long> sigterms) {
    long second = TimeUnit.SECONDS.toNanos(1);
    return (int)
        calls.stream()
            .filter(c -> c.isFailedAdmission() && metClosedConnection(c.detail()))
            .filter(
                c ->
                    sigterms.stream()
                        .anyMatch(t -> c.endNanos() >= t && c.endNanos() <= t + second))
            .count();
  }

  private static boolean metClosedConnection(String detail) {
    return detail.endsWith("EOF") || detail.endsWith("connection reset by peer");
  }

  /** When the last failed admission of {@code calls} ended, in ms after {@code sinceNanos}. */
  private static double lastFailureMillisAfter(List<CallRecord> calls, long sinceNanos) {
    return calls.stream()
        .filter(c -> c.isFailedAdmission() && c.endNanos() >= sinceNanos)
        .max(Comparator.comparingLong(CallRecord::endNanos))
        .map(c -> (c.endNanos() - sinceNanos) / 1e6)
        .orElse(0.0);
  }

  private static int count(List<CallRecord> calls, CallOutcome outcome) {
    return (int) calls.stream().filter(c -> c.outcome() == outcome).count();
  }

  /**
   * Each distinct failure message and how often it came. The API server's messages begin with the
   * webhook and its URL and end with the cause, so the end is what is kept.
   */
  private static Map<String, Integer> failureMessages(List<CallRecord> calls) {
    Map<String, Integer> messages = new TreeMap<>();
    for (CallRecord call : calls) {
      if (call.outcome() != CallOutcome.INJECTED) {
        String detail = call.detail();
        String cause = detail.substring(Math.max(0, detail.length() - MESSAGE_TAIL));
        messages.merge(call.outcome() + ": ..." + cause, 1, Integer::sum);
      }
    }
    return messages;
  }
}
