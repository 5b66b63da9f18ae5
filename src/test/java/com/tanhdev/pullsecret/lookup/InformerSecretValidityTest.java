package com.tanhdev.pullsecret.lookup;

import static com.tanhdev.pullsecret.lookup.MockSecrets.DOCKER_CONFIG_JSON;
import static com.tanhdev.pullsecret.lookup.MockSecrets.REGISTRY;
import static com.tanhdev.pullsecret.lookup.MockSecrets.base64;
import static com.tanhdev.pullsecret.lookup.MockSecrets.dockerConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the lookup says a found secret can pull from, from the cache and from a live read. */
@EnableKubernetesMockClient(crud = true)
class InformerSecretValidityTest {

  KubernetesMockServer server;
  KubernetesClient client;
  @RegisterExtension final MockSecrets secrets = new MockSecrets(() -> client);

  @Test
  void a_cached_secret_is_answered_with_what_it_can_pull_from() {
    secrets.create("team-a", "regcred", DOCKER_CONFIG_JSON, dockerConfig(REGISTRY));
    secrets.create("team-b", "regcred", DOCKER_CONFIG_JSON, dockerConfig("ghcr.io"));
    secrets.create("team-c", "regcred", "Opaque", dockerConfig(REGISTRY));
    InformerSecretLookup lookup = secrets.syncedLookup("regcred");

    await().until(() -> lookup.inspect("team-c", "regcred").result() == LookupResult.CACHE_HIT);
    assertThat(lookup.inspect("team-a", "regcred").facts().problemFor(REGISTRY)).isEmpty();
    assertThat(lookup.inspect("team-b", "regcred").facts().problemFor(REGISTRY))
        .contains(SecretProblem.LACKS_REGISTRY);
    assertThat(lookup.inspect("team-c", "regcred").facts().problemFor(REGISTRY))
        .contains(SecretProblem.WRONG_TYPE);
  }

  @Test
  void a_secret_fixed_in_place_is_answered_as_fixed() {
    secrets.create("team-a", "regcred", DOCKER_CONFIG_JSON, dockerConfig("ghcr.io"));
    InformerSecretLookup lookup = secrets.syncedLookup("regcred");
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
    secrets.create("team-a", "regcred", DOCKER_CONFIG_JSON, "{\"auths\": []}");
    InformerSecretLookup lookup = secrets.lookup("regcred", MockSecrets.LIVE_READ_TIMEOUT);

    SecretAnswer answer = lookup.inspect("team-a", "regcred");

    assertThat(answer.result()).isEqualTo(LookupResult.LIVE_HIT);
    assertThat(answer.facts().problemFor(REGISTRY)).contains(SecretProblem.UNPARSABLE);
  }

  @Test
  void a_reloaded_rule_that_pairs_a_watched_name_with_another_registry_reads_the_secrets_again() {
    secrets.create("team-a", "regcred", DOCKER_CONFIG_JSON, dockerConfig("ghcr.io"));
    InformerSecretLookup lookup = secrets.syncedLookup("regcred");
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
}
