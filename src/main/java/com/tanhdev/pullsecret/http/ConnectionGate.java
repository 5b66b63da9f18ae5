package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;

/**
 * Bounds the open connections: a new connection beyond the limit first replaces the most stalled
 * one (a client that has not finished its handshake, headers or body; see {@link
 * ConnectionPhases#evictMostStalled}), and is otherwise closed as soon as it is accepted, before
 * any TLS work. Stalled clients therefore cannot lock out the API server's dials, and idle
 * kept-alive connections, which are the API server's pool, are never closed to make room.
 *
 * <p>Why refuse at all: a handshake costs the server milliseconds of CPU, a review on a kept-alive
 * connection a fraction of one. kube-apiserver keeps at most 25 idle connections per webhook and
 * dials a new one for every call that finds none idle. Once calls back up, every call beyond 25 at
 * once costs a handshake, which backs the calls up further. Refusing surplus dials (here, and by
 * the handshake budget of {@link BudgetedSslConnectionFactory}) keeps the CPU on the calls that
 * have a connection. A refused dial fails the one call that waited for it, and the API server
 * applies the webhook's failurePolicy to it.
 */
final class ConnectionGate implements Connection.Listener {

  private final int maxConnections;
  private final ConnectionPhases phases;
  private final WebhookMetrics metrics;
  private final ThrottledWarning overloaded;

  ConnectionGate(
      int maxConnections,
      ConnectionPhases phases,
      WebhookMetrics metrics,
      ThrottledWarning overloaded) {
    this.maxConnections = maxConnections;
    this.phases = phases;
    this.metrics = metrics;
    this.overloaded = overloaded;
  }

  @Override
  public void onOpened(Connection connection) {
    if (!(connection instanceof SslConnection tls)) {
      return; // the HTTP connection inside the TLS one
    }
    phases.opened(tls);
    if (phases.size() > maxConnections && !phases.evictMostStalled(tls)) {
      // Counted before the close: a client that sees the close may read the metric at once.
      metrics.connectionRefused("connections");
      overloaded.warn("the last for want of a connection slot; at most " + maxConnections);
      phases.closed(tls);
      tls.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (connection instanceof SslConnection tls) {
      phases.closed(tls);
    }
  }
}
