package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Every open webhook connection with its phase, and the sweep that ends the ones past their phase's
 * deadline ({@link TransportDeadlines}). A connector bean: the {@link ConnectionGate} tells it of
 * each connection opened and closed, Jetty of each finished handshake, and Jetty starts and stops
 * it with the connector. A connection leaves it the moment it is chosen to be closed, so that
 * {@link #size()} counts only connections that stay.
 */
final class ConnectionPhases extends ContainerLifeCycle implements SslHandshakeListener {

  private final Map<SslConnection, TrackedConnection> open = new ConcurrentHashMap<>();
  private final Scheduler scheduler = new ScheduledExecutorScheduler("webhook-deadlines", true);
  private final Executor executor;
  private final LongSupplier clock;
  private final WebhookMetrics metrics;
  private final ThrottledWarning warning =
      new ThrottledWarning(ConnectionPhases.class, "ended connections past a phase deadline");
  private volatile Scheduler.Task sweep;

  /**
   * @param executor runs the 408 answers of timed-out bodies (the webhook's worker threads)
   */
  ConnectionPhases(Executor executor, LongSupplier clock, WebhookMetrics metrics) {
    addBean(scheduler);
    this.executor = executor;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    scheduleSweep();
  }

  @Override
  protected void doStop() throws Exception {
    Scheduler.Task task = sweep;
    if (task != null) {
      task.cancel();
    }
    super.doStop();
  }

  void opened(SslConnection tls) {
    open.put(tls, new TrackedConnection(tls, clock));
  }

  /** Forgets a connection that closed, or that is about to be closed. */
  void closed(SslConnection tls) {
    open.remove(tls);
  }

  @Override
  public void handshakeSucceeded(Event event) {
    TrackedConnection tracked = of(event.getEndPoint());
    if (tracked != null) {
      tracked.handshakeSucceeded();
    }
  }

  /** The tracked connection a request arrived on (its plaintext HTTP connection), or null. */
  TrackedConnection of(Connection http) {
    return http == null ? null : of(http.getEndPoint());
  }

  int size() {
    return open.size();
  }

  /**
   * Closes the connection that is the cheapest to lose ({@link TrackedConnection#evictionRank})
   * and, among those, has waited longest. Under a flood of stalled clients, a new connection
   * replaces the most stalled one instead of being refused; idle kept-alive connections and
   * requests being answered are never chosen.
   *
   * @param arriving the new connection that needs the room, never chosen
   * @return whether one was closed
   */
  boolean evictMostStalled(Connection arriving) {
    // Connections opened at once may choose the same one; the loser chooses again.
    for (int attempt = 0; attempt < 8; attempt++) {
      TrackedConnection chosen = mostStalled(arriving);
      if (chosen == null) {
        return false;
      }
      if (open.remove(chosen.tlsConnection()) != null) {
        metrics.connectionEvicted(chosen.phase().label());
        chosen.close();
        return true;
      }
    }
    return false;
  }

  private TrackedConnection mostStalled(Connection arriving) {
    TrackedConnection chosen = null;
    int chosenRank = Integer.MAX_VALUE;
    for (TrackedConnection candidate : open.values()) {
      int rank = candidate.evictionRank();
      if (rank >= 0
          && candidate.tlsConnection() != arriving
          && (rank < chosenRank || (rank == chosenRank && candidate.since() < chosen.since()))) {
        chosen = candidate;
        chosenRank = rank;
      }
    }
    return chosen;
  }

  private TrackedConnection of(EndPoint endPoint) {
    return endPoint instanceof SslConnection.SslEndPoint tls
        ? open.get(tls.getSslConnection())
        : null;
  }

  private void scheduleSweep() {
    if (isRunning() || isStarting()) {
      sweep =
          scheduler.schedule(
              this::sweepNow, TransportDeadlines.SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void sweepNow() {
    try {
      long now = clock.getAsLong();
      for (TrackedConnection connection : open.values()) {
        connection.noticeRequestBytes();
        ConnectionPhase phase = connection.phase(); // before since(): see TrackedConnection
        long age = now - connection.since();
        if (TransportDeadlines.isOverdue(
            phase, age, connection.bodyBytes(), connection.announcedBodyBytes())) {
          end(connection, phase);
        }
      }
    } finally {
      scheduleSweep();
    }
  }

  /**
   * A body in progress is answered 408 by its reader, on a worker thread because the sweep must
   * never block on a client's socket; the answer phase's deadline then bounds that answer too.
   * Every other phase just closes.
   */
  private void end(TrackedConnection connection, ConnectionPhase phase) {
    metrics.connectionTimedOut(phase.label());
    warning.warn("the last in phase " + phase.label());
    TrackedConnection.BodyTimeout reader = connection.bodyTimeout();
    if (phase == ConnectionPhase.BODY && reader != null) {
      connection.bodyComplete();
      executor.execute(reader::bodyTimedOut);
    } else if (open.remove(connection.tlsConnection()) != null) {
      connection.close();
    }
  }
}
