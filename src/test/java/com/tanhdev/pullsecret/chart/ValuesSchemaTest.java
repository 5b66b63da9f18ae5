package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValuesSchemaTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  static List<ValuesFixtures.Rejected> rejectedValuesFiles() {
    return ValuesFixtures.invalid();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedValuesFiles")
  void unknown_values_keys_and_invalid_values_are_rejected_with_a_message_naming_them(
      ValuesFixtures.Rejected values) {
    Helm.Result result = chart.template(List.of("--values", values.file().toString()));

    assertThat(result.succeeded()).as("helm accepted %s", values).isFalse();
    assertThat(result.stderr()).contains(values.expectedError());
  }

  @Test
  void unknown_values_keys_are_rejected_by_the_schema() {
    Helm.Result result = chart.template(PullsecretChart.setFlags("webhook.failurePolcy=Fail"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr())
        .contains("values don't meet the specifications of the schema")
        .contains("'failurePolcy'");
  }

  @Test
  void existing_secret_mode_without_a_ca_bundle_fails_with_a_clear_message() {
    Helm.Result result =
        chart.template(
            PullsecretChart.setFlags(
                "certificates.mode=existingSecret",
                "certificates.existingSecret.name=corporate-webhook-tls"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr())
        .contains("certificates.existingSecret.caBundle is required")
        .contains("base64-encoded PEM");
  }

  @Test
  void a_lookup_timeout_longer_than_the_webhook_timeout_is_rejected() {
    Helm.Result result =
        chart.template(
            PullsecretChart.setFlags("webhook.timeoutSeconds=1", "lookupTimeoutMillis=1500"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr())
        .contains("lookupTimeoutMillis must be less than webhook.timeoutSeconds");
  }

  @Test
  void a_cluster_older_than_the_supported_versions_is_refused() {
    Helm.Result result = chart.template(List.of("--kube-version", "1.27.9"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr()).contains(">=1.28.0-0");
  }
}
