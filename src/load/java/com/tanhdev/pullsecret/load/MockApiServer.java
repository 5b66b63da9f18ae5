package com.tanhdev.pullsecret.load;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stand-in API server (fabric8's CRUD mock, plain HTTP on loopback) holding the pull secret in
 * every sample namespace, so the webhook's informers really list and watch, readiness really waits
 * for their sync, and the request count shows whether admissions call the API server.
 */
final class MockApiServer implements AutoCloseable {

  // base64 of a docker config with a made-up credential for registry-api.tanhdev.com: the webhook
  // injects only a secret that holds credentials for the registry.
  private static final String USABLE_DOCKER_CONFIG =
      "eyJhdXRocyI6eyJyZWdpc3RyeS1hcGkudGFuaGRldi5jb20iOnsiYXV0aCI6Ilkya3RjSFZzYkRwdWIzUXRZUzF5WldGc0xYUnZhMlZ1In19fQ==";

  // Held so the setting survives: java.util.logging keeps loggers weakly.
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private final KubernetesMockServer server;

  private MockApiServer(KubernetesMockServer server) {
    this.server = server;
  }

  static MockApiServer withPullSecrets(String secretName, int namespaces) {
    MOCK_LOG.setLevel(Level.WARNING); // it logs every request it answers
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient client = server.createClient()) {
      for (int i = 0; i < namespaces; i++) {
        client
            .secrets()
            .inNamespace("team-%02d".formatted(i))
            .resource(
                new SecretBuilder()
                    .withNewMetadata()
                    .withName(secretName)
                    .endMetadata()
                    .withType("kubernetes.io/dockerconfigjson")
                    .withData(Map.of(".dockerconfigjson", USABLE_DOCKER_CONFIG))
                    .build())
            .create();
      }
    }
    return new MockApiServer(server);
  }

  String url() {
    return server.url("/");
  }

  /** Requests the API server has answered so far. */
  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.destroy();
  }
}
