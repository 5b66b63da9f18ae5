package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import io.javalin.http.Context;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (TLS material loaded and the secret cache
 * synced: before that, admissions would miss secrets) and {@code /metrics}.
 */
public final class HealthEndpoints {

  /** The Prometheus text exposition format, version 0.0.4, as scrapers expect it. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final BooleanSupplier tlsReady;
  private final BooleanSupplier cacheSynced;
  private final WebhookMetrics metrics;

  public HealthEndpoints(
      BooleanSupplier tlsReady, BooleanSupplier cacheSynced, WebhookMetrics metrics) {
    this.tlsReady = tlsReady;
    this.cacheSynced = cacheSynced;
    this.metrics = metrics;
  }

  void healthz(Context ctx) {
    ctx.contentType("text/plain").result("ok");
  }

  void readyz(Context ctx) {
    boolean tls = tlsReady.getAsBoolean();
    boolean cache = cacheSynced.getAsBoolean();
    ctx.status(tls && cache ? 200 : 503)
        .contentType("text/plain")
        .result(
            "tls: "
                + (tls ? "ok" : "not loaded")
                + "\nsecret cache: "
                + (cache ? "synced" : "syncing")
                + "\n");
  }

  void metrics(Context ctx) {
    ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
  }
}
