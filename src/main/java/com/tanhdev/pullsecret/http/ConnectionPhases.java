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
 * deadline ({@link TransportDeadlines}). A connector bean: Jetty tells it of each connection opened
 * and closed, and of each finished handshake, and starts and stops it with the connector.
 */
final class ConnectionPhases extends ContainerLifeCycle
    implements Connection.Listener, SslHandshakeListener {

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

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof SslConnection tls) {
      open.put(tls, new TrackedConnection(tls, clock));
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (connection instanceof SslConnection tls) {
      open.remove(tls);
    }
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
   * Closes the connection that has waited longest for its client in a phase, if it has waited
   * longer than {@link TransportDeadlines#EVICTABLE_AFTER_NANOS}: under a flood of stalled clients,
   * a new connection replaces the most stalled one instead of being refused.
   */
  boolean evictMostStalled() {
    long now = clock.getAsLong();
    TrackedConnection oldest = null;
    long oldestSince = now - TransportDeadlines.EVICTABLE_AFTER_NANOS;
    for (TrackedConnection candidate : open.values()) {
      if (candidate.phase().waitsForClient() && candidate.since() < oldestSince) {
        oldest = candidate;
        oldestSince = candidate.since();
      }
    }
    if (oldest == null || open.remove(oldest.tlsConnection()) == null) {
      return false;
    }
    metrics.connectionEvicted(oldest.phase().label());
    oldest.close();
    return true;
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
        if (TransportDeadlines.isOverdue(phase, age, connection.bodyBytes())) {
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
