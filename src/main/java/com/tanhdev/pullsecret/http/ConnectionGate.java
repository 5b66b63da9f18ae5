package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a new connection as soon as it is accepted, before any TLS work, when the handshake budget
 * ({@link NewConnectionBudget}) is spent or too many connections are open.
 *
 * <p>A handshake costs the server milliseconds of CPU, a review on a kept-alive connection a
 * fraction of one. kube-apiserver keeps at most 25 idle connections per webhook and dials a new one
 * for every call that finds none idle, closing the surplus after use. Once calls back up (a pause,
 * a cold start), every call beyond 25 at once costs a handshake, which backs the calls up further:
 * the webhook stays overloaded after the cause is gone. Refusing the surplus dials keeps the CPU on
 * the calls that have a connection; those drain, the API server's pool is idle again and stops
 * dialling. A refused dial fails the one call that waited for it, and the API server applies the
 * webhook's failurePolicy to it.
 */
final class ConnectionGate implements Connection.Listener {

  private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);

  private final NewConnectionBudget handshakes;
  private final int maxConnections;
  private final WebhookMetrics metrics;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  ConnectionGate(NewConnectionBudget handshakes, int maxConnections, WebhookMetrics metrics) {
    this.handshakes = handshakes;
    this.maxConnections = maxConnections;
    this.metrics = metrics;
  }

  @Override
  public void onOpened(Connection connection) {
    if (!(connection instanceof SslConnection)) {
      return; // the HTTP connection inside the TLS one
    }
    if (open.incrementAndGet() > maxConnections) {
      refuse(connection, "connections");
    } else if (!handshakes.tryTake()) {
      refuse(connection, "handshakes");
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (connection instanceof SslConnection) {
      open.decrementAndGet();
    }
  }

  private void refuse(Connection connection, String limit) {
    connection.getEndPoint().close();
    metrics.connectionRefused(limit);
    long total = refused.incrementAndGet();
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      LOG.warn(
          "overloaded: closing new connections before their TLS handshake ({} so far, the last"
              + " for want of {}; at most {} connections open)",
          total,
          limit,
          maxConnections);
    }
  }
}
