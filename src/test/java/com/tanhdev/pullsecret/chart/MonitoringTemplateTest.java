package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MonitoringTemplateTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void monitoring_objects_are_off_by_default() {
    RenderedManifests manifests = chart.render();

    assertThat(manifests.has("ServiceMonitor")).isFalse();
    assertThat(manifests.has("PrometheusRule")).isFalse();
    assertThat(manifests.has("NetworkPolicy")).isFalse();
  }

  @Test
  void the_service_monitor_scrapes_the_metrics_port_of_the_service() {
    RenderedManifests manifests = chart.render("monitoring.yaml");

    JsonNode monitor = manifests.one("ServiceMonitor");
    assertThat(monitor.path("apiVersion").asString()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.path("metadata").path("labels").path("release").asString())
        .isEqualTo("kube-prometheus-stack");
    JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
    assertThat(endpoint.path("port").asString()).isEqualTo("metrics");
    assertThat(endpoint.path("path").asString()).isEqualTo("/metrics");
    assertThat(endpoint.path("interval").asString()).isEqualTo("15s");
    JsonNode metricsPort = manifests.one("Service").path("spec").path("ports").get(1);
    assertThat(metricsPort.path("name").asString()).isEqualTo("metrics");
    assertThat(metricsPort.path("targetPort").asString()).isEqualTo("health");
    // A ServiceMonitor selects Services by their own labels, not by their pod selector.
    JsonNode serviceLabels = manifests.one("Service").path("metadata").path("labels");
    monitor
        .path("spec")
        .path("selector")
        .path("matchLabels")
        .forEachEntry((key, value) -> assertThat(serviceLabels.path(key)).isEqualTo(value));
    assertThat(monitor.path("spec").path("selector").path("matchLabels").size()).isPositive();
  }

  @Test
  void the_alerts_watch_certificates_errors_latency_pulls_and_missing_or_invalid_secrets() {
    JsonNode rules = alertRules("monitoring.yaml");

    assertThat(rules.findValuesAsString("alert"))
        .containsExactly(
            "PullSecretWebhookCertificateExpiresSoon",
            "PullSecretWebhookErrors",
            "PullSecretWebhookSlow",
            "PullSecretImagePullBackOff",
            "PullSecretWebhookNamespaceLacksSecret",
            "PullSecretWebhookInvalidSecret");
    assertThat(expression(rules, 0))
        .contains("pullsecret_tls_certificate_expiry_timestamp_seconds")
        .contains("time()")
        .contains("14 * 86400");
    assertThat(expression(rules, 1))
        .contains(
            "controller_runtime_webhook_requests_total{namespace=\"pullsecret-system\","
                + " job=\"pullsecret-webhook\", code=\"500\"}")
        .contains("> 0.05");
    assertThat(expression(rules, 2))
        .contains("histogram_quantile(0.99")
        .contains("controller_runtime_webhook_latency_seconds_bucket");
    assertThat(expression(rules, 3))
        .contains(
            "kube_pod_container_status_waiting_reason{reason=~\"ImagePullBackOff|ErrImagePull\"}")
        .contains("kube_pod_container_info{image_spec=~`(?i)(registry-api\\.tanhdev\\.com)/.+`}");
    assertThat(expression(rules, 3))
        .contains("kube_pod_init_container_status_waiting_reason{")
        .contains("kube_pod_init_container_info{image_spec=~");
    assertThat(rules.get(3).path("for").asString()).isEqualTo("5m");
    assertThat(expression(rules, 4))
        .contains("sum by (workload_namespace, secret)")
        .contains("problem=\"secret-missing\"");
    assertThat(expression(rules, 5))
        .contains("problem=~\"secret-wrong-type|secret-unparsable|secret-lacks-registry\"");
    // Prometheus templates must reach Prometheus intact, not be eaten by Helm.
    assertThat(rules.get(0).path("annotations").path("description").asString())
        .contains("{{ $labels.pod }}");
  }

  @Test
  void the_pull_alert_matches_every_rule_registry() {
    assertThat(expression(alertRules("monitoring.yaml", "many-registries.yaml"), 3))
        .contains(
            "image_spec=~`(?i)(registry-api\\.tanhdev\\.com|registry\\.tanhdev\\.com:5000|mirror\\.tanhdev\\.com)/.+`");
  }

  @Test
  void every_alert_names_its_runbook_step() {
    JsonNode rules = alertRules("monitoring.yaml");
    for (String alert :
        List.of(
            "PullSecretWebhookCertificateExpiresSoon",
            "PullSecretImagePullBackOff",
            "PullSecretWebhookNamespaceLacksSecret",
            "PullSecretWebhookInvalidSecret")) {
      assertThat(description(rules, alert))
          .as(alert)
          .containsPattern("runbook \"Pods cannot pull from the registry\", step [1-4]");
    }
  }

  private JsonNode alertRules(String... valuesFiles) {
    return chart
        .render(valuesFiles)
        .one("PrometheusRule")
        .path("spec")
        .path("groups")
        .get(0)
        .path("rules");
  }

  private static String description(JsonNode rules, String alert) {
    for (JsonNode rule : rules) {
      if (rule.path("alert").asString().equals(alert)) {
        return rule.path("annotations").path("description").asString();
      }
    }
    throw new AssertionError("no alert " + alert);
  }

  @Test
  void the_network_policy_admits_only_the_webhook_and_metrics_ports() {
    RenderedManifests manifests = chart.render("network-policy.yaml");

    JsonNode spec = manifests.one("NetworkPolicy").path("spec");
    assertThat(spec.path("policyTypes").valueStream().map(JsonNode::asString))
        .containsExactly("Ingress");
    assertThat(spec.path("podSelector").path("matchLabels"))
        .isEqualTo(manifests.one("Deployment").path("spec").path("selector").path("matchLabels"));
    JsonNode ingress = spec.path("ingress");
    assertThat(
            ingress.findValues("ports").stream()
                .flatMap(JsonNode::valueStream)
                .map(port -> port.path("port").asString()))
        .containsExactly("https", "health");
    assertThat(ingress.get(0).has("from")).as("the API server may come from anywhere").isFalse();
    assertThat(
            ingress
                .get(1)
                .path("from")
                .get(0)
                .path("namespaceSelector")
                .path("matchLabels")
                .path("kubernetes.io/metadata.name")
                .asString())
        .isEqualTo("monitoring");
  }

  private static String expression(JsonNode rules, int index) {
    return rules.get(index).path("expr").asString();
  }
}
