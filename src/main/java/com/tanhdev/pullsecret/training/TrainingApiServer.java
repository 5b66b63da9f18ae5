package com.tanhdev.pullsecret.training;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The few answers of an API server that the webhook's informers need, on loopback, for the training
 * run: the pull secret in two namespaces for the list, and watches that stay open, event-less,
 * until the run ends. An image build has no cluster to talk to, and the informers' list, decode and
 * watch are a large part of what a real start loads.
 */
final class TrainingApiServer implements AutoCloseable {

  // A docker config with a made-up credential for registry-api.tanhdev.com, as the webhook only
  // counts a secret that holds credentials for the registry.
  private static final String DOCKER_CONFIG =
      "eyJhdXRocyI6eyJyZWdpc3RyeS1hcGkudGFuaGRldi5jb20iOnsiYXV0aCI6Ilkya3RjSFZzYkRwdWIzUXRZUzF5WldGc0xYUnZhMlZ1In19fQ==";

  private final CountDownLatch closing = new CountDownLatch(1);
  private final Javalin app;

  TrainingApiServer(String secretName) {
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("training-api");
    app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.jetty.threadPool = threads;
              cfg.jetty.host = "127.0.0.1";
              cfg.jetty.port = 0;
              cfg.routes.get("/api/v1/secrets", ctx -> secrets(ctx, secretName));
            });
  }

  TrainingApiServer start() {
    app.start();
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + app.port();
  }

  private void secrets(Context ctx, String secretName) throws Exception {
    ctx.contentType("application/json");
    if ("true".equals(ctx.queryParam("watch"))) {
      ctx.res().flushBuffer();
      closing.await();
      return;
    }
    ctx.result(
        """
        {"apiVersion": "v1", "kind": "SecretList", "metadata": {"resourceVersion": "10"},
         "items": [%s, %s]}
        """
            .formatted(secret(secretName, "team-a", 1), secret(secretName, "team-b", 2)));
  }

  private static String secret(String name, String namespace, int resourceVersion) {
    return """
        {"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/dockerconfigjson",
         "metadata": {"name": "%s", "namespace": "%s", "resourceVersion": "%d",
                      "uid": "00000000-0000-4000-8000-00000000000%d"},
         "data": {".dockerconfigjson": "%s"}}
        """
        .formatted(name, namespace, resourceVersion, resourceVersion, DOCKER_CONFIG);
  }

  @Override
  public void close() {
    closing.countDown();
    app.stop();
  }
}
