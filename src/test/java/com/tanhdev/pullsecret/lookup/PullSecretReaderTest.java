package com.tanhdev.pullsecret.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each validity state of a pull secret, read the way the kubelet reads it. */
class PullSecretReaderTest {

  private static final String REGISTRY = "registry-api.tanhdev.com";
  private static final String AUTH = base64("ci-pull:s3cr3t-token");

  private final PullSecretReader reader = new PullSecretReader(JsonMapper.builder().build());

  private Optional<String> problem(String type, String dockerConfig) {
    return problem(REGISTRY, type, dockerConfig);
  }

  private Optional<String> problem(String registry, String type, String dockerConfig) {
    SecretBuilder secret =
        new SecretBuilder().withNewMetadata().withName("registry-api-tanhdev").endMetadata();
    if (type != null) {
      secret.withType(type);
    }
    if (dockerConfig != null) {
      secret.addToData(".dockerconfigjson", base64(dockerConfig));
    }
    Secret built = secret.build();
    return reader.read(built, Set.of(registry)).describeProblemFor(registry);
  }

  private static String auths(String key) {
    return "{\"auths\":{\"" + key + "\":{\"auth\":\"" + AUTH + "\"}}}";
  }

  @Test
  void a_dockerconfigjson_with_the_registry_host_is_valid() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths(REGISTRY))).isEmpty();
  }

  @Test
  void an_opaque_secret_is_of_the_wrong_type() {
    assertThat(problem("Opaque", auths(REGISTRY)))
        .contains("is of type Opaque, not kubernetes.io/dockerconfigjson");
  }

  @Test
  void a_secret_without_a_type_is_opaque() {
    assertThat(problem(null, auths(REGISTRY)))
        .contains("is of type Opaque, not kubernetes.io/dockerconfigjson");
  }

  @Test
  void a_legacy_dockercfg_secret_is_of_the_wrong_type() {
    assertThat(problem("kubernetes.io/dockercfg", null))
        .contains("is of type kubernetes.io/dockercfg, not kubernetes.io/dockerconfigjson");
  }

  @Test
  void a_config_that_is_not_json_is_unparsable_and_its_text_is_not_quoted() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, "{\"auths\": s3cr3t"))
        .contains("has a .dockerconfigjson that cannot be read: it is not JSON");
  }

  @Test
  void a_json_array_is_unparsable() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, "[]"))
        .contains("has a .dockerconfigjson that cannot be read: it is not a JSON object");
  }

  @Test
  void auths_that_is_not_an_object_is_unparsable() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, "{\"auths\":[]}"))
        .contains("has a .dockerconfigjson that cannot be read: its auths is not an object");
  }

  @Test
  void an_auth_that_is_not_user_and_password_is_unparsable_as_the_kubelet_rejects_it() {
    assertThat(
            problem(
                SecretFacts.DOCKER_CONFIG_JSON,
                "{\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"" + base64("no-colon") + "\"}}}"))
        .contains(
            "has a .dockerconfigjson that cannot be read: the entry for "
                + REGISTRY
                + " has an auth that is not base64 of user:password");
  }

  @Test
  void a_dockerconfigjson_secret_without_the_key_is_unparsable() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, null))
        .contains("has a .dockerconfigjson that cannot be read: it has no .dockerconfigjson key");
  }

  @Test
  void auths_for_another_host_lack_the_registry() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths("ghcr.io")))
        .contains("has no credentials for registry-api.tanhdev.com");
  }

  @Test
  void a_config_without_auths_lacks_the_registry() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, "{}"))
        .contains("has no credentials for registry-api.tanhdev.com");
  }

  @Test
  void a_lookalike_host_lacks_the_registry() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths("registry-api.tanhdev.com.evil.io")))
        .contains("has no credentials for registry-api.tanhdev.com");
  }

  @Test
  void a_key_with_an_https_scheme_matches() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths("https://" + REGISTRY))).isEmpty();
  }

  @Test
  void a_key_with_a_path_matches() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths("https://" + REGISTRY + "/v2/")))
        .isEmpty();
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths(REGISTRY + "/auth"))).isEmpty();
  }

  @Test
  void an_upper_case_host_matches() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths("Registry-API.TanhDev.com")))
        .isEmpty();
  }

  @Test
  void a_port_must_be_the_same_on_both_sides() {
    String withPort = "registry-api.tanhdev.com:5000";
    assertThat(problem(withPort, SecretFacts.DOCKER_CONFIG_JSON, auths(withPort))).isEmpty();
    assertThat(problem(withPort, SecretFacts.DOCKER_CONFIG_JSON, auths(REGISTRY)))
        .contains("has no credentials for registry-api.tanhdev.com:5000");
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths(withPort)))
        .contains("has no credentials for registry-api.tanhdev.com");
  }

  @Test
  void a_wildcard_matches_within_one_part_of_the_host() {
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths("*.tanhdev.com"))).isEmpty();
    assertThat(problem(SecretFacts.DOCKER_CONFIG_JSON, auths("*.com")))
        .contains("has no credentials for registry-api.tanhdev.com");
  }

  @Test
  void docker_hub_credentials_filed_under_index_docker_io_match_a_docker_io_rule() {
    assertThat(
            problem(
                "docker.io", SecretFacts.DOCKER_CONFIG_JSON, auths("https://index.docker.io/v1/")))
        .isEmpty();
  }

  @Test
  void the_facts_keep_no_credential() {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName("registry-api-tanhdev")
            .endMetadata()
            .withType(SecretFacts.DOCKER_CONFIG_JSON)
            .addToData(".dockerconfigjson", base64(auths(REGISTRY)))
            .build();

    SecretFacts facts = reader.read(secret, Set.of(REGISTRY, "ghcr.io"));

    assertThat(facts)
        .isEqualTo(new SecretFacts(SecretFacts.DOCKER_CONFIG_JSON, null, Set.of(REGISTRY)));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
