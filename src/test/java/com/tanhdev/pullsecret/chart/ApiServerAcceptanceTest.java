package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every object the chart renders, sent to a real kube-apiserver as a server-side dry run: what
 * {@code helm template} cannot tell, such as a field in the wrong place, an invalid selector or a
 * webhook configuration the API server refuses, fails here instead of at install time.
 */
@ExtendWith(ControlPlaneExtension.class)
class ApiServerAcceptanceTest {

  private static ServerDryRun dryRun;

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @BeforeAll
  static void prepareTheApiServer(ControlPlane plane) {
    dryRun = ServerDryRun.prepare(plane.client());
  }

  static List<String> validValuesFiles() {
    return ValuesFixtures.valid();
  }

  @Test
  void every_object_of_the_default_install_is_accepted_by_the_api_server() {
    assertEveryObjectIsAccepted(chart.render());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validValuesFiles")
  void every_rendered_object_is_accepted_by_the_api_server_with(String valuesFile) {
    assertEveryObjectIsAccepted(chart.render(valuesFile));
  }

  @Test
  void every_object_is_accepted_with_all_optional_objects_switched_on_at_once() {
    RenderedManifests manifests =
        chart.render(
            "cert-manager.yaml",
            "three-replicas.yaml",
            "network-policy.yaml",
            "monitoring.yaml",
            "audit.yaml",
            "provisioner.yaml",
            "environment-namespace-selector.yaml");

    assertEveryObjectIsAccepted(manifests);
    assertThat(manifests.all())
        .extracting(object -> object.path("kind").asString())
        .contains(
            "Certificate",
            "Issuer",
            "NetworkPolicy",
            "PodDisruptionBudget",
            "ServiceMonitor",
            "PrometheusRule",
            "CronJob",
            "Role",
            "RoleBinding");
  }

  @Test
  void a_misspelt_field_is_refused_with_the_object_and_the_servers_reason() {
    JsonNode deployment = chart.render().one("Deployment").deepCopy();
    ((ObjectNode) deployment.path("spec")).put("replicass", 2);

    ServerDryRun.Verdicts verdicts = dryRun.submit(List.of(deployment));

    assertThat(verdicts.accepted()).isEmpty();
    assertThat(verdicts.refused())
        .singleElement()
        .asString()
        .startsWith("Deployment pullsecret-system/pullsecret-webhook: ")
        .contains("unknown field \"spec.replicass\"");
  }

  private static void assertEveryObjectIsAccepted(RenderedManifests manifests) {
    ServerDryRun.Verdicts verdicts = dryRun.submit(manifests.all());

    assertThat(verdicts.refused()).as("objects the API server refused").isEmpty();
    assertThat(verdicts.accepted())
        .hasSize(manifests.all().size())
        .contains(
            "MutatingWebhookConfiguration pullsecret-webhook",
            "Deployment pullsecret-system/pullsecret-webhook");
  }
}
