package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The provisioner's Deployment, its place next to the webhook, and the config they share. */
class ProvisionerTemplateTest {

  private static final String PROVISIONER = "pullsecret-webhook-provisioner";
  // --set on a list element replaces the whole list, so the rule is spelled out.
  private static final String DEFAULT_RULE_WITH_SOURCE =
      "rules[0].registry=registry-api.tanhdev.com,rules[0].secret=registry-api-tanhdev,"
          + "rules[0].source=infrastructure/registry-api-tanhdev";

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void with_the_provisioner_disabled_a_rules_source_changes_nothing_that_is_rendered() {
    assertThat(chart.renderSetting(DEFAULT_RULE_WITH_SOURCE).all()).isEqualTo(chart.render().all());
  }

  @Test
  void the_provisioner_runs_the_provision_command_on_the_webhooks_config_map() {
    RenderedManifests manifests = chart.render("provisioner.yaml");
    JsonNode pod = manifests.one("Deployment", PROVISIONER).at("/spec/template/spec");
    JsonNode container = pod.path("containers").get(0);

    assertThat(manifests.one("Deployment", PROVISIONER).at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(container.path("args"))
        .isEqualTo(yaml("[provision, --config, /etc/pullsecret-webhook/config.yaml]"));
    assertThat(pod.at("/volumes/0/configMap/name").asString())
        .isEqualTo(manifests.one("ConfigMap").at("/metadata/name").asString());
    assertThat(container.path("env"))
        .isEqualTo(
            yaml(
                """
                - name: PULLSECRET_NAMESPACE
                  valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
                - name: PULLSECRET_POD_NAME
                  valueFrom: {fieldRef: {fieldPath: metadata.name}}
                """));
    assertThat(container.path("ports"))
        .isEqualTo(yaml("[{name: metrics, containerPort: 8080, protocol: TCP}]"));
    assertThat(container.at("/livenessProbe/httpGet"))
        .isEqualTo(yaml("{path: /healthz, port: metrics}"));
    assertThat(container.at("/readinessProbe/httpGet"))
        .isEqualTo(yaml("{path: /readyz, port: metrics}"));
    assertThat(container.path("resources"))
        .isEqualTo(yaml("{requests: {cpu: 50m, memory: 192Mi}, limits: {memory: 256Mi}}"));
  }

  @Test
  void the_provisioner_runs_with_the_webhooks_security_context() {
    RenderedManifests manifests = chart.render("provisioner.yaml");
    JsonNode provisioner = manifests.one("Deployment", PROVISIONER).at("/spec/template/spec");
    JsonNode webhook = manifests.one("Deployment", "pullsecret-webhook").at("/spec/template/spec");

    assertThat(provisioner.path("securityContext")).isEqualTo(webhook.path("securityContext"));
    assertThat(provisioner.at("/containers/0/securityContext"))
        .isEqualTo(webhook.at("/containers/0/securityContext"));
    assertThat(provisioner.at("/containers/0/command"))
        .isEqualTo(webhook.at("/containers/0/command"));
  }

  @Test
  void the_webhooks_service_budget_and_deployment_never_select_a_provisioner_pod() {
    RenderedManifests manifests = chart.render("provisioner.yaml");
    JsonNode provisionerPodLabels =
        manifests.one("Deployment", PROVISIONER).at("/spec/template/metadata/labels");

    for (JsonNode selector :
        new JsonNode[] {
          manifests.one("Service").at("/spec/selector"),
          manifests
              .one("PodDisruptionBudget", "pullsecret-webhook")
              .at("/spec/selector/matchLabels"),
          manifests.one("Deployment", "pullsecret-webhook").at("/spec/selector/matchLabels")
        }) {
      assertThat(selects(selector, provisionerPodLabels)).as(selector.toString()).isFalse();
    }
    assertThat(
            selects(
                manifests.one("PodDisruptionBudget", PROVISIONER).at("/spec/selector/matchLabels"),
                provisionerPodLabels))
        .isTrue();
  }

  @Test
  void a_single_provisioner_replica_gets_no_disruption_budget() {
    RenderedManifests manifests =
        chart.renderSetting(
            "provisioner.enabled=true", DEFAULT_RULE_WITH_SOURCE, "provisioner.replicaCount=1");

    assertThat(manifests.all("PodDisruptionBudget"))
        .extracting(budget -> budget.at("/metadata/name").asString())
        .doesNotContain(PROVISIONER);
  }

  @Test
  void the_config_file_carries_each_rules_source_and_the_provisioning_section() {
    JsonNode config = ConfigFile.of(chart.render("provisioner.yaml"));

    assertThat(config.path("rules").findValuesAsString("source"))
        .containsExactly("infrastructure/registry-api-tanhdev", "infrastructure/ghcr-pull");
    assertThat(config.path("rules").get(2).has("source")).isFalse();
    assertThat(config.path("provisioning"))
        .isEqualTo(
            yaml(
                """
                namespaces:
                  selector:
                    matchExpressions:
                      - {key: environment, operator: In, values: [dev, production]}
                  namePattern: ".*-(dev|production)"
                  exclude: [kube-system, kube-public, kube-node-lease]
                adoptExisting: false
                deleteCopiesWithSource: false
                leaseName: pullsecret-webhook-provisioner
                """));
  }

  @Test
  void the_webhook_selects_the_provisioned_namespaces_besides_its_own_exclusions() {
    JsonNode selector =
        chart
            .render("provisioner.yaml")
            .one("MutatingWebhookConfiguration")
            .at("/webhooks/0/namespaceSelector");

    assertThat(selector.path("matchExpressions").findValuesAsString("key"))
        .containsExactly(
            "kubernetes.io/metadata.name", "pullsecret.tanhdev.com/inject", "environment");
    assertThat(selector.at("/matchExpressions/2"))
        .isEqualTo(yaml("{key: environment, operator: In, values: [dev, production]}"));
  }

  @Test
  void a_namespace_selector_set_for_the_webhook_wins_over_the_provisioned_one() {
    JsonNode selector =
        chart
            .render("provisioner.yaml", "team-namespace-selector.yaml")
            .one("MutatingWebhookConfiguration")
            .at("/webhooks/0/namespaceSelector");

    assertThat(selector)
        .isEqualTo(
            chart
                .render("team-namespace-selector.yaml")
                .one("MutatingWebhookConfiguration")
                .at("/webhooks/0/namespaceSelector"));
  }

  private static boolean selects(JsonNode matchLabels, JsonNode labels) {
    Map<String, String> wanted = YAMLMapper.builder().build().convertValue(matchLabels, Map.class);
    return wanted.entrySet().stream()
        .allMatch(label -> label.getValue().equals(labels.path(label.getKey()).asString()));
  }

  private static JsonNode yaml(String text) {
    return YAMLMapper.builder().build().readTree(text);
  }
}
