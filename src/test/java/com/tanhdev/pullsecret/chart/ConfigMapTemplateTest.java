package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfigMapTemplateTest {

  private final PullsecretChart chart = PullsecretChart.fromEnvironment();

  @Test
  void the_config_file_holds_exactly_the_keys_the_app_accepts() {
    // The app refuses unknown keys, so anything extra here would stop every pod.
    JsonNode config = ConfigFile.of(chart.render());

    assertThat(config.propertyNames())
        .containsExactlyInAnyOrder(
            "rules",
            "mode",
            "missingSecret",
            "kinds",
            "lookupTimeoutMillis",
            "server",
            "certificates",
            "excludedNamespaces");
    assertThat(config.path("server").propertyNames())
        .containsExactlyInAnyOrder("port", "healthPort", "tlsCertFile", "tlsKeyFile");
    assertThat(config.path("certificates").propertyNames()).containsExactly("mode");
  }

  @Test
  void the_config_file_carries_the_rules_and_policies_from_the_values() {
    JsonNode config = ConfigFile.of(chart.render("many-registries.yaml"));

    assertThat(config.path("mode").asString()).isEqualTo("report");
    assertThat(config.path("missingSecret").asString()).isEqualTo("inject");
    assertThat(config.path("lookupTimeoutMillis").asInt()).isEqualTo(250);
    assertThat(config.path("rules").findValuesAsString("registry"))
        .containsExactly(
            "registry-api.tanhdev.com", "registry.tanhdev.com:5000", "mirror.tanhdev.com");
    assertThat(config.path("rules").get(1).path("secret").asString()).isEqualTo("registry-tanhdev");
  }

  @Test
  void audit_leaves_out_the_namespaces_the_webhook_configuration_leaves_out() {
    JsonNode config = ConfigFile.of(chart.render());

    assertThat(config.path("excludedNamespaces").valueStream().map(JsonNode::asString))
        .containsExactly("kube-system", PullsecretChart.NAMESPACE);
  }

  @Test
  void kinds_turned_off_are_left_out_of_the_config_file() {
    JsonNode kinds = ConfigFile.of(chart.render("pods-only.yaml")).path("kinds");

    assertThat(kinds.propertyNames()).containsExactly("Pod");
    assertThat(kinds.path("Pod").valueStream().map(JsonNode::asString)).containsExactly("CREATE");
  }

  @Test
  void the_app_listens_on_the_ports_the_container_declares() {
    RenderedManifests manifests = chart.render();
    JsonNode server = ConfigFile.of(manifests).path("server");
    JsonNode ports = manifests.container().path("ports");

    assertThat(containerPort(ports, "https")).isEqualTo(server.path("port").asInt());
    assertThat(containerPort(ports, "health")).isEqualTo(server.path("healthPort").asInt());
  }

  @Test
  void the_container_reads_the_config_file_the_config_map_provides() {
    RenderedManifests manifests = chart.render();

    assertThat(manifests.container().path("args").valueStream().map(JsonNode::asString))
        .containsExactly("serve", "--config", "/etc/pullsecret-webhook/config.yaml");
    JsonNode mount = PodSecurityTest.mountAt(manifests.container(), "/etc/pullsecret-webhook");
    JsonNode volume =
        PodSecurityTest.volumeNamed(manifests.podSpec(), mount.path("name").asString());
    JsonNode configMap = volume.path("projected").path("sources").get(0).path("configMap");
    assertThat(configMap.path("name").asString())
        .isEqualTo(manifests.one("ConfigMap").path("metadata").path("name").asString());
    assertThat(configMap.path("items").get(0).path("path").asString()).isEqualTo("config.yaml");
  }

  private static int containerPort(JsonNode ports, String name) {
    return ports
        .valueStream()
        .filter(port -> name.equals(port.path("name").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + name))
        .path("containerPort")
        .asInt();
  }
}
