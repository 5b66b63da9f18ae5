package com.tanhdev.pullsecret.rollout;

import com.tanhdev.pullsecret.image.ContainerProcess;
import com.tanhdev.pullsecret.image.ImageCommand;
import com.tanhdev.pullsecret.testing.SecretVolume;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One webhook pod: the image's command line ({@code serve}, its JVM flags included) listening on an
 * address of its own, serving the certificate in its Secret volume, as the kubelet runs it.
 */
final class WebhookReplica implements AutoCloseable {

  static final int WEBHOOK_PORT = 8443;
  static final int HEALTH_PORT = 8080;

  private static final HttpClient PROBE =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final String address;
  private final Path home;
  private final SecretVolume tls;
  private final ContainerProcess process;

  private WebhookReplica(
      String name, String address, Path home, SecretVolume tls, ContainerProcess process) {
    this.name = name;
    this.address = address;
    this.home = home;
    this.tls = tls;
    this.process = process;
  }

  /**
   * Starts a replica on {@code address}; {@code certificatesYaml} is the config file's {@code
   * certificates:} section (empty for the files in {@code tls}).
   */
  static WebhookReplica start(
      String name,
      String address,
      Path dir,
      SecretVolume tls,
      String certificatesYaml,
      Map<String, String> environment)
      throws IOException {
    Files.createDirectories(dir);
    String config =
        """
        server:
          host: "%s"
          port: %d
          healthPort: %d
          tlsCertFile: "%s"
          tlsKeyFile: "%s"
        %s
        """
            .formatted(
                address,
                WEBHOOK_PORT,
                HEALTH_PORT,
                tls.certificateFile(),
                tls.keyFile(),
                certificatesYaml);
    return new WebhookReplica(
        name, address, dir, tls, ImageCommand.start(dir, config, environment));
  }

  String name() {
    return name;
  }

  String address() {
    return address;
  }

  /** The replica's mounted serving certificate, which a renewal swaps under it. */
  SecretVolume tls() {
    return tls;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** What the kubelet's readiness probe asks: {@code GET /readyz} on the health port. */
  boolean isReady() {
    HttpRequest readyz =
        HttpRequest.newBuilder(URI.create("http://" + address + ":" + HEALTH_PORT + "/readyz"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try {
      return PROBE.send(readyz, BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM, what the kubelet sends once the preStop hook has returned. */
  void terminate() {
    process.terminate();
  }

  /** SIGKILL: no preStop, no shutdown of its own. */
  void kill() {
    process.kill();
  }

  /**
   * Waits up to {@code grace} for the exit, then kills the process as the kubelet does at the end
   * of the grace period; returns whether it exited by itself.
   */
  boolean awaitExit(Duration grace) throws InterruptedException {
    if (process.exitsWithin(grace)) {
      return true;
    }
    process.kill();
    return false;
  }

  /** Writes what the process printed to {@code stdout.log} and {@code stderr.log} in its home. */
  void saveOutput() {
    try {
      Files.write(home.resolve("stdout.log"), process.stdoutLines());
      Files.writeString(home.resolve("stderr.log"), process.stderr());
    } catch (IOException e) {
      DrillLog.event("%s: cannot save its output: %s", this, e);
    }
  }

  /** The last lines the process wrote on stderr, for failure messages. */
  String stderr() {
    return process.stderr();
  }

  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return name + "@" + address;
  }
}
