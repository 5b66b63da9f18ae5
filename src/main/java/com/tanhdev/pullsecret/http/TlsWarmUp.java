package com.tanhdev.pullsecret.http;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * One TLS handshake against the serving certificate, in memory: the expensive part of a new
 * connection, warmed up by {@link JitWarmUp} before the webhook reports ready.
 */
final class TlsWarmUp implements JitWarmUp.Step {

  // The client side only exists in memory, talking to our own engine: there is nothing to verify.
  private static final TrustManager[] ANY_SERVER = {
    new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }
  };

  private final SslContextFactory.Server tls;
  private final SSLContext client;

  TlsWarmUp(SslContextFactory.Server tls) throws GeneralSecurityException {
    this.tls = tls;
    this.client = SSLContext.getInstance("TLS");
    client.init(null, ANY_SERVER, null);
  }

  @Override
  public void run() throws SSLException {
    SSLEngine clientEngine = client.createSSLEngine("warm-up", 443);
    clientEngine.setUseClientMode(true);
    SSLEngine serverEngine = tls.newSSLEngine();
    serverEngine.setUseClientMode(false);
    handshake(clientEngine, serverEngine);
  }

  private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    ByteBuffer toServer = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
    ByteBuffer toClient = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
    ByteBuffer clientApp = ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
    ByteBuffer serverApp = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
    client.beginHandshake();
    server.beginHandshake();
    // A TLS 1.3 handshake takes four flights; the bound only guards against a broken engine.
    for (int round = 0; round < 32 && !(isDone(client) && isDone(server)); round++) {
      step(client, toServer, toClient, clientApp);
      step(server, toClient, toServer, serverApp);
    }
  }

  /** Writes what {@code engine} has to send into {@code out}, then reads what is in {@code in}. */
  private static void step(SSLEngine engine, ByteBuffer out, ByteBuffer in, ByteBuffer app)
      throws SSLException {
    runTasks(engine);
    if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
      engine.wrap(ByteBuffer.allocate(0), out);
    }
    in.flip();
    if (in.hasRemaining()) {
      engine.unwrap(in, app);
    }
    in.compact();
    runTasks(engine);
  }

  private static void runTasks(SSLEngine engine) {
    for (Runnable task = engine.getDelegatedTask();
        task != null;
        task = engine.getDelegatedTask()) {
      task.run();
    }
  }

  private static boolean isDone(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
  }
}
