package com.tanhdev.pullsecret.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends reviews at a fixed offered rate whatever the server does (open loop): request {@code i} is
 * due at {@code i / rate} seconds, is handed to its own thread at that moment, and its latency is
 * measured from that moment. A slow server therefore meets more concurrent requests, as the API
 * server's would, and needs more connections.
 */
final class OpenLoopGenerator implements AutoCloseable {

  /** Several seconds of a few thousand requests per second all waiting. */
  private static final int MAX_IN_FLIGHT = 8_000;

  private final ConnectionPool pool;
  private final ReviewBodies bodies;
  private final String headTemplate;
  private final int timeoutMillis;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService senders = LightThreads.perTask("sender");

  /** {@code timeout}: the webhook's {@code timeoutSeconds}, after which the API server gives up. */
  OpenLoopGenerator(
      ConnectionPool pool, ReviewBodies bodies, InetSocketAddress server, Duration timeout) {
    this.pool = pool;
    this.bodies = bodies;
    this.timeoutMillis = (int) timeout.toMillis();
    // The headers Go's client and kube-apiserver's webhook client send.
    this.headTemplate =
        "POST /mutate?timeout="
            + timeout.toSeconds()
            + "s HTTP/1.1\r\n"
            + "Host: "
            + server.getHostString()
            + ":"
            + server.getPort()
            + "\r\n"
            + "User-Agent: kube-apiserver-admission\r\n"
            + "Content-Length: %d\r\n"
            + "Accept: application/json, */*\r\n"
            + "Content-Type: application/json\r\n"
            + "Accept-Encoding: gzip\r\n\r\n";
  }

  /**
   * Sends {@code rate * duration} requests on schedule, runs each event at its offset from the
   * start (on its own thread, so it cannot delay the schedule), then waits for the last answer.
   */
  LatencyLog run(double rate, Duration duration, List<TimedEvent> events)
      throws InterruptedException {
    int count = (int) Math.round(rate * duration.toNanos() / 1e9);
    LatencyLog log = new LatencyLog(count);
    double intervalNanos = 1e9 / rate;
    long start = System.nanoTime();
    List<Thread> eventThreads = events.stream().map(e -> e.startAfter(start)).toList();
    for (int i = 0; i < count; i++) {
      long due = start + (long) (i * intervalNanos);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int request = i;
      if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
        log.record(request, due - start, System.nanoTime() - due, Outcome.NOT_SENT, 0);
        inFlight.decrementAndGet();
        continue;
      }
      try {
        senders.execute(() -> send(log, request, due, start));
      } catch (RejectedExecutionException e) {
        log.record(request, due - start, System.nanoTime() - due, Outcome.NOT_SENT, 0);
        inFlight.decrementAndGet();
      }
    }
    long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis + 5_000L);
    while (inFlight.get() > 0 && System.nanoTime() < giveUp) {
      Thread.sleep(5);
    }
    for (Thread event : eventThreads) {
      event.join(timeoutMillis);
    }
    return log;
  }

  private void send(LatencyLog log, int request, long due, long start) {
    Outcome outcome = Outcome.FAILED;
    int status = 0;
    HttpsConnection connection = null;
    try {
      byte[] body = bodies.next();
      byte[] head = headTemplate.formatted(body.length).getBytes(StandardCharsets.US_ASCII);
      connection = pool.take(TimeUnit.MILLISECONDS.toNanos(remainingMillis(due)));
      status = connection.exchange(head, body, remainingMillis(due));
      outcome = status == 200 ? Outcome.OK : Outcome.STATUS;
      pool.giveBack(connection);
      connection = null;
    } catch (SocketTimeoutException e) {
      outcome = Outcome.TIMEOUT;
    } catch (IOException | RuntimeException e) {
      outcome = System.nanoTime() - due >= timeoutNanos() ? Outcome.TIMEOUT : Outcome.FAILED;
    } finally {
      if (connection != null) {
        pool.discard(connection);
      }
      log.record(request, due - start, System.nanoTime() - due, outcome, status);
      inFlight.decrementAndGet();
    }
  }

  private int remainingMillis(long due) throws SocketTimeoutException {
    long left = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - due);
    if (left <= 0) {
      throw new SocketTimeoutException("the webhook timeout passed before the answer");
    }
    return (int) left;
  }

  private long timeoutNanos() {
    return TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  @Override
  public void close() {
    senders.shutdownNow();
    pool.close();
  }
}
