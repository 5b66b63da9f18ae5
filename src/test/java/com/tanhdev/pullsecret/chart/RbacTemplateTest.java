package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RbacTemplateTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void the_cluster_role_only_reads_the_configured_secrets_by_name() {
    RenderedManifests manifests = chart.render("many-registries.yaml");

    JsonNode rules = manifests.one("ClusterRole").path("rules");
    assertThat(rules).hasSize(1);
    JsonNode rule = rules.get(0);
    assertThat(strings(rule.path("apiGroups"))).containsExactly("");
    assertThat(strings(rule.path("resources"))).containsExactly("secrets");
    assertThat(strings(rule.path("verbs"))).containsExactly("get", "list", "watch");
    // Two rules share registry-tanhdev: each name is granted once.
    assertThat(strings(rule.path("resourceNames")))
        .containsExactly("registry-api-tanhdev", "registry-tanhdev");
  }

  @Test
  void the_cluster_role_is_bound_to_the_webhook_service_account() {
    RenderedManifests manifests = chart.render();

    JsonNode binding = manifests.one("ClusterRoleBinding");
    assertThat(binding.path("roleRef").path("name").asString())
        .isEqualTo(manifests.one("ClusterRole").path("metadata").path("name").asString());
    JsonNode subject = binding.path("subjects").get(0);
    assertThat(subject.path("kind").asString()).isEqualTo("ServiceAccount");
    assertThat(subject.path("name").asString())
        .isEqualTo(manifests.podSpec().path("serviceAccountName").asString())
        .isEqualTo(manifests.one("ServiceAccount").path("metadata").path("name").asString());
    assertThat(subject.path("namespace").asString()).isEqualTo(PullsecretChart.NAMESPACE);
  }

  @Test
  void modes_with_mounted_certificates_need_no_write_access() {
    for (String values : List.of("cert-manager.yaml", "existing-secret.yaml")) {
      RenderedManifests manifests = chart.render(values);

      assertThat(manifests.has("Role")).as(values).isFalse();
      assertThat(manifests.all("ClusterRole")).as(values).hasSize(1);
      assertThat(strings(manifests.one("ClusterRole").path("rules").get(0).path("verbs")))
          .as(values)
          .doesNotContain("create", "update", "patch", "delete");
    }
  }

  @Test
  void self_managed_mode_may_write_only_its_own_secret_and_webhook_configuration() {
    RenderedManifests manifests = chart.render("self-managed.yaml");

    JsonNode role = manifests.one("Role");
    assertThat(role.path("metadata").path("namespace").asString())
        .isEqualTo(PullsecretChart.NAMESPACE);
    JsonNode byName = role.path("rules").get(0);
    assertThat(strings(byName.path("resourceNames"))).containsExactly("pullsecret-webhook-own-tls");
    assertThat(strings(byName.path("verbs"))).containsExactly("get", "update", "patch");
    JsonNode create = role.path("rules").get(1);
    assertThat(strings(create.path("verbs"))).containsExactly("create");
    assertThat(strings(create.path("resources"))).containsExactly("secrets");

    JsonNode caRole = manifests.one("ClusterRole", "pullsecret-webhook-webhook-ca").path("rules");
    assertThat(caRole).hasSize(1);
    assertThat(strings(caRole.get(0).path("resources")))
        .containsExactly("mutatingwebhookconfigurations");
    assertThat(strings(caRole.get(0).path("resourceNames")))
        .containsExactly(
            manifests.one("MutatingWebhookConfiguration").path("metadata").path("name").asString());
    assertThat(strings(caRole.get(0).path("verbs"))).containsExactly("get", "patch");

    assertThat(manifests.one("RoleBinding").path("roleRef").path("name").asString())
        .isEqualTo(role.path("metadata").path("name").asString());
    assertThat(
            manifests
                .one("ClusterRoleBinding", "pullsecret-webhook-webhook-ca")
                .path("roleRef")
                .path("name")
                .asString())
        .isEqualTo("pullsecret-webhook-webhook-ca");
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
