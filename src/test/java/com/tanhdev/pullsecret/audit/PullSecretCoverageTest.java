package com.tanhdev.pullsecret.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.podspec.PodSpecReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** When a pod spec pulls with a secret, by its own list or through its ServiceAccount. */
class PullSecretCoverageTest {

  private static final String SECRET = "registry-api-tanhdev";

  private final JsonMapper json = JsonMapper.builder().build();
  private final ClusterState state =
      new ClusterState(
          List.of("order-dev"),
          Map.of(),
          Map.of("order-dev", Map.of("order-worker", List.of(SECRET), "default", List.of())),
          List.of());

  private boolean covers(String podSpec) {
    JsonNode spec = json.readTree(podSpec);
    return PullSecretCoverage.covers(
        state, "order-dev", spec, new PodSpecReader().read(spec, false), SECRET);
  }

  @Test
  void a_spec_that_lists_the_secret_is_covered() {
    assertThat(covers("{\"imagePullSecrets\": [{\"name\": \"" + SECRET + "\"}]}")).isTrue();
  }

  @Test
  void a_spec_without_pull_secrets_is_covered_by_its_service_account() {
    assertThat(covers("{\"serviceAccountName\": \"order-worker\"}")).isTrue();
  }

  @Test
  void the_deprecated_service_account_field_counts_too() {
    assertThat(covers("{\"serviceAccount\": \"order-worker\"}")).isTrue();
  }

  @Test
  void a_spec_that_lists_another_secret_gets_nothing_from_its_service_account() {
    // The API server copies the account's pull secrets only into pods that list none.
    assertThat(
            covers(
                "{\"serviceAccountName\": \"order-worker\","
                    + " \"imagePullSecrets\": [{\"name\": \"ghcr-tanhdev\"}]}"))
        .isFalse();
  }

  @Test
  void a_spec_without_a_service_account_uses_the_default_one() {
    assertThat(covers("{}")).isFalse();
  }

  @Test
  void a_service_account_that_does_not_exist_covers_nothing() {
    assertThat(covers("{\"serviceAccountName\": \"missing\"}")).isFalse();
  }
}
