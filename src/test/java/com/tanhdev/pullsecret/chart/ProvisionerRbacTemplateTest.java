package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The provisioner's RBAC, rule by rule: exactly what the provisioning contract grants and nothing
 * more. A broader rule here (a secret verb without resourceNames, a Role in the wrong namespace)
 * would give the provisioner every Secret of the cluster.
 */
class ProvisionerRbacTemplateTest {

  private static final String PROVISIONER = "pullsecret-webhook-provisioner";

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();
  private final RenderedManifests manifests = chart.render("provisioner.yaml");

  @Test
  void the_cluster_role_creates_secrets_and_reaches_existing_ones_only_by_the_provisioned_names() {
    // quay-pull has no source: the provisioner never touches it.
    assertThat(manifests.one("ClusterRole", PROVISIONER).path("rules"))
        .isEqualTo(
            yaml(
                """
                - apiGroups: [""]
                  resources: [secrets]
                  verbs: [create]
                - apiGroups: [""]
                  resources: [secrets]
                  resourceNames: [ghcr-pull, registry-api-tanhdev]
                  verbs: [get, list, watch, update, patch, delete]
                - apiGroups: [""]
                  resources: [namespaces]
                  verbs: [get, list, watch]
                - apiGroups: [""]
                  resources: [events]
                  verbs: [create, patch]
                - apiGroups: [events.k8s.io]
                  resources: [events]
                  verbs: [create, patch]
                """));
  }

  @Test
  void each_source_namespace_gets_a_read_only_role_on_its_sources_by_name() {
    JsonNode role = manifests.one("Role", PROVISIONER + "-source");

    assertThat(role.path("metadata").path("namespace").asString()).isEqualTo("infrastructure");
    assertThat(role.path("rules"))
        .isEqualTo(
            yaml(
                """
                - apiGroups: [""]
                  resources: [secrets]
                  resourceNames: [ghcr-pull, registry-api-tanhdev]
                  verbs: [get, list, watch]
                """));
  }

  @Test
  void sources_in_several_namespaces_get_one_role_each_naming_only_their_own_secrets() {
    RenderedManifests twoNamespaces =
        chart.renderSetting(
            "provisioner.enabled=true",
            "rules[0].registry=registry-api.tanhdev.com",
            "rules[0].secret=registry-api-tanhdev",
            "rules[0].source=infrastructure/registry-api-tanhdev",
            "rules[1].registry=ghcr.io",
            "rules[1].secret=ghcr-pull",
            "rules[1].source=platform-secrets/ghcr-robot");

    assertThat(twoNamespaces.all("Role"))
        .extracting(
            role ->
                role.path("metadata").path("namespace").asString()
                    + ": "
                    + role.path("rules").get(0).path("resourceNames").toString())
        .containsExactlyInAnyOrder(
            "infrastructure: [\"registry-api-tanhdev\"]",
            "platform-secrets: [\"ghcr-robot\"]",
            PullsecretChart.NAMESPACE + ": [\"" + PROVISIONER + "\"]");
  }

  @Test
  void the_lease_role_in_the_release_namespace_reaches_only_the_configured_lease() {
    JsonNode role = manifests.one("Role", PROVISIONER + "-lease");

    assertThat(role.path("metadata").path("namespace").asString())
        .isEqualTo(PullsecretChart.NAMESPACE);
    assertThat(role.path("rules"))
        .isEqualTo(
            yaml(
                """
                - apiGroups: [coordination.k8s.io]
                  resources: [leases]
                  resourceNames: [pullsecret-webhook-provisioner]
                  verbs: [get, update]
                - apiGroups: [coordination.k8s.io]
                  resources: [leases]
                  verbs: [create]
                """));
    assertThat(ConfigFile.of(manifests).path("provisioning").path("leaseName").asString())
        .isEqualTo(PROVISIONER);
  }

  @Test
  void every_provisioner_role_is_bound_to_the_provisioners_own_service_account_only() {
    List<JsonNode> bindings =
        List.of(
            manifests.one("ClusterRoleBinding", PROVISIONER),
            manifests.one("RoleBinding", PROVISIONER + "-source"),
            manifests.one("RoleBinding", PROVISIONER + "-lease"));

    for (JsonNode binding : bindings) {
      String name = binding.path("metadata").path("name").asString();
      assertThat(binding.path("roleRef").path("name").asString()).as(name).isEqualTo(name);
      assertThat(binding.path("subjects"))
          .as(name)
          .isEqualTo(
              yaml(
                  "[{kind: ServiceAccount, name: %s, namespace: %s}]"
                      .formatted(PROVISIONER, PullsecretChart.NAMESPACE)));
    }
    assertThat(manifests.one("ServiceAccount", PROVISIONER)).isNotNull();
    assertThat(
            manifests.one("Deployment", PROVISIONER).at("/spec/template/spec/serviceAccountName"))
        .isEqualTo(yaml(PROVISIONER));
  }

  @Test
  void the_webhooks_own_role_stays_read_only_and_reads_namespaces_with_the_provisioner_enabled() {
    // Namespaces: the webhook reads their labels to know where a copy is on its way.
    assertThat(manifests.one("ClusterRole", "pullsecret-webhook").path("rules"))
        .isEqualTo(
            yaml(
                """
                - apiGroups: [""]
                  resources: [secrets]
                  resourceNames: [ghcr-pull, quay-pull, registry-api-tanhdev]
                  verbs: [get, list, watch]
                - apiGroups: [""]
                  resources: [namespaces]
                  verbs: [get, list, watch]
                """));
  }

  private static JsonNode yaml(String text) {
    return YAMLMapper.builder().build().readTree(text);
  }
}
