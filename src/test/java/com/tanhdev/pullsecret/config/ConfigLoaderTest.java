package com.tanhdev.pullsecret.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tanhdev.pullsecret.podspec.WorkloadKind;
import com.tanhdev.pullsecret.policy.MissingSecretPolicy;
import com.tanhdev.pullsecret.policy.Mode;
import com.tanhdev.pullsecret.policy.Operation;
import com.tanhdev.pullsecret.policy.PolicySettings;
import com.tanhdev.pullsecret.policy.RegistryRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private final ConfigLoader loader = new ConfigLoader();

  private WebhookConfig parse(String yaml, Map<String, String> env) {
    return loader.parse(yaml.getBytes(StandardCharsets.UTF_8), "config.yaml", env);
  }

  @Test
  void the_embedded_default_is_the_platform_registry_rule_with_safe_policies() {
    WebhookConfig config = loader.loadEmbedded(Map.of());
    assertThat(config.policy()).isEqualTo(PolicySettings.defaults());
    assertThat(config.server().port()).isEqualTo(8443);
    assertThat(config.server().healthPort()).isEqualTo(8080);
    assertThat(config.certificates().mode()).isEqualTo(CertificateMode.FILES);
  }

  @Test
  void the_control_planes_namespaces_are_excluded_unless_the_file_says_otherwise() {
    assertThat(loader.loadEmbedded(Map.of()).excludedNamespaces())
        .containsExactly("kube-system", "kube-public", "kube-node-lease");
    assertThat(parse("", Map.of()).excludedNamespaces())
        .isEqualTo(WebhookConfig.DEFAULT_EXCLUDED_NAMESPACES);
    assertThat(
            parse("excludedNamespaces: [kube-system, pullsecret-system]", Map.of())
                .excludedNamespaces())
        .containsExactly("kube-system", "pullsecret-system");
  }

  @Test
  void an_excluded_namespace_that_is_not_a_namespace_name_is_refused() {
    assertThatThrownBy(() -> parse("excludedNamespaces: [Kube_System]", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "excludedNamespaces: must list namespace names (DNS labels), got \"Kube_System\"");
  }

  @Test
  void an_empty_file_means_every_default() {
    assertThat(parse("", Map.of()).policy()).isEqualTo(PolicySettings.defaults());
  }

  @Test
  void several_rules_and_extra_kinds_are_read() {
    WebhookConfig config =
        parse(
            """
            rules:
              - registry: registry-api.tanhdev.com
                secret: registry-api-tanhdev
              - registry: Harbor.Example.com:8443
                secret: harbor-pull
            mode: report
            missingSecret: deny
            kinds:
              Pod: [CREATE]
              CronJob: [CREATE, UPDATE]
              StatefulSet: [CREATE]
            """,
            Map.of());
    assertThat(config.policy().rules())
        .containsExactly(
            new RegistryRule("registry-api.tanhdev.com", "registry-api-tanhdev"),
            new RegistryRule("harbor.example.com:8443", "harbor-pull"));
    assertThat(config.policy().mode()).isEqualTo(Mode.REPORT);
    assertThat(config.policy().missingSecret()).isEqualTo(MissingSecretPolicy.DENY);
    assertThat(config.policy().handles(WorkloadKind.CRON_JOB, Operation.UPDATE)).isTrue();
    assertThat(config.policy().handles(WorkloadKind.DEPLOYMENT, Operation.CREATE)).isFalse();
  }

  @Test
  void every_bad_key_is_named_in_one_message() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    rules:
                      - registry: "registry api"
                        secret: Registry_Secret
                    mode: enforcing
                    missingSecrets: skip
                    lookupTimeoutMillis: 0
                    server:
                      prot: 8443
                    """,
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rules[0].registry")
        .hasMessageContaining("rules[0].secret")
        .hasMessageContaining("mode: must be one of enforce, report, got \"enforcing\"")
        .hasMessageContaining("missingSecrets: unknown key")
        .hasMessageContaining("lookupTimeoutMillis: must be a whole number from 10 to 4000")
        .hasMessageContaining("server.prot: unknown key");
  }

  @Test
  void self_managed_rotation_timing_defaults_to_ten_seconds_and_ten_minutes_and_can_be_shortened() {
    CertificateSettings defaults = loader.loadEmbedded(Map.of()).certificates();
    assertThat(defaults.checkInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.rotationOverlap()).isEqualTo(Duration.ofMinutes(10));

    CertificateSettings shortened =
        parse(
                """
                certificates:
                  mode: selfManaged
                  selfManaged: {checkIntervalSeconds: 1, rotationOverlapSeconds: 3}
                """,
                Map.of())
            .certificates();
    assertThat(shortened.checkInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(shortened.rotationOverlap()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void a_rotation_overlap_shorter_than_three_checks_is_refused() {
    assertThatThrownBy(
            () ->
                parse(
                    "certificates:\n  selfManaged: {checkIntervalSeconds: 5, rotationOverlapSeconds: 14}\n",
                    Map.of()))
        .hasMessageContaining(
            "certificates.selfManaged.rotationOverlapSeconds: must be at least 3 times"
                + " checkIntervalSeconds (5)");
  }

  @Test
  void a_pod_update_rule_is_refused_because_pull_secrets_are_immutable() {
    assertThatThrownBy(() -> parse("kinds:\n  Pod: [CREATE, UPDATE]\n", Map.of()))
        .hasMessageContaining("kinds.Pod: UPDATE cannot be handled");
  }

  @Test
  void operations_are_read_in_any_case() {
    WebhookConfig config = parse("kinds:\n  Deployment: [create, Update]\n", Map.of());

    assertThat(config.policy().handles(WorkloadKind.DEPLOYMENT, Operation.CREATE)).isTrue();
    assertThat(config.policy().handles(WorkloadKind.DEPLOYMENT, Operation.UPDATE)).isTrue();
  }

  @Test
  void an_operation_other_than_create_or_update_is_refused_by_its_wire_name() {
    assertThatThrownBy(() -> parse("kinds:\n  Deployment: [delete]\n", Map.of()))
        .hasMessageContaining(
            "kinds.Deployment: operations must be CREATE or UPDATE, got \"DELETE\"");
  }

  @Test
  void an_unknown_kind_is_refused() {
    assertThatThrownBy(() -> parse("kinds:\n  Rollout: [CREATE]\n", Map.of()))
        .hasMessageContaining("kinds.Rollout: unknown kind");
  }

  @Test
  void no_rules_at_all_is_refused() {
    assertThatThrownBy(() -> parse("rules: []\n", Map.of()))
        .hasMessageContaining("rules: at least one rule is needed");
  }

  @Test
  void yaml_that_is_not_a_mapping_is_refused() {
    assertThatThrownBy(() -> parse("- just\n- a list\n", Map.of()))
        .hasMessageContaining("must hold a YAML mapping");
    assertThatThrownBy(() -> parse("rules: [unclosed\n", Map.of()))
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void environment_overrides_win_over_the_file() {
    WebhookConfig config =
        parse(
            "mode: enforce\n",
            Map.of(
                "PULLSECRET_MODE", "report",
                "PULLSECRET_PORT", "9443",
                "PULLSECRET_RULES",
                    "registry-api.tanhdev.com=registry-api-tanhdev, ghcr.io=ghcr-pull",
                "PATH", "/usr/bin"));
    assertThat(config.policy().mode()).isEqualTo(Mode.REPORT);
    assertThat(config.server().port()).isEqualTo(9443);
    assertThat(config.policy().registriesBySecret().keySet())
        .containsExactly("registry-api-tanhdev", "ghcr-pull");
  }

  @Test
  void a_misspelt_environment_override_is_refused() {
    assertThatThrownBy(() -> parse("", Map.of("PULLSECRET_MODES", "report")))
        .hasMessageContaining("PULLSECRET_MODES: unknown environment override");
    assertThatThrownBy(() -> parse("", Map.of("PULLSECRET_PORT", "http")))
        .hasMessageContaining("server.port: must be a whole number");
  }

  @Test
  void an_unreadable_file_is_named(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"), Map.of()))
        .hasMessageContaining("missing.yaml")
        .hasMessageContaining("cannot read the file");
  }

  @Test
  void the_watcher_applies_a_valid_change_and_keeps_the_old_policy_on_a_bad_one(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "mode: enforce\n");
    PolicySettings[] current = {null};
    boolean[] lastResult = {false};
    try (ConfigWatcher watcher =
        new ConfigWatcher(file, Map.of(), loader, p -> current[0] = p, ok -> lastResult[0] = ok)) {
      watcher.start(java.time.Duration.ofHours(1));
      Files.writeString(file, "mode: report\n");
      watcher.checkOnce();
      assertThat(current[0].mode()).isEqualTo(Mode.REPORT);
      assertThat(lastResult[0]).isTrue();

      Files.writeString(file, "mode: sometimes\n");
      watcher.checkOnce();
      assertThat(current[0].mode()).isEqualTo(Mode.REPORT);
      assertThat(lastResult[0]).isFalse();
    }
  }
}
