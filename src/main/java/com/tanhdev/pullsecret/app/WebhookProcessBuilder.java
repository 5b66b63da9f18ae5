package com.tanhdev.pullsecret.app;

import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.kube.KubernetesClients;
import com.tanhdev.pullsecret.lookup.InformerNamespaceLabels;
import com.tanhdev.pullsecret.lookup.InformerSecretLookup;
import com.tanhdev.pullsecret.lookup.NamespaceLabels;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.CertificateSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a process. By default every part is the production one: a client from the kubeconfig or
 * service account (closed with the process), the certificate source {@code certificates.mode}
 * names, informers on the configured secrets (and on namespace labels, for provisioning selected by
 * label), the system clock.
 */
public final class WebhookProcessBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookProcess.class);

  private final WebhookConfig config;
  private final Optional<ConfigSource> reloadFrom;
  private final ProcessEnvironment environment;
  private KubernetesClient client;
  private CertificateSource certificates;
  private SecretLookup lookup;
  private UnaryOperator<SecretLookup> lookupWrapper = UnaryOperator.identity();
  private Clock clock = Clock.systemUTC();

  WebhookProcessBuilder(
      WebhookConfig config, Optional<ConfigSource> reloadFrom, ProcessEnvironment environment) {
    this.config = config;
    this.reloadFrom = reloadFrom;
    this.environment = environment;
  }

  /** A client the caller owns and closes, such as a test API server's. */
  public WebhookProcessBuilder client(KubernetesClient client) {
    this.client = client;
    return this;
  }

  /** A certificate source of the caller's, not yet started; the process starts and closes it. */
  public WebhookProcessBuilder certificates(CertificateSource certificates) {
    this.certificates = certificates;
    return this;
  }

  /** A lookup in place of the informers, for tests without an API server. */
  public WebhookProcessBuilder lookup(SecretLookup lookup) {
    this.lookup = lookup;
    return this;
  }

  /** Wraps the lookup the request path asks, for tests that stall or count lookups. */
  public WebhookProcessBuilder wrapLookup(UnaryOperator<SecretLookup> wrapper) {
    this.lookupWrapper = wrapper;
    return this;
  }

  public WebhookProcessBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Starts every part in order and returns once the server listens; readiness follows when the
   * secret cache has synced. On a failure, what was started is closed again.
   */
  public WebhookProcess start() throws TlsMaterialException {
    ProcessParts parts = new ProcessParts();
    try {
      startParts(parts);
    } catch (TlsMaterialException | RuntimeException e) {
      parts.close();
      throw e;
    }
    LOG.info(
        "pullsecret-webhook serving on :{} (health :{}), {} rule(s), mode {}",
        parts.app.webhookPort(),
        parts.app.healthPort(),
        config.policy().rules().size(),
        config.policy().mode());
    return new WebhookProcess(parts);
  }

  private void startParts(ProcessParts parts) throws TlsMaterialException {
    WebhookMetrics metrics = new WebhookMetrics();
    parts.certificates =
        certificates != null
            ? certificates
            : CertificateSources.forConfig(config, () -> client(parts), environment, clock);
    CertificateSource served = parts.certificates;
    served.start();
    metrics.certificateExpiry(() -> served.notAfter().map(Instant::getEpochSecond).orElse(0L));
    if (lookup == null) {
      parts.informers =
          new InformerSecretLookup(
              client(parts), config.policy().registriesBySecret(), config.policy().lookupTimeout());
      parts.informers.start();
      // Started on the first question, which only a label-selecting provisioning config asks.
      parts.namespaceLabels =
          new InformerNamespaceLabels(client(parts), config.policy().lookupTimeout());
    }
    parts.lookup = lookupWrapper.apply(lookup != null ? lookup : parts.informers);
    WebhookApplication app =
        new WebhookApplication(
            config,
            parts.lookup,
            parts.namespaceLabels != null ? parts.namespaceLabels : NamespaceLabels.UNKNOWN,
            served.sslContextFactory(),
            served::isReady,
            metrics);
    parts.app = app.start();
    InformerSecretLookup informers = parts.informers;
    parts.watcher =
        reloadFrom
            .flatMap(
                source ->
                    source.watch(
                        policy -> {
                          if (informers != null) {
                            informers.watchAlso(policy.registriesBySecret());
                          }
                          app.replacePolicy(policy);
                        },
                        metrics::configReload))
            .orElse(null);
  }

  private KubernetesClient client(ProcessParts parts) {
    if (client != null) {
      return client;
    }
    if (parts.ownedClient == null) {
      parts.ownedClient = KubernetesClients.create();
    }
    return parts.ownedClient;
  }
}
