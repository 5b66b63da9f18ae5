package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The rendered alerts as Prometheus itself reads them: {@code promtool check rules}, and {@code
 * promtool test rules} for the provisioner's alerts (series in, alerts out).
 */
class AlertRulesPromqlTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();
  private final Promtool promtool = Promtool.fromEnvironment();
  private final YAMLMapper yaml = YAMLMapper.builder().build();

  @TempDir Path dir;

  @Test
  void every_alert_of_the_default_rules_is_valid_promql() throws IOException {
    assertRulesPassPromtool(chart.render("monitoring.yaml"), 6);
  }

  @Test
  void every_alert_is_valid_promql_with_several_registries_and_ports() throws IOException {
    assertRulesPassPromtool(chart.render("monitoring.yaml", "many-registries.yaml"), 6);
  }

  @Test
  void every_alert_with_the_provisioner_is_valid_promql() throws IOException {
    assertRulesPassPromtool(chart.render("monitoring.yaml", "provisioner.yaml"), 11);
  }

  @Test
  void the_provisioner_alerts_fire_on_the_leaders_series_only_and_after_their_thresholds()
      throws IOException {
    Helm.Result result =
        runAlertTests(chart.render("monitoring.yaml", "provisioner.yaml"), "provisioner.yaml");

    assertThat(result.exitCode()).as(result.stdout()).isZero();
    assertThat(result.stdout()).contains("SUCCESS");
  }

  @Test
  void the_provisioner_alert_tests_fail_on_rules_without_the_provisioner_alerts()
      throws IOException {
    Helm.Result result = runAlertTests(chart.render("monitoring.yaml"), "provisioner.yaml");

    assertThat(result.exitCode()).as(result.stdout()).isNotZero();
    assertThat(result.stdout()).contains("PullSecretProvisionerSourceInvalid");
  }

  @Test
  void promtool_rejects_a_broken_expression_so_the_check_can_fail() throws IOException {
    Path rules = dir.resolve("broken.yaml");
    Files.writeString(
        rules,
        """
        groups:
          - name: broken
            rules:
              - alert: Broken
                expr: sum by (namespace (kube_pod_info)
        """);

    assertThat(promtool.checkRules(rules).exitCode()).isNotZero();
  }

  private void assertRulesPassPromtool(RenderedManifests manifests, int alerts) throws IOException {
    Helm.Result result = promtool.checkRules(writeRules(manifests));

    assertThat(result.exitCode()).as(result.stdout()).isZero();
    assertThat(result.stdout()).contains("SUCCESS: " + alerts + " rules found");
  }

  /** Runs a test file of {@code src/test/resources/chart/alert-tests} on the rendered rules. */
  private Helm.Result runAlertTests(RenderedManifests manifests, String testFile)
      throws IOException {
    writeRules(manifests);
    Path tests = dir.resolve("tests.yaml");
    Files.copy(PullsecretChart.valuesFile("alert-tests/" + testFile), tests);
    return promtool.testRules(tests);
  }

  /** The PrometheusRule's spec is exactly a Prometheus rules file: {@code rules.yaml}. */
  private Path writeRules(RenderedManifests manifests) throws IOException {
    JsonNode spec = manifests.one("PrometheusRule").path("spec");
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(rules, yaml.writeValueAsString(spec));
    return rules;
  }
}
