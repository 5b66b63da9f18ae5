package com.tanhdev.pullsecret.app;

import com.tanhdev.pullsecret.config.ConfigSource;
import com.tanhdev.pullsecret.config.ProcessEnvironment;
import com.tanhdev.pullsecret.config.WebhookConfig;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running webhook, assembled in one place: config -> client -> certificate source -> secret
 * lookup -> request path ({@link WebhookApplication}) -> config watcher, started in that order and
 * closed in reverse. {@code serve} runs it, and so does every test that starts a webhook: a test
 * may only swap the parts that touch the outside world (see {@link WebhookProcessBuilder}), never
 * the wiring.
 */
public final class WebhookProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookProcess.class);

  private final ProcessParts parts;
  private final AtomicBoolean closed = new AtomicBoolean();

  WebhookProcess(ProcessParts parts) {
    this.parts = parts;
  }

  /** The production process: its config from {@code source}, reloaded while it runs. */
  public static WebhookProcessBuilder builder(ConfigSource source) {
    return new WebhookProcessBuilder(source.load(), Optional.of(source), source.environment());
  }

  /** A process with a fixed config and an empty environment, for tests. */
  public static WebhookProcessBuilder builder(WebhookConfig config) {
    return new WebhookProcessBuilder(config, Optional.empty(), new ProcessEnvironment(Map.of()));
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
}
