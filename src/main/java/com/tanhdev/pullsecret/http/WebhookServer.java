package com.tanhdev.pullsecret.http;

import com.tanhdev.pullsecret.config.ServerSettings;
import com.tanhdev.pullsecret.metrics.WebhookMetrics;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.security.GeneralSecurityException;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
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
   * Connections the kernel holds for us before we accept them. The API server dials a new
   * connection for every call beyond its idle pool, so a burst arrives as a burst of connections;
   * with the JDK's default of 50, the excess SYNs are dropped and each retry costs its request a
   * second or more. Linux caps this at net.core.somaxconn (4096 on current kernels).
   */
  private static final int ACCEPT_QUEUE = 1024;

  /**
   * Handshakes the webhook starts at once, and per second after that ({@link
   * BudgetedSslConnectionFactory}). The burst lets the pools of two API servers (25 connections
   * each) fill at once. The rate holds handshakes to a fifth of a core or less (2-4 ms each on the
   * benchmark machine): enough for the connection churn of normal operation, and low enough that
   * the calls on open connections keep the CPU when an overloaded API server dials for every call.
   * Measured in docs/benchmarks.md: with 200 per second, or with a bound of 16 handshakes in
   * progress instead of a rate, a burst above capacity left the webhook overloaded for as long as
   * the load lasted.
   */
  private static final int HANDSHAKE_BURST = 64;

  private static final int HANDSHAKES_PER_SECOND = 50;

  /**
   * Open connections, as a multiple of {@code server.maxConcurrentReviews} (512 by default):
   * HTTP/1.1 carries one review at a time per connection, but most connections sit idle in the
   * pools of the API servers (up to 25 each), and those cost only memory (a few KiB of TLS state
   * each; a connection mid-request holds its buffers too, about 20 KiB). Reviews beyond the worker
   * threads wait in Jetty's queue, which this bounds too. Large enough that hundreds of stalled
   * clients are ended by their deadlines before they fill it.
   */
  private static final int CONNECTIONS_PER_REVIEW = 8;

  /**
   * Idle buffers Jetty keeps for reuse. Connections take buffers from the heap, not direct memory:
   * native memory sits outside -Xmx, where no limit of ours would see it, and a burst of
   * connections would leave the process that much larger for good.
   */
  private static final long POOLED_BUFFER_BYTES = 4L * 1024 * 1024;

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
                        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                        server.insertHandler(new PhaseTrackingHandler(phases));
                      });
                  cfg.jetty.addConnector(
                      (server, http) -> {
                        ServerConnector connector =
                            new ServerConnector(
                                server,
                                null,
                                null,
                                new ArrayByteBufferPool(
                                    0, -1, -1, -1, POOLED_BUFFER_BYTES, POOLED_BUFFER_BYTES),
                                -1,
                                -1,
                                tlsFactory(overloaded),
                                new HttpConnectionFactory(httpsConfiguration(http)));
                        connector.setHost(settings.host());
                        connector.setPort(settings.port());
                        connector.setIdleTimeout(TransportDeadlines.IDLE_MILLIS);
                        connector.setShutdownIdleTimeout(TransportDeadlines.DRAIN_IDLE_MILLIS);
                        connector.setAcceptQueueSize(ACCEPT_QUEUE);
                        connector.addBean(phases);
                        connector.addBean(
                            new ConnectionGate(
                                CONNECTIONS_PER_REVIEW * settings.maxConcurrentReviews(),
                                phases,
                                metrics,
                                overloaded));
                        return connector;
                      });
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
    // After the start, which has loaded the key into the factory; before the health port, whose
    // readiness lets the API server's connections in.
    warmUp();
    healthApp =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.jetty.threadPool = pool("health", 12);
                  cfg.jetty.host = settings.host();
                  cfg.jetty.port = settings.healthPort();
                  cfg.routes.get("/healthz", health::healthz);
                  cfg.routes.get("/readyz", health::readyz);
                  cfg.routes.get("/metrics", health::metrics);
                  commonErrors(cfg);
                })
            .start();
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

  private SslConnectionFactory tlsFactory(ThrottledWarning overloaded) {
    SslConnectionFactory factory =
        new BudgetedSslConnectionFactory(
            tls,
            new HandshakeTokenBucket(HANDSHAKE_BURST, HANDSHAKES_PER_SECOND, System::nanoTime),
            metrics,
            overloaded);
    factory.setDirectBuffersForEncryption(false);
    factory.setDirectBuffersForDecryption(false);
    return factory;
  }

  private static HttpConfiguration httpsConfiguration(HttpConfiguration defaults) {
    HttpConfiguration https = new HttpConfiguration(defaults);
    https.setUseInputDirectByteBuffers(false);
    https.setUseOutputDirectByteBuffers(false);
    // Jetty's per-connection cache of header lines builds a trie of 20-90 KiB on each connection's
    // first request and keeps it while the connection lives: 512 open connections held 45 MiB of
    // it under a 4,000/s overload, and the heap ran out. A review's few headers parse fast enough.
    https.setHeaderCacheSize(0);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false); // the API server may dial an IP with no SNI at all
    https.addCustomizer(secure);
    return https;
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
