package com.tanhdev.pullsecret.app;

import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ConfigWatcher;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.lookup.InformerSecretLookup;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import com.tanhdev.pullsecret.tls.CertificateSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running webhook, assembled in one place: config -> client -> certificate source -> secret
 * lookup -> request path ({@link WebhookApplication}) -> config watcher, started in that order and
 * closed in reverse. {@code serve} runs it, and so does every test that starts a webhook: a test
 * may only swap the parts that touch the outside world (see {@link Builder}), never the wiring.
 */
public final class WebhookProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookProcess.class);

  private final Parts parts;
  private final AtomicBoolean closed = new AtomicBoolean();

  private WebhookProcess(Parts parts) {
    this.parts = parts;
  }

  /** The production process: its config from {@code source}, reloaded while it runs. */
  public static Builder builder(ConfigSource source) {
    return new Builder(source.load(), Optional.of(source), source.environment());
  }

  /** A process with a fixed config and an empty environment, for tests. */
  public static Builder builder(WebhookConfig config) {
    return new Builder(config, Optional.empty(), new ProcessEnvironment(Map.of()));
  }

  public int webhookPort() {
    return parts.app.webhookPort();
  }

  public int healthPort() {
    return parts.app.healthPort();
  }

  public WebhookMetrics metrics() {
    return parts.app.metrics();
  }

  /** What {@code /readyz} answers: certificate loaded and secret cache synced. */
  public boolean isReady() {
    return parts.certificates.isReady() && parts.lookup.isSynced();
  }

  /** Closes the process when the JVM is asked to stop (SIGTERM). */
  public WebhookProcess closeAtShutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "shutdown"));
    return this;
  }

  /**
   * Stops accepting and finishes the reviews in flight first, then stops what they relied on: the
   * config watcher, the secret informers, the certificate source, and the client if it owns it.
   */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    LOG.info("shutting down: finishing in-flight reviews");
    parts.close();
  }

  /** What a process is made of; each part is null until started. */
  private static final class Parts {
    KubernetesClient ownedClient;
    CertificateSource certificates;
    InformerSecretLookup informers;
    SecretLookup lookup;
    WebhookApplication app;
    ConfigWatcher watcher;

    void close() {
      if (app != null) {
        app.close();
      }
      if (watcher != null) {
        watcher.close();
      }
      if (informers != null) {
        informers.close();
      }
      if (certificates != null) {
        certificates.close();
      }
      if (ownedClient != null) {
        ownedClient.close();
      }
    }
  }

  /**
   * Starts a process. By default every part is the production one: a client from the kubeconfig or
   * service account (closed with the process), the certificate source {@code certificates.mode}
   * names, informers on the configured secrets, the system clock.
   */
  public static final class Builder {

    private final WebhookConfig config;
    private final Optional<ConfigSource> reloadFrom;
    private final ProcessEnvironment environment;
    private KubernetesClient client;
    private CertificateSource certificates;
    private SecretLookup lookup;
    private UnaryOperator<SecretLookup> lookupWrapper = UnaryOperator.identity();
    private Clock clock = Clock.systemUTC();

    private Builder(
        WebhookConfig config, Optional<ConfigSource> reloadFrom, ProcessEnvironment environment) {
      this.config = config;
      this.reloadFrom = reloadFrom;
      this.environment = environment;
    }

    /** A client the caller owns and closes, such as a test API server's. */
    public Builder client(KubernetesClient client) {
      this.client = client;
      return this;
    }

    /** A certificate source of the caller's, not yet started; the process starts and closes it. */
    public Builder certificates(CertificateSource certificates) {
      this.certificates = certificates;
      return this;
    }

    /** A lookup in place of the informers, for tests without an API server. */
    public Builder lookup(SecretLookup lookup) {
      this.lookup = lookup;
      return this;
    }

    /** Wraps the lookup the request path asks, for tests that stall or count lookups. */
    public Builder wrapLookup(UnaryOperator<SecretLookup> wrapper) {
      this.lookupWrapper = wrapper;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Starts every part in order and returns once the server listens; readiness follows when the
     * secret cache has synced. On a failure, what was started is closed again.
     */
    public WebhookProcess start() throws TlsMaterialException {
      Parts parts = new Parts();
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

    private void startParts(Parts parts) throws TlsMaterialException {
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
                client(parts),
                config.policy().registriesBySecret(),
                config.policy().lookupTimeout());
        parts.informers.start();
      }
      parts.lookup = lookupWrapper.apply(lookup != null ? lookup : parts.informers);
      WebhookApplication app =
          new WebhookApplication(
              config, parts.lookup, served.sslContextFactory(), served::isReady, metrics);
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

    private KubernetesClient client(Parts parts) {
      if (client != null) {
        return client;
      }
      if (parts.ownedClient == null) {
        parts.ownedClient = new KubernetesClientBuilder().build();
      }
      return parts.ownedClient;
    }
  }
}
