package com.tanhdev.pullsecret.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessEnvironmentTest {

  @Test
  void the_pod_namespace_comes_from_the_variable_the_chart_sets() {
    ProcessEnvironment env = new ProcessEnvironment(Map.of("PULLSECRET_NAMESPACE", "webhooks"));

    assertThat(env.podNamespace("from-kubeconfig", "selfManaged")).isEqualTo("webhooks");
  }

  @Test
  void without_the_variable_the_clients_namespace_is_used() {
    ProcessEnvironment env = new ProcessEnvironment(Map.of("PULLSECRET_NAMESPACE", " "));

    assertThat(env.podNamespace("from-kubeconfig", "selfManaged")).isEqualTo("from-kubeconfig");
  }

  @Test
  void with_no_namespace_anywhere_the_refusal_names_the_variable_and_why_it_is_needed() {
    ProcessEnvironment env = new ProcessEnvironment(Map.of());

    assertThatThrownBy(() -> env.podNamespace(null, "certificates.mode selfManaged"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "PULLSECRET_NAMESPACE: certificates.mode selfManaged needs the pod's namespace");
  }

  @Test
  void a_config_file_on_the_command_line_wins_over_the_variable() {
    ProcessEnvironment env = new ProcessEnvironment(Map.of("PULLSECRET_CONFIG", "/etc/env.yaml"));

    assertThat(ConfigSource.of(Optional.of(Path.of("/etc/flag.yaml")), env).file())
        .contains(Path.of("/etc/flag.yaml"));
    assertThat(ConfigSource.of(Optional.empty(), env).file()).contains(Path.of("/etc/env.yaml"));
    assertThat(ConfigSource.of(Optional.empty(), new ProcessEnvironment(Map.of())).file())
        .isEmpty();
  }
}
