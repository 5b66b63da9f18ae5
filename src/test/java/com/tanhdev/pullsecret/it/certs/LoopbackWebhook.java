package com.tanhdev.pullsecret.it.certs;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.app.WebhookApplication;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.kube.WebhookConfigSource;
import com.tanhdev.pullsecret.lookup.InformerSecretLookup;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import com.tanhdev.pullsecret.tls.CertificateSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;

/**
 * The production request path on 127.0.0.1 with the default config, serving whatever a started
 * certificate source serves and looking secrets up through informers on the test API server.
 */
final class LoopbackWebhook implements AutoCloseable {

  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

  private final InformerSecretLookup lookup;
  private final WebhookApplication app;

  private LoopbackWebhook(InformerSecretLookup lookup, WebhookApplication app) {
    this.lookup = lookup;
    this.app = app;
  }

  /** Listens on {@code port} (0 for any free one) once the secret cache has synced. */
  static LoopbackWebhook start(KubernetesClient client, CertificateSource certificates, int port) {
    WebhookConfig config =
        WebhookConfigSource.yaml("")
            .load(
                Map.of(
                    "PULLSECRET_HOST", "127.0.0.1",
                    "PULLSECRET_PORT", Integer.toString(port),
                    "PULLSECRET_HEALTH_PORT", "0"));
    InformerSecretLookup lookup =
        new InformerSecretLookup(
            client, config.policy().registriesBySecret(), config.policy().lookupTimeout());
    try {
      lookup.start();
      await("secret informers synced").atMost(SYNC_TIMEOUT).until(lookup::isSynced);
      WebhookApplication app =
          new WebhookApplication(
                  config,
                  lookup,
                  certificates.sslContextFactory(),
                  certificates::isReady,
                  new WebhookMetrics())
              .start();
      return new LoopbackWebhook(lookup, app);
    } catch (RuntimeException e) {
      lookup.close();
      throw e;
    }
  }

  int port() {
    return app.webhookPort();
  }

  String url() {
    return WebhookScenario.url(port());
  }

  @Override
  public void close() {
    app.close();
    lookup.close();
  }
}
