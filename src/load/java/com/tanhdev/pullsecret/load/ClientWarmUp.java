package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.pki.IssuedCertificate;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Warms the generator's own TLS and HTTP client code against a throwaway TLS server inside the
 * generator, before anything is measured: a cold client would otherwise be charged to the server
 * under test, which kube-apiserver's long-running client never is.
 */
final class ClientWarmUp {

  private static final byte[] ANSWER =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
          .getBytes(StandardCharsets.US_ASCII);

  private ClientWarmUp() {}

  static void run(
      TlsClient tls, IssuedCertificate serving, IssuedCertificate ca, ReviewBodies bodies)
      throws Exception {
    char[] password = "warm-up".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "serving",
        serving.key(),
        password,
        new Certificate[] {serving.certificate(), ca.certificate()});
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    try (SSLServerSocket listener =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1024, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> accept(listener), "warm-up-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", listener.getLocalPort());
      for (int maxIdle : List.of(0, ConnectionPool.API_SERVER_MAX_IDLE)) {
        try (OpenLoopGenerator generator =
            new OpenLoopGenerator(
                new ConnectionPool(tls, address, maxIdle),
                bodies,
                address,
                Duration.ofSeconds(5))) {
          generator.run(maxIdle == 0 ? 300 : 2_000, Duration.ofSeconds(5), List.of());
        }
      }
    }
  }

  private static void accept(SSLServerSocket listener) {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        Thread connection = new Thread(() -> serve(socket), "warm-up-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return; // closed at the end of the warm-up
      }
    }
  }

  /** Answers every request on the connection with a fixed 200 until the client closes it. */
  private static void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        long length = -1;
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); ; c = in.read()) {
          if (c < 0) {
            return;
          }
          if (c != '\n') {
            line.append((char) c);
            continue;
          }
          String header = line.toString().trim().toLowerCase(Locale.ROOT);
          line.setLength(0);
          if (header.isEmpty()) {
            break;
          }
          if (header.startsWith("content-length:")) {
            length = Long.parseLong(header.substring(15).trim());
          }
        }
        in.readNBytes((int) Math.max(0, length));
        out.write(ANSWER);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }
}
