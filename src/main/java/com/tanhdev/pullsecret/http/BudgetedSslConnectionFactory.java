package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * TLS connections that take a token of the handshake budget (a {@link HandshakeTokenBucket}) at the
 * moment their handshake starts to cost CPU: when the client's first TLS record (its ClientHello)
 * is complete. Until then the server has done no cryptography, and a client that sends its hello
 * one byte a second costs nothing but a connection slot, which the handshake deadline ends. Taking
 * the token at accept instead would let such clients spend the budget that well-behaved dials need.
 * Without a token, the connection is closed before any key exchange.
 */
final class BudgetedSslConnectionFactory extends SslConnectionFactory {

  /** A TLS record header: content type, protocol version, length (RFC 8446, 5.1). */
  private static final int RECORD_HEADER_BYTES = 5;

  private final HandshakeTokenBucket handshakes;
  private final WebhookMetrics metrics;
  private final ThrottledWarning overloaded;

  BudgetedSslConnectionFactory(
      SslContextFactory.Server tls,
      HandshakeTokenBucket handshakes,
      WebhookMetrics metrics,
      ThrottledWarning overloaded) {
    super(tls, "http/1.1");
    this.handshakes = handshakes;
    this.metrics = metrics;
    this.overloaded = overloaded;
  }

  @Override
  protected SslConnection newSslConnection(
      Connector connector, EndPoint endPoint, SSLEngine engine) {
    return new BudgetedSslConnection(connector, endPoint, engine);
  }

  /** A TLS connection that knows whether its client has sent a complete hello yet. */
  final class BudgetedSslConnection extends SslConnection {

    private volatile boolean helloComplete;

    private BudgetedSslConnection(Connector connector, EndPoint endPoint, SSLEngine engine) {
      super(
          connector.getByteBufferPool(),
          connector.getExecutor(),
          getSslContextFactory(),
          endPoint,
          engine,
          isDirectBuffersForEncryption(),
          isDirectBuffersForDecryption());
    }

    /** Whether the client's first record arrived whole, so the handshake costs CPU now. */
    boolean isHelloComplete() {
      return helloComplete;
    }

    @Override
    protected SSLEngineResult unwrap(SSLEngine sslEngine, ByteBuffer input, ByteBuffer output)
        throws SSLException {
      if (!helloComplete && holdsCompleteRecord(input)) {
        if (!handshakes.tryTake()) {
          metrics.connectionRefused("handshakes");
          overloaded.warn("the last for want of a handshake token");
          throw new SSLException("handshake budget spent; connection refused");
        }
        helloComplete = true;
      }
      return super.unwrap(sslEngine, input, output);
    }
  }

  private static boolean holdsCompleteRecord(ByteBuffer input) {
    int start = input.position();
    if (input.remaining() < RECORD_HEADER_BYTES) {
      return false;
    }
    int length = ((input.get(start + 3) & 0xFF) << 8) | (input.get(start + 4) & 0xFF);
    return input.remaining() >= RECORD_HEADER_BYTES + length;
  }
}
