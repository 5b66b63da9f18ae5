package com.tanhdev.pullsecret.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTP/1.1 connection over TLS, speaking just enough HTTP for a webhook call: a POST
 * with a Content-Length body, a response with Content-Length or chunked body.
 */
final class HttpsConnection implements AutoCloseable {

  private static final int MAX_HEADER_LINE = 8192;

  private final SSLSocket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean reusable = true;

  private HttpsConnection(SSLSocket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
  }

  /**
   * Connects and completes a full TLS handshake. No connection resumes an earlier session, as the
   * API server's Go client keeps no session cache: the servers under test issue no session tickets
   * ({@code TlsProcessDefaults}), and each session is invalidated here, so the shared context has
   * nothing to offer for resumption either.
   */
  static HttpsConnection open(TlsClient tls, InetSocketAddress server, int timeoutMillis)
      throws IOException {
    Socket tcp = new Socket();
    try {
      tcp.setTcpNoDelay(true);
      tcp.connect(server, timeoutMillis);
      SSLContext context = tls.context();
      SSLSocket socket =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(tcp, server.getHostString(), server.getPort(), true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(timeoutMillis);
      socket.startHandshake();
      socket.getSession().invalidate();
      return new HttpsConnection(socket);
    } catch (IOException | RuntimeException e) {
      tcp.close();
      throw e;
    }
  }

  /** Sends one request and reads the whole response; returns the status code. */
  int exchange(byte[] head, byte[] body, int timeoutMillis) throws IOException {
    socket.setSoTimeout(Math.max(1, timeoutMillis));
    out.write(head);
    out.write(body);
    out.flush();
    String statusLine = readLine();
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      String header = line.toLowerCase(Locale.ROOT);
      if (header.startsWith("content-length:")) {
        contentLength = Long.parseLong(header.substring(15).trim());
      } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
        chunked = true;
      } else if (header.startsWith("connection:") && header.contains("close")) {
        reusable = false;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(readLine().trim(), 16);
          size > 0;
          size = Long.parseLong(readLine().trim(), 16)) {
        skip(size);
        readLine();
      }
      for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
        // trailers carry nothing a webhook client reads
      }
    } else if (contentLength >= 0) {
      skip(contentLength);
    } else {
      throw new IOException("response without a length; cannot keep the connection");
    }
    return status;
  }

  /** False once the server asked to close, or a failed exchange left the stream undefined. */
  boolean isReusable() {
    return reusable && !socket.isClosed();
  }

  @Override
  public void close() {
    reusable = false;
    try {
      socket.close();
    } catch (IOException e) {
      // closing a broken connection has nothing more to report
    }
  }

  private void skip(long count) throws IOException {
    for (long left = count; left > 0; ) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed inside a response body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed inside a response");
      }
      if (line.length() == MAX_HEADER_LINE) {
        throw new IOException("response line longer than " + MAX_HEADER_LINE);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
