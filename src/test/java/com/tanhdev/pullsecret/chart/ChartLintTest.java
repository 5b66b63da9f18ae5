package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartLintTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  static List<String> validValuesFiles() {
    return ValuesFixtures.valid();
  }

  @Test
  void the_default_values_pass_strict_lint() {
    Helm.Result lint = chart.lint(List.of());

    assertThat(lint.succeeded()).as(lint.describe()).isTrue();
    assertThat(lint.stdout()).contains("0 chart(s) failed").doesNotContain("[WARNING]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validValuesFiles")
  void every_supported_setup_passes_strict_lint(String valuesFile) {
    Helm.Result lint =
        chart.lint(List.of("--values", PullsecretChart.valuesFile(valuesFile).toString()));

    assertThat(lint.succeeded()).as(lint.describe()).isTrue();
    assertThat(lint.stdout()).doesNotContain("[WARNING]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validValuesFiles")
  void every_supported_setup_renders_the_webhook_and_its_workload(String valuesFile) {
    RenderedManifests manifests = chart.render(valuesFile);

    assertThat(manifests.all("MutatingWebhookConfiguration")).hasSize(1);
    // The provisioner, when enabled, is a second Deployment.
    assertThat(manifests.all("Deployment"))
        .extracting(deployment -> deployment.at("/metadata/name").asString())
        .containsOnlyOnce(PullsecretChart.RELEASE);
    assertThat(manifests.all("Service")).hasSize(1);
    assertThat(manifests.all("ConfigMap")).hasSize(1);
  }

  @Test
  void rendering_twice_gives_the_same_manifests() {
    // No generated certificates or random names: GitOps tools must see no diff between renders.
    Helm.Result first = chart.template(List.of());
    Helm.Result second = chart.template(List.of());

    assertThat(first.succeeded()).as(first.describe()).isTrue();
    assertThat(second.stdout()).isEqualTo(first.stdout());
  }
}
