package com.tanhdev.pullsecret.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a new connection as soon as it is accepted, before any TLS work, while too many handshakes
 * are already in progress or too many connections are open.
 *
 * <p>A handshake costs the server a millisecond or more of CPU, several before the JIT has compiled
 * it. When the API server's calls back up (a pause, a cold start), it dials a new connection for
 * every call that finds none idle; handshaking them all starves the calls on the connections that
 * are already open, which back up further: the webhook stays overloaded after the cause is gone.
 * Refusing the surplus keeps the CPU on calls: a refused dial fails only a call still waiting for
 * that dial (the API server applies the webhook's failurePolicy), while the calls that meanwhile
 * got a kept-alive connection go through. Idle kept-alive connections, however many API servers
 * hold them, only count against the much larger bound on open connections.
 */
final class ConnectionGate implements Connection.Listener, SslHandshakeListener {

  private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);

  private final int maxHandshakes;
  private final int maxConnections;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<SSLEngine> handshaking = ConcurrentHashMap.newKeySet();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  ConnectionGate(int maxHandshakes, int maxConnections) {
    this.maxHandshakes = maxHandshakes;
    this.maxConnections = maxConnections;
  }

  @Override
  public void onOpened(Connection connection) {
    if (!(connection instanceof SslConnection tls)) {
      return; // the HTTP connection inside the TLS one
    }
    if (open.incrementAndGet() > maxConnections || handshaking.size() >= maxHandshakes) {
      connection.getEndPoint().close();
      warn(refused.incrementAndGet());
      return;
    }
    handshaking.add(tls.getSSLEngine());
    tls.addHandshakeListener(this);
  }

  @Override
  public void onClosed(Connection connection) {
    if (connection instanceof SslConnection tls) {
      open.decrementAndGet();
      handshaking.remove(tls.getSSLEngine());
    }
  }

  @Override
  public void handshakeSucceeded(Event event) {
    handshaking.remove(event.getSSLEngine());
  }

  @Override
  public void handshakeFailed(Event event, Throwable failure) {
    handshaking.remove(event.getSSLEngine());
  }

  private void warn(long total) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      LOG.warn(
          "overloaded: closing new connections before their TLS handshake ({} so far; limits: {}"
              + " handshakes in progress, {} connections open)",
          total,
          maxHandshakes,
          maxConnections);
    }
  }
}
