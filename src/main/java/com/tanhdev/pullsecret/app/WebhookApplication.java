package com.tanhdev.pullsecret.app;

import com.tanhdev.pullsecret.admission.AdmissionCodec;
import com.tanhdev.pullsecret.admission.AdmissionHandler;
import com.tanhdev.pullsecret.admission.JsonMappers;
import com.tanhdev.pullsecret.admission.ReviewRecorder;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.http.AdmissionEndpoint;
import com.tanhdev.pullsecret.http.ErrorBodies;
import com.tanhdev.pullsecret.http.HealthEndpoints;
import com.tanhdev.pullsecret.http.WebhookServer;
import com.tanhdev.pullsecret.lookup.CountingSecretLookup;
import com.tanhdev.pullsecret.lookup.NamespaceLabels;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import com.tanhdev.pullsecret.policy.CurrentPolicy;
import com.tanhdev.pullsecret.policy.PolicySettings;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the request path from its parts: lookup -> policy -> handler -> endpoint -> server. The
 * caller supplies the parts that touch the outside world (the secret lookup and the TLS material),
 * so tests run the exact production path with a fake lookup and generated certificates.
 */
public final class WebhookApplication implements AutoCloseable {

  private final WebhookMetrics metrics;
  private final CurrentPolicy policy;
  private final WebhookServer server;

  /**
   * @param namespaceLabels asked only when provisioning selects namespaces by label
   */
  public WebhookApplication(
      WebhookConfig config,
      SecretLookup lookup,
      NamespaceLabels namespaceLabels,
      SslContextFactory.Server tls,
      BooleanSupplier tlsReady,
      WebhookMetrics metrics) {
    this.metrics = metrics;
    JsonMapper mapper = JsonMappers.strict();
    SecretLookup counted = new CountingSecretLookup(lookup, metrics);
    this.policy = new CurrentPolicy(config.policy(), counted, namespaceLabels);
    ErrorBodies errors = new ErrorBodies(mapper);
    AdmissionEndpoint endpoint =
        new AdmissionEndpoint(
            new AdmissionCodec(mapper),
            new AdmissionHandler(policy),
            new ReviewRecorder(metrics),
            metrics,
            errors);
    HealthEndpoints health = new HealthEndpoints(tlsReady, lookup::isSynced, metrics);
    this.server = new WebhookServer(config.server(), tls, endpoint, health, errors, metrics);
  }

  public WebhookApplication start() {
    server.start();
    return this;
  }

  /** Applies a reloaded policy to the reviews that start from now on. */
  public void replacePolicy(PolicySettings settings) {
    policy.replace(settings);
  }

  public WebhookMetrics metrics() {
    return metrics;
  }

  public int webhookPort() {
    return server.webhookPort();
  }

  public int healthPort() {
    return server.healthPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
