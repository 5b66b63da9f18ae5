package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.app.WebhookProcess;
import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.testing.Loopback;
import com.tanhdev.pullsecret.testing.TrustOnly;
import com.tanhdev.pullsecret.testing.WebhookSockets;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The production process ({@link WebhookProcess}) on loopback with a generated CA and serving
 * certificate and a lookup of the test's, for tests that talk HTTPS to it. A test either owns one
 * (the constructors start it) or shares one across its class ({@link #perTestClass}).
 */
final class RunningWebhook
    implements AutoCloseable, WebhookSockets, BeforeAllCallback, AfterAllCallback {

  private final SecretLookup classLookup; // only for a per-class webhook, started in beforeAll
  private Path classDir;
  private CertificateAuthority authority;
  private WebhookProcess process;

  RunningWebhook(Path dir, SecretLookup lookup) throws Exception {
    this(dir, lookup, "");
  }

  /** {@code serverYaml}: more {@code server:} settings, each line indented by two spaces. */
  RunningWebhook(Path dir, SecretLookup lookup, String serverYaml) throws Exception {
    classLookup = null;
    start(dir, lookup, serverYaml);
  }

  private RunningWebhook(SecretLookup classLookup) {
    this.classLookup = classLookup;
  }

  /**
   * A webhook started before the first test of a class and stopped after the last, its certificate
   * files in a temporary folder; register it with {@code @RegisterExtension} on a static field.
   */
  static RunningWebhook perTestClass(SecretLookup lookup) {
    return new RunningWebhook(lookup);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (classLookup == null) {
      throw new IllegalStateException("started already: register only a perTestClass webhook");
    }
    classDir = Files.createTempDirectory("running-webhook");
    start(classDir, classLookup, "");
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
    try (Stream<Path> files = Files.list(classDir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(classDir);
  }

  private void start(Path dir, SecretLookup lookup, String serverYaml) throws Exception {
    authority = Loopback.authority("pullsecret-webhook test CA", Duration.ofDays(1));
    IssuedCertificate serving = Loopback.servingCertificate(authority, Duration.ofDays(1));
    Path cert = Files.writeString(dir.resolve("tls.crt"), serving.certificatePem());
    Path key = Files.writeString(dir.resolve("tls.key"), serving.privateKeyPem());
    String yaml =
        "server:\n  host: 127.0.0.1\n  port: 0\n  healthPort: 0\n"
            + "  tlsCertFile: \"%s\"\n  tlsKeyFile: \"%s\"\n".formatted(cert, key)
            + serverYaml;
    WebhookConfig config =
        new ConfigLoader().parse(yaml.getBytes(StandardCharsets.UTF_8), "test", Map.of());
    process = WebhookProcess.builder(config).lookup(lookup).start();
  }

  String mutateUrl() {
    return "https://127.0.0.1:" + process.webhookPort() + "/mutate";
  }

  int webhookPort() {
    return process.webhookPort();
  }

  String healthUrl(String path) {
    return "http://127.0.0.1:" + process.healthPort() + path;
  }

  /** The Prometheus text the metrics endpoint would serve. */
  String metrics() {
    return process.metrics().scrape();
  }

  /** A client context that trusts only the test CA. */
  SSLContext trustingContext() throws Exception {
    return TrustOnly.context(authority.root().certificatePem());
  }

  /** A TLS socket to the webhook port, not yet handshaken, with a 30 s read timeout. */
  SSLSocket openSocket() throws Exception {
    SSLSocket socket =
        (SSLSocket) trustingContext().getSocketFactory().createSocket("127.0.0.1", webhookPort());
    socket.setSoTimeout(30_000);
    return socket;
  }

  @Override
  public Socket plain() throws IOException {
    return new Socket("127.0.0.1", webhookPort());
  }

  @Override
  public SSLSocket tls() throws Exception {
    return openSocket();
  }

  @Override
  public void close() {
    process.close();
  }
}
