package com.tanhdev.pullsecret.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.tanhdev.pullsecret.testing.TrustOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty HTTPS server on 127.0.0.1 answering "ok" with what a started certificate source serves,
 * and a client that trusts one CA. Closing it closes the source too.
 */
final class TlsTestServer implements AutoCloseable {

  private final Server server = new Server();
  private final CertificateSource certificates;
  private final ServerConnector connector;

  TlsTestServer(CertificateSource certificates) throws Exception {
    this.certificates = certificates;
    connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(certificates.sslContextFactory(), "http/1.1"),
            new HttpConnectionFactory());
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 2);
            Content.Sink.write(response, true, "ok", callback);
            return true;
          }
        });
    server.start();
  }

  /** Opens a new connection and completes the handshake, checking the name 127.0.0.1. */
  SSLSocket connect(X509Certificate trustedCa, String[] protocols, String[] cipherSuites)
      throws Exception {
    SSLSocket socket = TrustOnly.socketTo(connector.getLocalPort(), List.of(trustedCa));
    SSLParameters parameters = socket.getSSLParameters();
    if (protocols != null) {
      parameters.setProtocols(protocols);
    }
    if (cipherSuites != null) {
      parameters.setCipherSuites(cipherSuites);
    }
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    return socket;
  }

  SSLSocket connect(X509Certificate trustedCa) throws Exception {
    return connect(trustedCa, null, null);
  }

  /** The serial of the certificate a brand-new connection is served. */
  BigInteger servedSerial(X509Certificate trustedCa) throws Exception {
    try (SSLSocket socket = connect(trustedCa)) {
      return peerSerial(socket);
    }
  }

  static BigInteger peerSerial(SSLSocket socket) throws Exception {
    return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
  }

  /** Sends one keep-alive request on the connection and returns the status line. */
  static String get(SSLSocket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder response = new StringBuilder();
    while (!response.toString().endsWith("ok")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      response.append((char) next);
    }
    return response.substring(0, response.indexOf("\r\n"));
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the test server did not stop", e);
    } finally {
      certificates.close();
    }
  }
}
