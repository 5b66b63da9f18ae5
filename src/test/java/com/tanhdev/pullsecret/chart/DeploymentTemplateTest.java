package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeploymentTemplateTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void two_replicas_run_by_default_and_a_rollout_never_drops_below_them() {
    JsonNode deployment = chart.render().one("Deployment");

    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
    JsonNode rollingUpdate = deployment.path("spec").path("strategy").path("rollingUpdate");
    assertThat(rollingUpdate.path("maxUnavailable").asInt()).isZero();
  }

  @Test
  void a_single_replica_renders_no_pod_disruption_budget() {
    RenderedManifests manifests = chart.render("single-replica.yaml");

    assertThat(manifests.one("Deployment").path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(manifests.has("PodDisruptionBudget")).isFalse();
  }

  @Test
  void several_replicas_keep_one_pod_through_voluntary_disruptions() {
    RenderedManifests manifests = chart.render("three-replicas.yaml");

    JsonNode budget = manifests.one("PodDisruptionBudget").path("spec");
    assertThat(budget.path("minAvailable").asInt()).isEqualTo(1);
    assertThat(budget.path("selector").path("matchLabels"))
        .isEqualTo(manifests.one("Deployment").path("spec").path("selector").path("matchLabels"));
    assertThat(manifests.podSpec().path("priorityClassName").asString())
        .isEqualTo("system-cluster-critical");
  }

  @Test
  void the_probes_use_the_health_port_by_name() {
    JsonNode container = chart.render().container();

    assertThat(container.path("livenessProbe").path("httpGet").path("path").asString())
        .isEqualTo("/healthz");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asString())
        .isEqualTo("/readyz");
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(container.path(probe).path("httpGet").path("port").asString())
          .as(probe)
          .isEqualTo("health");
    }
    assertThat(container.path("ports").findValuesAsString("name"))
        .containsExactly("https", "health");
  }

  @Test
  void the_pod_keeps_serving_a_few_seconds_after_it_is_told_to_stop() {
    RenderedManifests manifests = chart.render();

    int sleep =
        manifests
            .container()
            .path("lifecycle")
            .path("preStop")
            .path("sleep")
            .path("seconds")
            .asInt();
    assertThat(sleep).isEqualTo(5);
    assertThat(manifests.podSpec().path("terminationGracePeriodSeconds").asInt())
        .isGreaterThan(sleep);
  }

  @Test
  void a_cluster_without_the_native_sleep_action_gets_no_pre_stop_hook() {
    Helm.Result result = chart.template(List.of("--kube-version", "1.29.0"));

    assertThat(result.succeeded()).as(result.describe()).isTrue();
    assertThat(result.stdout()).doesNotContain("preStop");
  }

  @Test
  void the_jvm_runs_with_the_measured_heap_and_resources_by_default() {
    JsonNode container = chart.render().container();

    assertThat(container.path("command").valueStream().map(JsonNode::asString))
        .contains(
            "-XX:AOTCache=/app/pullsecret-webhook.aot",
            "-Xmx96m",
            "-Xmn8m",
            "-XX:+UseSerialGC",
            "-XX:+UseCompactObjectHeaders",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:TrimNativeHeapInterval=1000");
    assertThat(container.path("resources").path("limits").path("memory").asString())
        .isEqualTo("384Mi");
    assertThat(container.path("resources").path("requests").path("cpu").asString())
        .isEqualTo("100m");
    assertThat(container.path("resources").path("requests").path("memory").asString())
        .isEqualTo("256Mi");
  }

  @Test
  void the_app_learns_its_namespace_from_the_downward_api() {
    JsonNode env = chart.render().container().path("env");

    assertThat(env.get(0).path("name").asString()).isEqualTo("PULLSECRET_NAMESPACE");
    assertThat(env.get(0).path("valueFrom").path("fieldRef").path("fieldPath").asString())
        .isEqualTo("metadata.namespace");
  }

  @Test
  void changing_the_rules_does_not_roll_the_pods() {
    RenderedManifests before = chart.render();
    RenderedManifests after = chart.render("many-registries.yaml");

    assertThat(after.one("ConfigMap").path("data"))
        .isNotEqualTo(before.one("ConfigMap").path("data"));
    assertThat(after.one("Deployment").path("spec").path("template"))
        .isEqualTo(before.one("Deployment").path("spec").path("template"));
  }

  @Test
  void the_image_is_pinned_by_digest_when_one_is_given() {
    RenderedManifests manifests = chart.render("pinned-image.yaml");

    assertThat(manifests.container().path("image").asString())
        .isEqualTo(
            "registry.example.com/platform/pullsecret-webhook:0.1.0@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    assertThat(manifests.container().path("command").valueStream().map(JsonNode::asString))
        .contains("-XX:MaxRAMPercentage=50", "-Xss512k")
        .doesNotContain("-Xmx96m");
  }

  @Test
  void the_image_tag_defaults_to_the_app_version() {
    assertThat(chart.render().container().path("image").asString())
        .isEqualTo("ghcr.io/tanhdev/pullsecret-webhook:0.1.0");
  }

  @Test
  void pod_labels_are_added_without_replacing_the_selector_labels() {
    JsonNode template =
        chart.render("pinned-image.yaml").one("Deployment").path("spec").path("template");

    JsonNode labels = template.path("metadata").path("labels");
    assertThat(labels.path("team").asString()).isEqualTo("platform");
    assertThat(labels.path("app.kubernetes.io/name").asString()).isEqualTo("pullsecret-webhook");
    assertThat(template.path("metadata").path("annotations").path("example.com/owner").asString())
        .isEqualTo("platform");
    assertThat(template.path("spec").path("nodeSelector").path("kubernetes.io/os").asString())
        .isEqualTo("linux");
    assertThat(template.path("spec").path("tolerations").get(0).path("key").asString())
        .isEqualTo("dedicated");
  }

  @Test
  void the_pods_spread_over_nodes_and_zones() {
    JsonNode constraints = chart.render().podSpec().path("topologySpreadConstraints");

    assertThat(constraints.findValuesAsString("topologyKey"))
        .containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
    assertThat(constraints.findValuesAsString("whenUnsatisfiable")).containsOnly("ScheduleAnyway");
  }
}
