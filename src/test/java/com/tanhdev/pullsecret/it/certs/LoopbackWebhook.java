package com.tanhdev.pullsecret.it.certs;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.app.WebhookProcess;
import com.tanhdev.pullsecret.app.WebhookProcessBuilder;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.kube.WebhookConfigSource;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.CertificateSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The production process on 127.0.0.1 with the default config, serving what the test's certificate
 * source serves and looking secrets up through informers on the test API server.
 */
final class LoopbackWebhook implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final WebhookProcess process;

  private LoopbackWebhook(WebhookProcess process) {
    this.process = process;
  }

  /**
   * Starts {@code certificates} (not started yet) and listens on {@code port} (0 for any free one);
   * returns once ready.
   */
  static LoopbackWebhook start(KubernetesClient client, CertificateSource certificates, int port)
      throws TlsMaterialException {
    return start(WebhookProcess.builder(config(port, Map.of())).certificates(certificates), client);
  }

  /** Serves these files as {@code serve} does from the mounted Secret, on any free port. */
  static LoopbackWebhook servingFiles(KubernetesClient client, Path certificateFile, Path keyFile)
      throws TlsMaterialException {
    WebhookConfig config =
        config(
            0,
            Map.of(
                "PULLSECRET_TLS_CERT_FILE", certificateFile.toString(),
                "PULLSECRET_TLS_KEY_FILE", keyFile.toString()));
    return start(WebhookProcess.builder(config), client);
  }

  private static WebhookConfig config(int port, Map<String, String> tlsFiles) {
    Map<String, String> env = new HashMap<>(tlsFiles);
    env.put("PULLSECRET_HOST", "127.0.0.1");
    env.put("PULLSECRET_PORT", Integer.toString(port));
    env.put("PULLSECRET_HEALTH_PORT", "0");
    return WebhookConfigSource.yaml("").load(env);
  }

  private static LoopbackWebhook start(WebhookProcessBuilder builder, KubernetesClient client)
      throws TlsMaterialException {
    WebhookProcess process = builder.client(client).start();
    try {
      await("the webhook is ready").atMost(READY_TIMEOUT).until(process::isReady);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return new LoopbackWebhook(process);
  }

  int port() {
    return process.webhookPort();
  }

  String url() {
    return WebhookScenario.url(port());
  }

  @Override
  public void close() {
    process.close();
  }
}
