package com.tanhdev.pullsecret.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Plain HTTP for a process that serves nothing else: {@code /healthz}, {@code /readyz} and {@code
 * /metrics}. The webhook's own health port lives in {@link WebhookServer}, beside its HTTPS port.
 */
public final class ProbeServer implements AutoCloseable {

  private final Javalin app;
  private Server jetty;

  /**
   * @param alive what {@code /healthz} answers: false restarts the pod
   * @param ready what {@code /readyz} answers
   * @param scrape the Prometheus exposition
   */
  public ProbeServer(
      String host,
      int port,
      BooleanSupplier alive,
      BooleanSupplier ready,
      Supplier<String> scrape) {
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("probes");
    app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.jetty.threadPool = threads;
              cfg.jetty.host = host;
              cfg.jetty.port = port;
              cfg.jetty.modifyServer(server -> jetty = server);
              cfg.routes.get("/healthz", probe(alive, "stalled"));
              cfg.routes.get("/readyz", probe(ready, "caches syncing"));
              cfg.routes.get(
                  "/metrics",
                  ctx -> ctx.contentType(HealthEndpoints.PROMETHEUS_TEXT).result(scrape.get()));
            });
  }

  /** 200 "ok" while the check holds, else 503 with what is wrong. */
  private static Handler probe(BooleanSupplier check, String failure) {
    return ctx -> {
      boolean ok = check.getAsBoolean();
      ctx.status(ok ? 200 : 503).contentType("text/plain").result(ok ? "ok" : failure);
    };
  }

  public ProbeServer start() {
    app.start();
    // Not a route: the answer (404) does not depend on the probes' state at start.
    FirstRequest.send(jetty, "/first-request", 404);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
