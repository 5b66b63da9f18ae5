package com.tanhdev.pullsecret.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tanhdev.pullsecret.provision.ProvisionedSecret;
import com.tanhdev.pullsecret.provision.ProvisioningSettings;
import com.tanhdev.pullsecret.provision.SourceRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProvisioningConfigTest {

  private final ConfigLoader loader = new ConfigLoader();

  private ProvisioningSettings parse(String yaml) {
    return loader
        .parse(yaml.getBytes(StandardCharsets.UTF_8), "config.yaml", Map.of())
        .provisioning();
  }

  @Test
  void without_sources_nothing_is_provisioned_and_the_defaults_apply() {
    ProvisioningSettings settings = loader.loadEmbedded(Map.of()).provisioning();

    assertThat(settings).isEqualTo(ProvisioningSettings.none());
    assertThat(settings.namespaces().excluded())
        .containsExactlyInAnyOrder("kube-system", "kube-public", "kube-node-lease");
    assertThat(settings.leaseName()).isEqualTo("pullsecret-webhook-provisioner");
  }

  @Test
  void a_rule_with_a_source_is_provisioned_with_every_registry_paired_with_its_secret() {
    ProvisioningSettings settings =
        parse(
            """
            rules:
              - registry: registry-api.tanhdev.com
                secret: registry-api-tanhdev
                source: infrastructure/registry-api-tanhdev
              - registry: mirror.tanhdev.com:5000
                secret: registry-api-tanhdev
                source: infrastructure/registry-api-tanhdev
              - registry: ghcr.io
                secret: ghcr-pull
            provisioning:
              adoptExisting: true
              deleteCopiesWithSource: true
              leaseName: provisioner
            """);

    assertThat(settings.secrets())
        .containsExactly(
            new ProvisionedSecret(
                "registry-api-tanhdev",
                new SourceRef("infrastructure", "registry-api-tanhdev"),
                Set.of("registry-api.tanhdev.com", "mirror.tanhdev.com:5000")));
    assertThat(settings.adoptExisting()).isTrue();
    assertThat(settings.deleteCopiesWithSource()).isTrue();
    assertThat(settings.leaseName()).isEqualTo("provisioner");
  }

  @Test
  void the_selector_the_name_pattern_and_the_exclusions_all_decide() {
    ProvisioningSettings settings =
        parse(
            """
            provisioning:
              namespaces:
                selector:
                  matchLabels: {team: platform}
                  matchExpressions:
                    - {key: tier, operator: NotIn, values: [sandbox]}
                namePattern: ".*-(dev|production)"
                exclude: [legacy-dev]
            """);

    var namespaces = settings.namespaces();
    assertThat(namespaces.selects("auth-dev", Map.of("team", "platform"))).isTrue();
    assertThat(namespaces.selects("auth-staging", Map.of("team", "platform"))).isFalse();
    assertThat(namespaces.selects("auth-dev", Map.of("team", "data"))).isFalse();
    assertThat(namespaces.selects("auth-dev", Map.of("team", "platform", "tier", "sandbox")))
        .isFalse();
    assertThat(namespaces.selects("legacy-dev", Map.of("team", "platform"))).isFalse();
    assertThat(namespaces.selects("kube-system", Map.of("team", "platform"))).isFalse();
  }

  @Test
  void a_name_pattern_that_backtracks_is_refused_and_a_usual_one_is_not() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    provisioning:
                      namespaces:
                        namePattern: "(.*a){12}"
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("provisioning.namespaces.namePattern: backtracks too much");

    for (String usual :
        List.of(
            ".*-(dev|production)$",
            ".*",
            "(auth|user|customer|loyalty-rewards)-(dev|production)",
            "[a-z0-9]+(-[a-z0-9]+)*-dev")) {
      var namespaces =
          parse("provisioning:\n  namespaces:\n    namePattern: \"" + usual + "\"\n").namespaces();
      assertThat(namespaces.selects("loyalty-rewards-dev", Map.of())).as(usual).isTrue();
    }
  }

  @Test
  void a_source_must_be_exactly_one_namespace_and_one_name() {
    for (String source : List.of("a/b/c", "/x", "ns/", "/", "Infra/x", "ns/x y")) {
      assertThatThrownBy(
              () ->
                  parse(
                      "rules:\n  - registry: r.example.com\n    secret: s\n    source: \""
                          + source
                          + "\"\n"))
          .as(source)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("rules[0].source: must be namespace/name of a Secret");
    }
  }

  @Test
  void two_rules_for_one_secret_with_different_sources_are_refused() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    rules:
                      - registry: registry-api.tanhdev.com
                        secret: registry-api-tanhdev
                        source: infrastructure/registry-api-tanhdev
                      - registry: mirror.tanhdev.com
                        secret: registry-api-tanhdev
                        source: platform-secrets/registry-api-tanhdev
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "rules[1].source: secret registry-api-tanhdev is provisioned from"
                + " \"infrastructure/registry-api-tanhdev\" by rules[0]");
  }

  @Test
  void every_bad_provisioning_key_is_named_in_one_message() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    rules:
                      - registry: registry-api.tanhdev.com
                        secret: registry-api-tanhdev
                        source: registry-api-tanhdev
                    provisioning:
                      adoptExisting: "yes"
                      leaseName: Lease_Name
                      deleteCopies: true
                      namespaces:
                        namePattern: "(unclosed"
                        exclude: [Kube_System]
                        selector:
                          matchExpressions:
                            - {key: tier, operator: Matches, values: [a]}
                            - {key: team, operator: In}
                            - {key: env, operator: Exists, values: [dev]}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rules[0].source: must be namespace/name of a Secret")
        .hasMessageContaining("provisioning.adoptExisting: must be true or false")
        .hasMessageContaining("provisioning.leaseName: must be a Lease name")
        .hasMessageContaining("provisioning.deleteCopies: unknown key")
        .hasMessageContaining("provisioning.namespaces.namePattern: is not a Java regular")
        .hasMessageContaining("provisioning.namespaces.exclude: must list namespace names")
        .hasMessageContaining(
            "provisioning.namespaces.selector.matchExpressions[0].operator: must be one of In,")
        .hasMessageContaining(
            "provisioning.namespaces.selector.matchExpressions[1].values: must list at least one")
        .hasMessageContaining(
            "provisioning.namespaces.selector.matchExpressions[2].values: must be empty");
  }

  @Test
  void the_release_namespace_comes_from_the_environment_and_is_required() {
    assertThat(
            ProvisionerIdentity.of(
                new ProcessEnvironment(
                    Map.of(
                        "PULLSECRET_NAMESPACE", "pullsecret-system", "PULLSECRET_POD_NAME", "p-0")),
                null))
        .isEqualTo(new ProvisionerIdentity("pullsecret-system", "p-0"));
    ProcessEnvironment empty = new ProcessEnvironment(Map.of());
    assertThat(ProvisionerIdentity.of(empty, "from-kubeconfig").namespace())
        .isEqualTo("from-kubeconfig");
    assertThat(ProvisionerIdentity.of(empty, "from-kubeconfig").podName()).isNotBlank();
    assertThatThrownBy(() -> ProvisionerIdentity.of(empty, null))
        .hasMessageContaining("PULLSECRET_NAMESPACE");
  }

  @Test
  void the_pod_name_is_not_mistaken_for_an_override() {
    assertThat(
            loader
                .parse(new byte[0], "config.yaml", Map.of("PULLSECRET_POD_NAME", "p-0"))
                .provisioning())
        .isEqualTo(ProvisioningSettings.none());
  }
}
