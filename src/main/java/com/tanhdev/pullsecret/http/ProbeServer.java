package com.tanhdev.pullsecret.http;

import io.javalin.Javalin;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Plain HTTP for a process that serves nothing else: {@code /healthz}, {@code /readyz} and {@code
 * /metrics}. The webhook's own health port lives in {@link WebhookServer}, beside its HTTPS port.
 */
public final class ProbeServer implements AutoCloseable {

  private final Javalin app;

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
              cfg.routes.get(
                  "/healthz",
                  ctx -> {
                    boolean ok = alive.getAsBoolean();
                    ctx.status(ok ? 200 : 503)
                        .contentType("text/plain")
                        .result(ok ? "ok" : "stalled");
                  });
              cfg.routes.get(
                  "/readyz",
                  ctx -> {
                    boolean ok = ready.getAsBoolean();
                    ctx.status(ok ? 200 : 503)
                        .contentType("text/plain")
                        .result(ok ? "ok" : "caches syncing");
                  });
              cfg.routes.get(
                  "/metrics",
                  ctx ->
                      ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                          .result(scrape.get()));
            });
  }

  public ProbeServer start() {
    app.start();
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
