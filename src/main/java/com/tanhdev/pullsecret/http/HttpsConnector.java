package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.config.ServerSettings;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The webhook's HTTPS listener: TLS with the handshake budget, heap buffers only, the connection
 * limit, the phase deadlines, idle connections closed by reset ({@link ResettingEndPoint}), and the
 * drain of a stopping server.
 */
final class HttpsConnector {

  /**
   * Connections the kernel holds for us before we accept them. The API server dials a new
   * connection for every call beyond its idle pool, so a burst arrives as a burst of connections;
   * with the JDK's default of 50, the excess SYNs are dropped and each retry costs its request a
   * second or more. Linux caps this at net.core.somaxconn (4096 on current kernels).
   */
  private static final int ACCEPT_QUEUE = 1024;

  /**
   * Handshakes the webhook starts at once, and per second after that ({@link
   * BudgetedSslConnectionFactory}). The burst lets the pools of two API servers (25 connections
   * each) fill at once. The rate holds handshakes to a fifth of a core or less (2-4 ms each on the
   * benchmark machine): enough for the connection churn of normal operation, and low enough that
   * the calls on open connections keep the CPU when an overloaded API server dials for every call.
   * Measured in docs/benchmarks.md: with 200 per second, or with a bound of 16 handshakes in
   * progress instead of a rate, a burst above capacity left the webhook overloaded for as long as
   * the load lasted.
   */
  private static final int HANDSHAKE_BURST = 64;

  private static final int HANDSHAKES_PER_SECOND = 50;

  /**
   * Open connections, as a multiple of {@code server.maxConcurrentReviews} (512 by default):
   * HTTP/1.1 carries one review at a time per connection, but most connections sit idle in the
   * pools of the API servers (up to 25 each), and those cost only memory (a few KiB of TLS state
   * each; a connection mid-request holds its buffers too, about 20 KiB). Reviews beyond the worker
   * threads wait in Jetty's queue, which this bounds too. Large enough that hundreds of stalled
   * clients are ended by their deadlines before they fill it.
   */
  private static final int CONNECTIONS_PER_REVIEW = 8;

  /**
   * Idle buffers Jetty keeps for reuse. Connections take buffers from the heap, not direct memory:
   * native memory sits outside -Xmx, where no limit of ours would see it, and a burst of
   * connections would leave the process that much larger for good.
   */
  private static final long POOLED_BUFFER_BYTES = 4L * 1024 * 1024;

  private HttpsConnector() {}

  static ServerConnector create(
      Server server,
      HttpConfiguration defaults,
      ServerSettings settings,
      SslContextFactory.Server tls,
      ConnectionPhases phases,
      WebhookMetrics metrics,
      ThrottledWarning overloaded) {
    ServerConnector connector =
        new ServerConnector(
            server,
            null,
            null,
            new ArrayByteBufferPool(0, -1, -1, -1, POOLED_BUFFER_BYTES, POOLED_BUFFER_BYTES),
            -1,
            -1,
            tlsFactory(tls, metrics, overloaded),
            new HttpConnectionFactory(httpsConfiguration(defaults))) {
          @Override
          protected SocketChannelEndPoint newEndPoint(
              SocketChannel channel, ManagedSelector selector, SelectionKey key) {
            SocketChannelEndPoint endPoint =
                new ResettingEndPoint(channel, selector, key, getScheduler());
            endPoint.setIdleTimeout(getIdleTimeout());
            return endPoint;
          }
        };
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    connector.setIdleTimeout(TransportDeadlines.IDLE_MILLIS);
    connector.setShutdownIdleTimeout(TransportDeadlines.DRAIN_IDLE_MILLIS);
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    connector.addBean(phases);
    connector.addBean(
        new ConnectionGate(
            CONNECTIONS_PER_REVIEW * settings.maxConcurrentReviews(), phases, metrics, overloaded));
    return connector;
  }

  private static SslConnectionFactory tlsFactory(
      SslContextFactory.Server tls, WebhookMetrics metrics, ThrottledWarning overloaded) {
    SslConnectionFactory factory =
        new BudgetedSslConnectionFactory(
            tls,
            new HandshakeTokenBucket(HANDSHAKE_BURST, HANDSHAKES_PER_SECOND, System::nanoTime),
            metrics,
            overloaded);
    factory.setDirectBuffersForEncryption(false);
    factory.setDirectBuffersForDecryption(false);
    return factory;
  }

  private static HttpConfiguration httpsConfiguration(HttpConfiguration defaults) {
    HttpConfiguration https = new HttpConfiguration(defaults);
    https.setUseInputDirectByteBuffers(false);
    https.setUseOutputDirectByteBuffers(false);
    // Jetty's per-connection cache of header lines builds a trie of 20-90 KiB on each connection's
    // first request and keeps it while the connection lives: 512 open connections held 45 MiB of
    // it under a 4,000/s overload, and the heap ran out. A review's few headers parse fast enough.
    https.setHeaderCacheSize(0);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false); // the API server may dial an IP with no SNI at all
    https.addCustomizer(secure);
    return https;
  }
}
