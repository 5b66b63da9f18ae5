package com.tanhdev.pullsecret.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.policy.RegistryRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ManifestFixerTest {

  private final YAMLMapper yaml = ManifestYaml.mapper();
  private final ManifestFixer fixer =
      new ManifestFixer(
          new WorkloadScanner(
              List.of(new RegistryRule("registry-api.tanhdev.com", "registry-api-tanhdev"))));

  private JsonNode fixOne(String manifest) {
    JsonNode document = yaml.readTree(manifest);
    return fixer
        .fix(new Manifests(List.of("-"), List.of(new ManifestDocument("-", document))))
        .get(0);
  }

  @Test
  void an_explicit_null_image_pull_secrets_becomes_the_missing_secret() {
    JsonNode fixed =
        fixOne(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: auth-debug}
            spec:
              containers:
              - {name: shell, image: "registry-api.tanhdev.com/auth/debug:1"}
              imagePullSecrets: null
            """);

    assertThat(fixed.at("/spec/imagePullSecrets"))
        .isEqualTo(yaml.readTree("[{name: registry-api-tanhdev}]"));
  }

  @Test
  void the_items_of_a_list_are_fixed_where_they_stand() {
    String list =
        """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Service, metadata: {name: auth-api}}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: auth-api}
          spec:
            template:
              spec:
                containers:
                - {name: api, image: "registry-api.tanhdev.com/auth/api:1.4.2"}
                imagePullSecrets: [{name: auth-legacy}]
        """;

    JsonNode fixed = fixOne(list);

    assertThat(fixed.at("/items/0")).isEqualTo(yaml.readTree(list).at("/items/0"));
    assertThat(fixed.at("/items/1/spec/template/spec/imagePullSecrets"))
        .isEqualTo(yaml.readTree("[{name: auth-legacy}, {name: registry-api-tanhdev}]"));
  }

  @Test
  void an_opted_out_workload_is_left_as_it_was() {
    String optedOut =
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: auth-db-migrate}
        spec:
          template:
            metadata:
              annotations: {pullsecret.tanhdev.com/inject: "false"}
            spec:
              containers:
              - {name: migrate, image: "registry-api.tanhdev.com/auth/migrate:1.4.2"}
        """;

    assertThat(fixOne(optedOut)).isEqualTo(yaml.readTree(optedOut));
  }
}
