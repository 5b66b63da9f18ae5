package com.tanhdev.pullsecret.image;

import static java.util.stream.Collectors.joining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/**
 * The config file the container reads from its mounted ConfigMap, reduced to where it listens:
 * loopback, two free ports and the certificate files. Everything else keeps its default, so the
 * default registry rule is the one the test exercises.
 */
record ServeConfig(int port, int healthPort, LoopbackCertificate certificate) {

  static ServeConfig onFreePorts(LoopbackCertificate certificate) {
    return new ServeConfig(freePort(), freePort(), certificate);
  }

  /** The YAML; {@code extraServerLines} are added to the server section as they are. */
  String yaml(String... extraServerLines) {
    String server =
        """
        server:
          host: 127.0.0.1
          port: %d
          healthPort: %d
          tlsCertFile: "%s"
          tlsKeyFile: "%s"
        """
            .formatted(port, healthPort, certificate.certFile(), certificate.keyFile());
    return server
        + Arrays.stream(extraServerLines).map(line -> "  " + line + "\n").collect(joining());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    }
  }
}
