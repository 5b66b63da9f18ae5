package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Scraping, network policy and alerts for the provisioner's pods, which have no Service: exactly
 * the objects a user gets, and nothing of them while the provisioner or the monitoring is off.
 */
class ProvisionerMonitoringTemplateTest {

  private static final String PROVISIONER = "pullsecret-webhook-provisioner";
  private static final String PROVISIONER_LABELS =
      """
      helm.sh/chart: pullsecret-webhook-0.1.0
      app.kubernetes.io/name: pullsecret-webhook-provisioner
      app.kubernetes.io/instance: pullsecret-webhook
      app.kubernetes.io/version: "0.1.0"
      app.kubernetes.io/managed-by: Helm
      app.kubernetes.io/component: provisioner
      app.kubernetes.io/part-of: pullsecret-webhook
      """;

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();
  private final YAMLMapper yaml = YAMLMapper.builder().build();

  @Test
  void monitoring_without_the_provisioner_renders_nothing_for_it() {
    RenderedManifests manifests = chart.render("monitoring.yaml", "network-policy.yaml");

    assertThat(manifests.has("PodMonitor")).isFalse();
    assertThat(manifests.all("NetworkPolicy")).hasSize(1);
    assertThat(groupNames(manifests)).containsExactly("pullsecret-webhook");
  }

  @Test
  void the_provisioner_without_monitoring_renders_no_monitoring_object() {
    RenderedManifests manifests = chart.render("provisioner.yaml");

    assertThat(manifests.has("PodMonitor")).isFalse();
    assertThat(manifests.has("NetworkPolicy")).isFalse();
    assertThat(manifests.has("PrometheusRule")).isFalse();
  }

  @Test
  void the_pod_monitor_scrapes_the_metrics_port_of_every_provisioner_pod() {
    RenderedManifests manifests = chart.render("provisioner.yaml", "monitoring.yaml");

    assertThat(manifests.one("PodMonitor"))
        .isEqualTo(
            yaml(
                """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata:
                  name: pullsecret-webhook-provisioner
                  namespace: pullsecret-system
                  labels:
                %s    release: kube-prometheus-stack
                spec:
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: pullsecret-webhook-provisioner
                      app.kubernetes.io/instance: pullsecret-webhook
                  namespaceSelector:
                    matchNames: [pullsecret-system]
                  podMetricsEndpoints:
                    - {port: metrics, path: /metrics, scheme: http, interval: 15s, scrapeTimeout: 10s}
                """
                    .formatted(PROVISIONER_LABELS.indent(4))));
    JsonNode pod = manifests.one("Deployment", PROVISIONER).at("/spec/template");
    assertThat(pod.at("/spec/containers/0/ports/0/name").asString()).isEqualTo("metrics");
    assertThat(pod.at("/metadata/labels/app.kubernetes.io~1name").asString())
        .isEqualTo("pullsecret-webhook-provisioner");
  }

  @Test
  void the_provisioner_network_policy_admits_only_its_metrics_port_from_the_metrics_peers() {
    RenderedManifests manifests = chart.render("provisioner.yaml", "network-policy.yaml");

    assertThat(manifests.one("NetworkPolicy", PROVISIONER))
        .isEqualTo(
            yaml(
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: pullsecret-webhook-provisioner
                  namespace: pullsecret-system
                  labels:
                %sspec:
                  podSelector:
                    matchLabels:
                      app.kubernetes.io/name: pullsecret-webhook-provisioner
                      app.kubernetes.io/instance: pullsecret-webhook
                  policyTypes: [Ingress]
                  ingress:
                    - ports:
                        - {port: metrics, protocol: TCP}
                      from:
                        - namespaceSelector:
                            matchLabels:
                              kubernetes.io/metadata.name: monitoring
                """
                    .formatted(PROVISIONER_LABELS.indent(4))));
  }

  @Test
  void the_provisioner_alerts_are_exactly_the_expected_group() throws IOException {
    RenderedManifests manifests = chart.render("provisioner.yaml", "monitoring.yaml");
    String expected =
        Files.readString(PullsecretChart.valuesFile("alert-tests/expected-provisioner-group.yaml"));

    assertThat(groupNames(manifests))
        .containsExactly("pullsecret-webhook", "pullsecret-webhook-provisioner");
    assertThat(group(manifests, 1)).isEqualTo(yaml(expected));
  }

  @Test
  void each_provisioner_alert_waits_for_its_own_threshold() {
    JsonNode rules =
        group(
                chart.render(
                    "provisioner.yaml", "monitoring.yaml", "provisioner-alert-thresholds.yaml"),
                1)
            .path("rules");

    assertThat(rules.findValuesAsString("for")).containsExactly("7m", "11m", "11m", "3m", "20m");
    assertThat(rules.get(0).at("/annotations/description").asString()).contains("for 7 minutes");
  }

  private static JsonNode group(RenderedManifests manifests, int index) {
    return manifests.one("PrometheusRule").at("/spec/groups").get(index);
  }

  private static List<String> groupNames(RenderedManifests manifests) {
    return manifests.one("PrometheusRule").at("/spec/groups").findValuesAsString("name");
  }

  private JsonNode yaml(String text) {
    return yaml.readTree(text);
  }
}
