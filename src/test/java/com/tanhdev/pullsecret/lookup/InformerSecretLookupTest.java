package com.tanhdev.pullsecret.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class InformerSecretLookupTest {

  // Generous so that a slow build machine cannot turn a live read against the mock into ERROR.
  private static final Duration LIVE_READ_TIMEOUT = Duration.ofSeconds(2);
  private static final String CREDENTIAL_MARKER = "registry-password-never-cached";
  private static final String REGISTRY = "registry-api.tanhdev.com";
  private static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";

  KubernetesMockServer server;
  KubernetesClient client;

  private final List<InformerSecretLookup> lookups = new ArrayList<>();

  @AfterEach
  void closeLookups() {
    lookups.forEach(InformerSecretLookup::close);
  }

  @Test
  void a_secret_present_before_start_is_a_cache_hit() {
    createSecret("team-a", "regcred");

    InformerSecretLookup lookup = syncedLookup("regcred");

    assertThat(lookup.find("team-a", "regcred")).isEqualTo(LookupResult.CACHE_HIT);
  }

  @Test
  void a_secret_in_another_namespace_is_a_miss() {
    createSecret("team-a", "regcred");

    InformerSecretLookup lookup = syncedLookup("regcred");

    assertThat(lookup.find("team-b", "regcred")).isEqualTo(LookupResult.MISS);
  }

  @Test
  void a_secret_created_after_start_reaches_the_cache() {
    InformerSecretLookup lookup = syncedLookup("regcred");

    createSecret("team-a", "regcred");

    await().until(() -> lookup.find("team-a", "regcred") == LookupResult.CACHE_HIT);
  }

  @Test
  void a_secret_the_cache_does_not_know_yet_is_found_by_a_live_read() {
    createSecret("team-a", "regcred");
    InformerSecretLookup lookup = lookup("regcred", LIVE_READ_TIMEOUT);

    assertThat(lookup.find("team-a", "regcred")).isEqualTo(LookupResult.LIVE_HIT);
  }

  @Test
  void a_secret_name_added_by_a_config_reload_is_watched_from_then_on() {
    createSecret("team-a", "ghcr-pull");
    InformerSecretLookup lookup = syncedLookup("regcred");
    assertThat(lookup.find("team-a", "ghcr-pull")).isEqualTo(LookupResult.ERROR);

    lookup.watchAlso(Map.of("regcred", Set.of(REGISTRY), "ghcr-pull", Set.of("ghcr.io")));

    await().until(lookup::isSynced);
    assertThat(lookup.find("team-a", "ghcr-pull")).isEqualTo(LookupResult.CACHE_HIT);
  }

  @Test
  void a_deleted_secret_becomes_a_miss() {
    createSecret("team-a", "regcred");
    InformerSecretLookup lookup = syncedLookup("regcred");

    client.secrets().inNamespace("team-a").withName("regcred").delete();

    await().until(() -> lookup.find("team-a", "regcred") == LookupResult.MISS);
  }

  @Test
  void a_secret_name_that_is_not_watched_is_an_error_without_an_api_call() {
    createSecret("team-a", "other");
    InformerSecretLookup lookup = lookup("regcred", LIVE_READ_TIMEOUT);
    int requestsBefore = server.getRequestCount();

    assertThat(lookup.find("team-a", "other")).isEqualTo(LookupResult.ERROR);
    assertThat(server.getRequestCount()).isEqualTo(requestsBefore);
  }

  @Test
  void the_lookup_is_synced_only_after_start() {
    InformerSecretLookup lookup = lookup("regcred", LIVE_READ_TIMEOUT);
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
    lookups.add(lookup);
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
    createSecret("team-a", "regcred", DOCKER_CONFIG_JSON, dockerConfig(REGISTRY));
    InformerSecretLookup lookup = syncedLookup("regcred");
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
    assertThat(lookup.toString()).doesNotContain(CREDENTIAL_MARKER, base64(CREDENTIAL_MARKER));
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
      lookups.add(lookup);
      lookup.start();

      LookupResult result =
          assertTimeoutPreemptively(Duration.ofSeconds(5), () -> lookup.find("team-a", "regcred"));

      assertThat(result).isEqualTo(LookupResult.ERROR);
      assertThat(lookup.isSynced()).isFalse();
    }
  }

  @Test
  void a_cached_secret_is_answered_with_what_it_can_pull_from() {
    createSecret("team-a", "regcred", DOCKER_CONFIG_JSON, dockerConfig(REGISTRY));
    createSecret("team-b", "regcred", DOCKER_CONFIG_JSON, dockerConfig("ghcr.io"));
    createSecret("team-c", "regcred", "Opaque", dockerConfig(REGISTRY));
    InformerSecretLookup lookup = syncedLookup("regcred");

    await().until(() -> lookup.inspect("team-c", "regcred").result() == LookupResult.CACHE_HIT);
    assertThat(lookup.inspect("team-a", "regcred").facts().problemFor(REGISTRY)).isEmpty();
    assertThat(lookup.inspect("team-b", "regcred").facts().problemFor(REGISTRY))
        .contains(SecretProblem.LACKS_REGISTRY);
    assertThat(lookup.inspect("team-c", "regcred").facts().problemFor(REGISTRY))
        .contains(SecretProblem.WRONG_TYPE);
  }

  @Test
  void a_secret_fixed_in_place_is_answered_as_fixed() {
    createSecret("team-a", "regcred", DOCKER_CONFIG_JSON, dockerConfig("ghcr.io"));
    InformerSecretLookup lookup = syncedLookup("regcred");
    await().until(() -> lookup.find("team-a", "regcred") == LookupResult.CACHE_HIT);

    client
        .secrets()
        .inNamespace("team-a")
        .withName("regcred")
        .edit(
            s ->
                new SecretBuilder(s)
                    .addToData(".dockerconfigjson", base64(dockerConfig(REGISTRY)))
                    .build());

    await().until(() -> lookup.inspect("team-a", "regcred").facts().problemFor(REGISTRY).isEmpty());
  }

  @Test
  void a_live_read_says_what_the_secret_can_pull_from() {
    createSecret("team-a", "regcred", DOCKER_CONFIG_JSON, "{\"auths\": []}");
    InformerSecretLookup lookup = lookup("regcred", LIVE_READ_TIMEOUT);

    SecretAnswer answer = lookup.inspect("team-a", "regcred");

    assertThat(answer.result()).isEqualTo(LookupResult.LIVE_HIT);
    assertThat(answer.facts().problemFor(REGISTRY)).contains(SecretProblem.UNPARSABLE);
  }

  @Test
  void a_reloaded_rule_that_pairs_a_watched_name_with_another_registry_reads_the_secrets_again() {
    createSecret("team-a", "regcred", DOCKER_CONFIG_JSON, dockerConfig("ghcr.io"));
    InformerSecretLookup lookup = syncedLookup("regcred");
    await().until(() -> lookup.find("team-a", "regcred") == LookupResult.CACHE_HIT);
    assertThat(lookup.inspect("team-a", "regcred").facts().problemFor("ghcr.io"))
        .contains(SecretProblem.LACKS_REGISTRY);

    lookup.watchAlso(Map.of("regcred", Set.of(REGISTRY, "ghcr.io")));

    await()
        .until(
            () -> {
              SecretAnswer answer = lookup.inspect("team-a", "regcred");
              return answer.result() == LookupResult.CACHE_HIT
                  && answer.facts().problemFor("ghcr.io").isEmpty();
            });
  }

  private InformerSecretLookup syncedLookup(String secretName) {
    InformerSecretLookup lookup = lookup(secretName, LIVE_READ_TIMEOUT);
    lookup.start();
    await().until(lookup::isSynced);
    return lookup;
  }

  private InformerSecretLookup lookup(String secretName, Duration liveReadTimeout) {
    InformerSecretLookup lookup =
        new InformerSecretLookup(client, Map.of(secretName, Set.of(REGISTRY)), liveReadTimeout);
    lookups.add(lookup);
    return lookup;
  }

  private void createSecret(String namespace, String name) {
    createSecret(
        namespace, name, DOCKER_CONFIG_JSON, "{\"auths\":{\"" + CREDENTIAL_MARKER + "\":{}}}");
  }

  private void createSecret(String namespace, String name, String type, String dockerConfig) {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .addToAnnotations("note", CREDENTIAL_MARKER)
            .endMetadata()
            .withType(type)
            .addToData(".dockerconfigjson", base64(dockerConfig))
            .build();
    client.secrets().inNamespace(namespace).resource(secret).create();
  }

  private static String dockerConfig(String registry) {
    return "{\"auths\":{\""
        + registry
        + "\":{\"auth\":\""
        + base64("ci:" + CREDENTIAL_MARKER)
        + "\"}}}";
  }

  private static KubernetesClient clientFor(ServerSocket silent) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + silent.getLocalPort())
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
