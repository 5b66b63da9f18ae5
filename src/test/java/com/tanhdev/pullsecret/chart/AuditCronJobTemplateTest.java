package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditCronJobTemplateTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void the_audit_is_off_by_default() {
    RenderedManifests manifests = chart.render();

    assertThat(manifests.has("CronJob")).isFalse();
    assertThat(manifests.all("ClusterRole")).hasSize(1);
  }

  @Test
  void the_audit_cron_job_runs_audit_with_the_webhooks_config_file_and_its_own_account() {
    RenderedManifests manifests = chart.renderSetting("audit.enabled=true");

    JsonNode cronJob = manifests.one("CronJob");
    assertThat(cronJob.path("spec").path("schedule").asString()).isEqualTo("0 6 * * *");
    JsonNode pod =
        cronJob.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    assertThat(container.path("args").valueStream().map(JsonNode::asString))
        .containsExactly(
            "audit", "--config", "/etc/pullsecret-webhook/config.yaml", "--output", "text");
    assertThat(pod.path("volumes").get(0).path("configMap").path("name").asString())
        .isEqualTo(manifests.one("ConfigMap").path("metadata").path("name").asString());
    assertThat(pod.path("serviceAccountName").asString())
        .isEqualTo("pullsecret-webhook-audit")
        .isNotEqualTo(manifests.podSpec().path("serviceAccountName").asString());
    assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
        .isTrue();
  }

  @Test
  void the_audit_role_only_reads_and_reads_secrets_only_by_name() {
    RenderedManifests manifests = chart.render("many-registries.yaml", "audit.yaml");

    JsonNode role =
        manifests.all("ClusterRole").stream()
            .filter(r -> r.path("metadata").path("name").asString().endsWith("-audit"))
            .findFirst()
            .orElseThrow();
    for (JsonNode rule : role.path("rules")) {
      assertThat(rule.path("verbs").valueStream().map(JsonNode::asString))
          .isSubsetOf("get", "list");
      if (rule.path("resources").valueStream().anyMatch(r -> r.asString().equals("secrets"))) {
        assertThat(rule.path("resourceNames").valueStream().map(JsonNode::asString))
            .containsExactly("registry-api-tanhdev", "registry-tanhdev");
      }
    }
    JsonNode binding =
        manifests.all("ClusterRoleBinding").stream()
            .filter(b -> b.path("roleRef").path("name").asString().endsWith("-audit"))
            .findFirst()
            .orElseThrow();
    assertThat(binding.path("subjects").get(0).path("name").asString())
        .isEqualTo("pullsecret-webhook-audit");
    assertThat(manifests.all("ServiceAccount"))
        .extracting(account -> account.path("metadata").path("name").asString())
        .containsAll(List.of("pullsecret-webhook", "pullsecret-webhook-audit"));
  }
}
