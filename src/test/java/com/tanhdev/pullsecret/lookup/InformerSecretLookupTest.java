package com.tanhdev.pullsecret.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.tanhdev.pullsecret.kube.KubernetesClients;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@EnableKubernetesMockClient(crud = true)
class InformerSecretLookupTest {

  private static final Duration LIVE_READ_TIMEOUT = MockSecrets.LIVE_READ_TIMEOUT;
  private static final String CREDENTIAL_MARKER = MockSecrets.CREDENTIAL_MARKER;
  private static final String REGISTRY = MockSecrets.REGISTRY;
  private static final String DOCKER_CONFIG_JSON = MockSecrets.DOCKER_CONFIG_JSON;

  KubernetesMockServer server;
  KubernetesClient client;
  @RegisterExtension final MockSecrets secrets = new MockSecrets(() -> client);

  @Test
  void a_secret_present_before_start_is_a_cache_hit() {
    secrets.create("team-a", "regcred");

    InformerSecretLookup lookup = secrets.syncedLookup("regcred");

    assertThat(lookup.find("team-a", "regcred")).isEqualTo(LookupResult.CACHE_HIT);
  }

  @Test
  void a_secret_in_another_namespace_is_a_miss() {
    secrets.create("team-a", "regcred");

    InformerSecretLookup lookup = secrets.syncedLookup("regcred");

    assertThat(lookup.find("team-b", "regcred")).isEqualTo(LookupResult.MISS);
  }

  @Test
  void a_secret_created_after_start_reaches_the_cache() {
    InformerSecretLookup lookup = secrets.syncedLookup("regcred");

    secrets.create("team-a", "regcred");

    await().until(() -> lookup.find("team-a", "regcred") == LookupResult.CACHE_HIT);
  }

  @Test
  void a_secret_the_cache_does_not_know_yet_is_found_by_a_live_read() {
    secrets.create("team-a", "regcred");
    InformerSecretLookup lookup = secrets.lookup("regcred", LIVE_READ_TIMEOUT);

    assertThat(lookup.find("team-a", "regcred")).isEqualTo(LookupResult.LIVE_HIT);
  }

  @Test
  void a_secret_name_added_by_a_config_reload_is_watched_from_then_on() {
    secrets.create("team-a", "ghcr-pull");
    InformerSecretLookup lookup = secrets.syncedLookup("regcred");
    assertThat(lookup.find("team-a", "ghcr-pull")).isEqualTo(LookupResult.ERROR);

    lookup.watchAlso(Map.of("regcred", Set.of(REGISTRY), "ghcr-pull", Set.of("ghcr.io")));

    await().until(lookup::isSynced);
    assertThat(lookup.find("team-a", "ghcr-pull")).isEqualTo(LookupResult.CACHE_HIT);
  }

  @Test
  void a_deleted_secret_becomes_a_miss() {
    secrets.create("team-a", "regcred");
    InformerSecretLookup lookup = secrets.syncedLookup("regcred");

    client.secrets().inNamespace("team-a").withName("regcred").delete();

    await().until(() -> lookup.find("team-a", "regcred") == LookupResult.MISS);
  }

  @Test
  void a_secret_name_that_is_not_watched_is_an_error_without_an_api_call() {
    secrets.create("team-a", "other");
    InformerSecretLookup lookup = secrets.lookup("regcred", LIVE_READ_TIMEOUT);
    int requestsBefore = server.getRequestCount();

    assertThat(lookup.find("team-a", "other")).isEqualTo(LookupResult.ERROR);
    assertThat(server.getRequestCount()).isEqualTo(requestsBefore);
  }

  @Test
  void the_lookup_is_synced_only_after_start() {
    InformerSecretLookup lookup = secrets.lookup("regcred", LIVE_READ_TIMEOUT);
    assertThat(lookup.isSynced()).isFalse();

    lookup.start();

    await().until(lookup::isSynced);
  }

  @Test
  void every_secret_list_and_watch_asks_for_one_name_so_rbac_resource_names_can_allow_it()
      throws InterruptedException {
    InformerSecretLookup lookup =
        new InformerSecretLookup(
            client,
            Map.of("regcred", Set.of(REGISTRY), "mirror-cred", Set.of(REGISTRY)),
            LIVE_READ_TIMEOUT);
    secrets.track(lookup);
    lookup.start();
    // One list and one watch per name.
    await().until(() -> server.getRequestCount() >= 4);

    List<String> secretRequests = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      RecordedRequest request = server.takeRequest();
      String path = URLDecoder.decode(request.getPath(), StandardCharsets.UTF_8);
      if (path.startsWith("/api/v1/secrets")) {
        secretRequests.add(path);
      }
    }

    assertThat(secretRequests)
        .isNotEmpty()
        .allMatch(
            path ->
                path.contains("fieldSelector=metadata.name=regcred")
                    || path.contains("fieldSelector=metadata.name=mirror-cred"));
  }

  @Test
  void the_cache_keeps_no_secret_data() {
    secrets.create("team-a", "regcred", DOCKER_CONFIG_JSON, MockSecrets.dockerConfig(REGISTRY));
    InformerSecretLookup lookup = secrets.syncedLookup("regcred");
    await().until(() -> lookup.find("team-a", "regcred") == LookupResult.CACHE_HIT);

    assertThat(lookup.cachedSecrets())
        .singleElement()
        .satisfies(
            secret -> {
              assertThat(secret.getMetadata().getName()).isEqualTo("regcred");
              assertThat(secret.getData()).isNullOrEmpty();
              assertThat(secret.getStringData()).isNullOrEmpty();
              assertThat(secret.getMetadata().getAnnotations()).isNullOrEmpty();
            });
    assertThat(lookup.inspect("team-a", "regcred").facts())
        .isEqualTo(new SecretFacts(DOCKER_CONFIG_JSON, null, Set.of(REGISTRY)));
    assertThat(lookup.toString())
        .doesNotContain(CREDENTIAL_MARKER, MockSecrets.base64(CREDENTIAL_MARKER));
  }

  @Test
  void a_hanging_api_server_gives_error_within_the_deadline() throws Exception {
    // A listening socket that is never accepted: the kernel completes the TCP handshake, takes the
    // request bytes, and no answer ever comes.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        KubernetesClient hangingClient = clientFor(silent)) {
      InformerSecretLookup lookup =
          new InformerSecretLookup(
              hangingClient, Map.of("regcred", Set.of(REGISTRY)), Duration.ofMillis(300));
      secrets.track(lookup);
      lookup.start();

      LookupResult result =
          assertTimeoutPreemptively(Duration.ofSeconds(5), () -> lookup.find("team-a", "regcred"));

      assertThat(result).isEqualTo(LookupResult.ERROR);
      assertThat(lookup.isSynced()).isFalse();
    }
  }

  private static KubernetesClient clientFor(ServerSocket silent) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + silent.getLocalPort())
            .build();
    return KubernetesClients.builder().withConfig(config).build();
  }
}
