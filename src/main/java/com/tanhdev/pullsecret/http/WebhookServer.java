package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.config.ServerSettings;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.security.GeneralSecurityException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Two listeners: HTTPS for {@code /mutate} (no plaintext connector on that port), plain HTTP for
 * probes and metrics. HTTP/1.1 only, because kube-apiserver never speaks HTTP/2 to webhooks. The
 * handler of {@code /mutate} is the {@link AdmissionEndpoint}; the load tests put a no-op handler
 * there to measure what this server stack alone can do.
 */
public final class WebhookServer implements AutoCloseable {

  /**
   * Shutdown gets this long to drain: in-flight reviews finish, connections in use are closed after
   * their next answer, idle ones after {@link TransportDeadlines#DRAIN_IDLE_MILLIS}.
   */
  private static final long STOP_TIMEOUT_MILLIS = 10_000;

  /**
   * Warm-up before readiness (see {@link JitWarmUp}): at most this many handshakes and sample
   * reviews, each within its time budget. Readiness is probed every few seconds anyway.
   */
  private static final int WARM_UP_HANDSHAKES = 3_000;

  /**
   * Handshakes and reviews per timed batch of the warm-up. It stops after three batches that are no
   * faster, so a batch is the unit of its shortest run: 10 handshakes take 30-50 ms once compiled,
   * where batches of 100 kept every start busy for at least 700 handshakes (2-5 s).
   */
  private static final int WARM_UP_HANDSHAKE_BATCH = 10;

  private static final int WARM_UP_REVIEW_BATCH = 200;

  private static final long WARM_UP_HANDSHAKES_MILLIS = 4_000;
  private static final int WARM_UP_REVIEWS = 30_000;
  private static final long WARM_UP_REVIEWS_MILLIS = 2_000;

  private final ServerSettings settings;
  private final SslContextFactory.Server tls;
  private final AdmissionRoute admission;
  private final HealthEndpoints health;
  private final ErrorBodies errors;
  private final WebhookMetrics metrics;
  private Javalin webhookApp;
  private Javalin healthApp;
  private Server webhookJetty;
  private Server healthJetty;

  public WebhookServer(
      ServerSettings settings,
      SslContextFactory.Server tls,
      AdmissionRoute admission,
      HealthEndpoints health,
      ErrorBodies errors,
      WebhookMetrics metrics) {
    this.settings = settings;
    this.tls = tls;
    this.admission = admission;
    this.health = health;
    this.errors = errors;
    this.metrics = metrics;
  }

  public void start() {
    QueuedThreadPool workers = pool("webhook", settings.maxConcurrentReviews() + 8);
    ConnectionPhases phases = new ConnectionPhases(workers, System::nanoTime, metrics);
    ThrottledWarning overloaded =
        new ThrottledWarning(WebhookServer.class, "overloaded: closed new connections");
    webhookApp =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.jetty.threadPool = workers;
                  cfg.jetty.modifyServer(
                      server -> {
                        webhookJetty = server;
                        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                        server.insertHandler(new PhaseTrackingHandler(phases));
                      });
                  cfg.jetty.addConnector(
                      (server, http) ->
                          HttpsConnector.create(
                              server, http, settings, tls, phases, metrics, overloaded));
                  cfg.routes.post("/mutate", admission);
                  for (HandlerType method : HandlerType.values()) {
                    if (method.isHttpMethod() && method != HandlerType.POST) {
                      cfg.routes.addHttpHandler(
                          method,
                          "/mutate",
                          ctx -> {
                            ctx.header("Allow", "POST");
                            errors.write(
                                ctx, 405, "method " + ctx.method() + " not allowed, use POST");
                          });
                    }
                  }
                  commonErrors(cfg);
                })
            .start();
    FirstRequest.send(webhookJetty, "/mutate", 405);
    // After the start, which has loaded the key into the factory; before the health port, whose
    // readiness lets the API server's connections in.
    warmUp();
    healthApp =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.jetty.threadPool = pool("health", 12);
                  cfg.jetty.modifyServer(server -> healthJetty = server);
                  cfg.jetty.host = settings.host();
                  cfg.jetty.port = settings.healthPort();
                  cfg.routes.get("/healthz", health::healthz);
                  cfg.routes.get("/readyz", health::readyz);
                  cfg.routes.get("/metrics", health::metrics);
                  commonErrors(cfg);
                })
            .start();
    FirstRequest.send(healthJetty, "/healthz", 200);
  }

  public int webhookPort() {
    return webhookApp.port();
  }

  public int healthPort() {
    return healthApp.port();
  }

  /**
   * Stops accepting, then drains (bounded): in-flight reviews finish, every later answer on an open
   * connection says {@code Connection: close}, idle connections are closed once idle for {@link
   * TransportDeadlines#DRAIN_IDLE_MILLIS}.
   */
  @Override
  public void close() {
    if (webhookApp != null) {
      webhookApp.stop();
    }
    if (healthApp != null) {
      healthApp.stop();
    }
  }

  private void warmUp() {
    try {
      JitWarmUp.repeat(
          "TLS handshake",
          new TlsWarmUp(tls),
          WARM_UP_HANDSHAKE_BATCH,
          WARM_UP_HANDSHAKES,
          WARM_UP_HANDSHAKES_MILLIS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS client for the warm-up", e);
    }
    JitWarmUp.repeat(
        "review",
        admission::decideSample,
        WARM_UP_REVIEW_BATCH,
        WARM_UP_REVIEWS,
        WARM_UP_REVIEWS_MILLIS);
  }

  private void commonErrors(io.javalin.config.JavalinConfig cfg) {
    cfg.routes.error(404, ctx -> errors.write(ctx, 404, "not found: " + ctx.path()));
    cfg.routes.exception(Exception.class, (e, ctx) -> errors.write(ctx, 500, "internal error"));
  }

  private static QueuedThreadPool pool(String name, int maxThreads) {
    QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
    pool.setName(name);
    return pool;
  }
}
