package com.tanhdev.pullsecret.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The small Go injector of {@code src/load/go/injector} (built by {@code scripts/go-injector.sh}),
 * running on loopback with the load certificate: the comparison for what a webhook on Go's net/http
 * adds to a Pod creation.
 */
final class GoInjector implements AutoCloseable {

  private static final Duration START_LIMIT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;

  private GoInjector(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static GoInjector start(Path binary, Path tlsDir, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "-addr",
                "127.0.0.1:" + port,
                "-cert",
                tlsDir.resolve("tls.crt").toString(),
                "-key",
                tlsDir.resolve("tls.key").toString(),
                "-registry",
                SampleWorkloads.REGISTRY,
                "-secret",
                SampleWorkloads.SECRET)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    GoInjector injector = new GoInjector(process, port);
    injector.awaitListening();
    return injector;
  }

  /** The injector's binary, which scripts/load.sh builds and names. */
  static Path binary() {
    String path = System.getenv("PULLSECRET_GO_INJECTOR");
    if (path == null || path.isBlank()) {
      throw new IllegalStateException(
          "PULLSECRET_GO_INJECTOR is not set: run through scripts/load.sh");
    }
    return Path.of(path);
  }

  InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  String mutateUrl() {
    return "https://127.0.0.1:%d/mutate".formatted(port);
  }

  private void awaitListening() throws InterruptedException, IOException {
    long giveUp = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < giveUp) {
      if (!process.isAlive()) {
        throw new IOException("the Go injector exited with " + process.exitValue());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IOException("the Go injector did not listen within " + START_LIMIT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
