package com.tanhdev.pullsecret.http;

import java.util.concurrent.TimeUnit;

/**
 * The one place that says how long each phase of a connection may take. Each deadline is a total
 * for the phase, not a timeout per read, so a client that sends one byte a second cannot hold a
 * connection (and what it holds) longer than the phase allows. A well-behaved API server finishes
 * every phase in milliseconds; the numbers are far above that and still below what lets a stalled
 * client matter.
 */
final class TransportDeadlines {

  /**
   * The TLS handshake. It takes milliseconds of CPU; 5 s covers a busy node. The API server gives
   * up on a call after the webhook's timeoutSeconds (5 s in the chart, 30 s at most), so a
   * handshake slower than that has no one waiting for it.
   */
  static final long HANDSHAKE_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** Request line and headers, from their first byte: the API server sends them in one write. */
  static final long HEADERS_NANOS = TimeUnit.SECONDS.toNanos(5);

  /**
   * The whole body, from the end of the headers. 10 s moves the 7 MiB limit at under 1 MB/s; the
   * API server, which sends at most about 3 MiB, sends it in milliseconds.
   */
  static final long BODY_NANOS = TimeUnit.SECONDS.toNanos(10);

  /**
   * After its first second, a body must have arrived at this average rate. It closes a trickle
   * within about a second instead of ten, because what a body in progress holds counts against the
   * {@link RequestMemoryBudget} that every other request needs.
   */
  static final long MIN_BODY_BYTES_PER_SECOND = 32 * 1024;

  static final long BODY_RATE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * Bodies announced at this size or less are held to the whole-body deadline only, not to the
   * rate. Such a body (most reviews are a few KiB) arrives with its headers in a write or two, so
   * when it has not been read a second later, it is this process that is late (a busy node, a
   * worker waiting for a core), not the client; the roll-out drill saw that on a starved machine
   * end API server calls, which fail on a closed connection. What a trickled small body can hold is
   * small, and counted in the memory budget as it arrives.
   */
  static final long RATED_BODY_MIN_BYTES = 64 * 1024;

  /**
   * From the end of the body to the end of the answer: the decision (a cache lookup, or a live read
   * bounded by lookupTimeoutMillis) and the write. It ends a client that stops reading answers,
   * which would otherwise hold a worker thread in a blocked write.
   */
  static final long ANSWER_NANOS = TimeUnit.SECONDS.toNanos(10);

  /**
   * Between requests. Longer than kube-apiserver's 90 s idle timeout, so it is always the API
   * server that closes an idle connection, never a request racing our close.
   */
  static final long IDLE_MILLIS = 120_000;

  /**
   * Once the server is stopping, how long a kept-alive connection may sit idle before the server
   * closes it. Closing an idle connection races the API server's next request on it, and the API
   * server does not retry a POST that met a closed connection: that call fails. So the server
   * closes only connections the API server has left alone this long (in its last-used-first pool,
   * those are the ones it reaches for last), while a connection it still uses gets {@code
   * Connection: close} on its next answer and is closed by the API server itself. With Jetty's
   * default of 1 s, 1 call in 37,520 failed across 20 rolling restarts (docs/benchmarks.md,
   * roll-outs). The ones closed for idleness are reset ({@link ResettingEndPoint}), so a call that
   * races the close is refused unsent and resent. Shutdown waits up to this long, within the
   * chart's termination grace period.
   */
  static final long DRAIN_IDLE_MILLIS = 5_000;

  /** How often deadlines are checked: a phase ends at most this late. */
  static final long SWEEP_MILLIS = 250;

  private TransportDeadlines() {}

  /**
   * Whether a connection in {@code phase} for {@code ageNanos} has run out of time; in the body
   * phase, {@code bodyBytes} have been read of {@code announcedBodyBytes} (-1 when not announced).
   */
  static boolean isOverdue(
      ConnectionPhase phase, long ageNanos, long bodyBytes, long announcedBodyBytes) {
    return switch (phase) {
      case HANDSHAKE -> ageNanos > HANDSHAKE_NANOS;
      case HEADERS -> ageNanos > HEADERS_NANOS;
      case BODY ->
          ageNanos > BODY_NANOS
              || (isRated(announcedBodyBytes) && isBelowMinimumRate(ageNanos, bodyBytes));
      case ANSWER -> ageNanos > ANSWER_NANOS;
      case IDLE -> false; // Jetty's idle timeout, which any byte resets: none arrived
    };
  }

  private static boolean isRated(long announcedBodyBytes) {
    return announcedBodyBytes < 0 || announcedBodyBytes > RATED_BODY_MIN_BYTES;
  }

  private static boolean isBelowMinimumRate(long ageNanos, long bodyBytes) {
    long rated = ageNanos - BODY_RATE_GRACE_NANOS;
    return rated > 0 && bodyBytes < MIN_BODY_BYTES_PER_SECOND * rated / 1_000_000_000L;
  }
}
