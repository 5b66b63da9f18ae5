package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookConfigurationTemplateTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void the_webhook_is_safe_by_default() {
    JsonNode webhook = webhook(chart.render());

    assertThat(webhook.path("admissionReviewVersions").valueStream().map(JsonNode::asString))
        .containsExactly("v1");
    assertThat(webhook.path("sideEffects").asString()).isEqualTo("None");
    assertThat(webhook.path("failurePolicy").asString()).isEqualTo("Ignore");
    assertThat(webhook.path("timeoutSeconds").asInt()).isEqualTo(5);
    assertThat(webhook.path("reinvocationPolicy").asString()).isEqualTo("IfNeeded");
    assertThat(webhook.path("matchPolicy").asString()).isEqualTo("Equivalent");
  }

  @Test
  void the_api_server_calls_the_service_on_its_https_port() {
    RenderedManifests manifests = chart.render();
    JsonNode service = webhook(manifests).path("clientConfig").path("service");
    JsonNode servicePort = manifests.one("Service").path("spec").path("ports").get(0);

    assertThat(service.path("name").asString()).isEqualTo("pullsecret-webhook");
    assertThat(service.path("namespace").asString()).isEqualTo(PullsecretChart.NAMESPACE);
    assertThat(service.path("path").asString()).isEqualTo("/mutate");
    assertThat(service.path("port").asInt()).isEqualTo(443);
    assertThat(servicePort.path("port").asInt()).isEqualTo(443);
    assertThat(servicePort.path("targetPort").asString()).isEqualTo("https");
  }

  @Test
  void the_webhook_rules_follow_the_enabled_kinds() {
    assertThat(rulesByResource(chart.render()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "/pods", "CREATE",
                "apps/deployments", "CREATE,UPDATE",
                "batch/jobs", "CREATE"));
    assertThat(rulesByResource(chart.render("all-kinds.yaml")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "/pods", "CREATE,UPDATE",
                "apps/deployments", "CREATE,UPDATE",
                "apps/statefulsets", "CREATE,UPDATE",
                "apps/daemonsets", "CREATE",
                "apps/replicasets", "CREATE",
                "batch/jobs", "CREATE",
                "batch/cronjobs", "CREATE,UPDATE"));
    assertThat(rulesByResource(chart.render("pods-only.yaml")))
        .containsExactlyEntriesOf(Map.of("/pods", "CREATE"));
  }

  @Test
  void every_rule_is_namespaced_and_for_v1_objects() {
    JsonNode rules = webhook(chart.render("all-kinds.yaml")).path("rules");

    assertThat(rules.findValuesAsString("scope")).hasSize(7).containsOnly("Namespaced");
    assertThat(rules.findValues("apiVersions").stream().map(JsonNode::toString))
        .containsOnly("[\"v1\"]");
  }

  @Test
  void by_default_the_webhook_skips_system_namespaces_its_own_and_opted_out_ones() {
    JsonNode expressions =
        webhook(chart.render()).path("namespaceSelector").path("matchExpressions");

    assertThat(expressions).hasSize(2);
    assertThat(expressions.get(0).path("key").asString()).isEqualTo("kubernetes.io/metadata.name");
    assertThat(expressions.get(0).path("operator").asString()).isEqualTo("NotIn");
    assertThat(expressions.get(0).path("values").valueStream().map(JsonNode::asString))
        .containsExactly("kube-system", PullsecretChart.NAMESPACE);
    assertThat(expressions.get(1).path("key").asString())
        .isEqualTo("pullsecret.tanhdev.com/inject");
    assertThat(expressions.get(1).path("operator").asString()).isEqualTo("NotIn");
    assertThat(expressions.get(1).path("values").valueStream().map(JsonNode::asString))
        .containsExactly("disabled");
    assertThat(webhook(chart.render()).has("matchConditions")).isFalse();
  }

  @Test
  void a_custom_namespace_selector_replaces_the_default_one_entirely() {
    JsonNode teamSelector =
        webhook(chart.render("team-namespace-selector.yaml")).path("namespaceSelector");
    JsonNode environmentWebhook = webhook(chart.render("environment-namespace-selector.yaml"));
    JsonNode environmentSelector = environmentWebhook.path("namespaceSelector");

    assertThat(teamSelector.propertyNames()).containsExactly("matchLabels");
    assertThat(teamSelector.path("matchLabels").path("pullsecret.tanhdev.com/team").asString())
        .isEqualTo("payments-dev");
    assertThat(environmentSelector.path("matchExpressions")).hasSize(1);
    assertThat(
            environmentSelector
                .path("matchExpressions")
                .get(0)
                .path("values")
                .valueStream()
                .map(JsonNode::asString))
        .containsExactly("dev", "production");
    assertThat(
            environmentWebhook
                .path("objectSelector")
                .path("matchExpressions")
                .get(0)
                .path("key")
                .asString())
        .isEqualTo("pullsecret.tanhdev.com/inject");
    assertThat(environmentWebhook.path("matchConditions").findValuesAsString("name"))
        .containsExactly("not-the-webhook-itself");
  }

  @Test
  void the_failure_policy_and_timeout_come_from_the_values() {
    JsonNode webhook = webhook(chart.render("three-replicas.yaml"));

    assertThat(webhook.path("failurePolicy").asString()).isEqualTo("Fail");
    assertThat(webhook.path("timeoutSeconds").asInt()).isEqualTo(3);
  }

  private static JsonNode webhook(RenderedManifests manifests) {
    JsonNode webhooks = manifests.one("MutatingWebhookConfiguration").path("webhooks");
    assertThat(webhooks).hasSize(1);
    return webhooks.get(0);
  }

  /** "group/resource" to comma-separated operations, for example "apps/deployments". */
  private static Map<String, String> rulesByResource(RenderedManifests manifests) {
    Map<String, String> rules = new TreeMap<>();
    for (JsonNode rule : webhook(manifests).path("rules")) {
      String key =
          rule.path("apiGroups").get(0).asString() + "/" + rule.path("resources").get(0).asString();
      List<String> operations =
          rule.path("operations").valueStream().map(JsonNode::asString).toList();
      rules.put(key, String.join(",", operations));
    }
    return rules;
  }
}
