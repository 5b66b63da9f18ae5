package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CertificateModesTest {

  private static final String TLS_DIRECTORY = "/etc/pullsecret-webhook";

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void cert_manager_mode_injects_the_ca_from_its_certificate() {
    RenderedManifests manifests = chart.render("cert-manager.yaml");

    JsonNode serving = manifests.one("Certificate", "pullsecret-webhook-serving");
    assertThat(
            manifests
                .one("MutatingWebhookConfiguration")
                .path("metadata")
                .path("annotations")
                .path("cert-manager.io/inject-ca-from")
                .asString())
        .isEqualTo("pullsecret-system/pullsecret-webhook-serving");
    assertThat(webhookClientConfig(manifests).has("caBundle")).isFalse();
    assertThat(serving.path("spec").path("dnsNames").valueStream().map(JsonNode::asString))
        .contains("pullsecret-webhook.pullsecret-system.svc");
    assertThat(serving.path("spec").path("privateKey").path("algorithm").asString())
        .isEqualTo("ECDSA");
    assertThat(serving.path("spec").path("privateKey").path("size").asInt()).isEqualTo(256);
    assertThat(serving.path("spec").path("duration").asString()).isEqualTo("720h");
    assertThat(serving.path("spec").path("renewBefore").asString()).isEqualTo("240h");
    assertThat(mountedTlsSecret(manifests))
        .isEqualTo(serving.path("spec").path("secretName").asString());
  }

  @Test
  void cert_manager_mode_signs_the_serving_certificate_with_a_private_ca() {
    RenderedManifests manifests = chart.render("cert-manager.yaml");

    JsonNode ca = manifests.one("Certificate", "pullsecret-webhook-ca").path("spec");
    assertThat(ca.path("isCA").asBoolean()).isTrue();
    assertThat(ca.path("issuerRef").path("name").asString())
        .isEqualTo("pullsecret-webhook-selfsigned");
    assertThat(
            manifests.one("Issuer", "pullsecret-webhook-selfsigned").path("spec").has("selfSigned"))
        .isTrue();
    JsonNode caIssuer = manifests.one("Issuer", "pullsecret-webhook-ca").path("spec");
    assertThat(caIssuer.path("ca").path("secretName").asString())
        .isEqualTo(ca.path("secretName").asString());
    assertThat(
            manifests
                .one("Certificate", "pullsecret-webhook-serving")
                .path("spec")
                .path("issuerRef")
                .path("name")
                .asString())
        .isEqualTo("pullsecret-webhook-ca");
    assertThat(manifests.has("ClusterIssuer")).isFalse();
  }

  @Test
  void self_managed_mode_leaves_the_certificate_to_the_app_and_mounts_no_secret() {
    RenderedManifests manifests = chart.render("self-managed.yaml");

    assertThat(manifests.has("Certificate")).isFalse();
    assertThat(manifests.has("Issuer")).isFalse();
    assertThat(manifests.podSpec().path("volumes").findValues("secret")).isEmpty();
    assertThat(
            manifests
                .one("MutatingWebhookConfiguration")
                .path("metadata")
                .path("annotations")
                .isMissingNode())
        .isTrue();
    assertThat(webhookClientConfig(manifests).has("caBundle")).isFalse();
    assertThat(
            ConfigFile.of(manifests)
                .path("certificates")
                .path("selfManaged")
                .path("secretName")
                .asString())
        .isEqualTo("pullsecret-webhook-own-tls");
  }

  @Test
  void existing_secret_mode_mounts_that_secret_and_trusts_the_given_ca() {
    RenderedManifests manifests = chart.render("existing-secret.yaml");

    assertThat(manifests.has("Certificate")).isFalse();
    assertThat(mountedTlsSecret(manifests)).isEqualTo("corporate-webhook-tls");
    assertThat(webhookClientConfig(manifests).path("caBundle").asString())
        .startsWith("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t");
    assertThat(ConfigFile.of(manifests).path("certificates").path("mode").asString())
        .isEqualTo("files");
  }

  @Test
  void the_certificate_files_are_where_the_app_config_says() {
    RenderedManifests manifests = chart.render();

    JsonNode server = ConfigFile.of(manifests).path("server");
    JsonNode mount = PodSecurityTest.mountAt(manifests.container(), TLS_DIRECTORY);
    assertThat(mount.has("subPath")).as("subPath mounts are never updated").isFalse();
    JsonNode secret = projectedSecret(manifests);
    assertThat(secret.path("items").findValuesAsString("path"))
        .containsExactlyInAnyOrder("tls/tls.crt", "tls/tls.key");
    assertThat(server.path("tlsCertFile").asString()).isEqualTo(TLS_DIRECTORY + "/tls/tls.crt");
    assertThat(server.path("tlsKeyFile").asString()).isEqualTo(TLS_DIRECTORY + "/tls/tls.key");
  }

  private static String mountedTlsSecret(RenderedManifests manifests) {
    return projectedSecret(manifests).path("name").asString();
  }

  private static JsonNode projectedSecret(RenderedManifests manifests) {
    JsonNode mount = PodSecurityTest.mountAt(manifests.container(), TLS_DIRECTORY);
    JsonNode volume =
        PodSecurityTest.volumeNamed(manifests.podSpec(), mount.path("name").asString());
    return volume
        .path("projected")
        .path("sources")
        .valueStream()
        .filter(source -> source.has("secret"))
        .map(source -> source.path("secret"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Secret projected at " + TLS_DIRECTORY));
  }

  private static JsonNode webhookClientConfig(RenderedManifests manifests) {
    return manifests
        .one("MutatingWebhookConfiguration")
        .path("webhooks")
        .get(0)
        .path("clientConfig");
  }
}
