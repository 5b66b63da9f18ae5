package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The rendered alerts as Prometheus itself reads them: {@code promtool check rules}. */
class AlertRulesPromqlTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();
  private final Promtool promtool = Promtool.fromEnvironment();
  private final YAMLMapper yaml = YAMLMapper.builder().build();

  @TempDir Path dir;

  @Test
  void every_alert_of_the_default_rules_is_valid_promql() throws IOException {
    assertRulesPassPromtool(chart.render("monitoring.yaml"));
  }

  @Test
  void every_alert_is_valid_promql_with_several_registries_and_ports() throws IOException {
    assertRulesPassPromtool(chart.render("monitoring.yaml", "many-registries.yaml"));
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

  /** The PrometheusRule's spec is exactly a Prometheus rules file. */
  private void assertRulesPassPromtool(RenderedManifests manifests) throws IOException {
    JsonNode spec = manifests.one("PrometheusRule").path("spec");
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(rules, yaml.writeValueAsString(spec));

    Helm.Result result = promtool.checkRules(rules);

    assertThat(result.exitCode()).as(result.stdout()).isZero();
    assertThat(result.stdout()).contains("SUCCESS: 6 rules found");
  }
}
