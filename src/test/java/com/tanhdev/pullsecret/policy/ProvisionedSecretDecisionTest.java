package com.tanhdev.pullsecret.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.config.ConfigLoader;
import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.lookup.NamespaceLabels;
import com.tanhdev.pullsecret.lookup.SecretFacts;
import com.tanhdev.pullsecret.podspec.ContainerImage;
import com.tanhdev.pullsecret.podspec.PodSpecFacts;
import com.tanhdev.pullsecret.podspec.PullSecretsField;
import com.tanhdev.pullsecret.podspec.WorkloadKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The webhook and the provisioner agree: a secret the lookup reports missing is added anyway when
 * the provisioner copies it into that namespace, because the copy is on its way and the kubelet
 * retries the pull. Anything else keeps the answer it had before provisioning existed.
 */
class ProvisionedSecretDecisionTest {

  private static final String SECRET = "registry-api-tanhdev";
  private static final String IMAGE = "registry-api.tanhdev.com/search/api:2.3.0";
  private static final String PROVISIONED =
      "secret registry-api-tanhdev is not in namespace %s yet; added, it is being provisioned";
  private static final String MISSING =
      "secret registry-api-tanhdev does not exist in namespace %s; not added";

  private static final String CONFIG =
      """
      missingSecret: %s
      rules:
        - registry: registry-api.tanhdev.com
          secret: registry-api-tanhdev
          source: vault-dev/registry-api-tanhdev
        - registry: ghcr.io
          secret: ghcr-pull
      provisioning:
        namespaces:
          namePattern: ".*-(dev|production)"
          exclude: [kube-system, legacy-dev]
          selector: %s
      """;

  /** Namespaces whose labels can be read; any other answers "unknown". */
  private static final Map<String, Map<String, String>> LABELS =
      Map.of(
          "search-dev", Map.of("team", "platform"),
          "data-dev", Map.of("team", "data"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a missing secret the provisioner copies here is added with a warning | search-dev | missing | any | skip | DEPLOYMENT | injected | true | PROVISIONED
          a pod is admitted with a secret that is on its way, not denied | search-dev | missing | any | deny | POD | injected | true | PROVISIONED
          missingSecret inject says the secret is being provisioned | search-dev | missing | any | inject | JOB | injected | true | PROVISIONED
          a present secret is added without a warning | search-dev | present | any | skip | DEPLOYMENT | injected | true | ''
          a namespace the name pattern leaves out is skipped as before | search-staging | missing | any | skip | DEPLOYMENT | skipped-missing-secret | false | MISSING
          an excluded namespace is skipped as before | legacy-dev | missing | any | skip | DEPLOYMENT | skipped-missing-secret | false | MISSING
          the release namespace is never provisioned | platform-dev | missing | any | skip | DEPLOYMENT | skipped-missing-secret | false | MISSING
          the source's own namespace never gets a copy | vault-dev | missing | any | skip | DEPLOYMENT | skipped-missing-secret | false | MISSING
          a present secret of the wrong type is not overridden | search-dev | opaque | any | skip | DEPLOYMENT | skipped-invalid-secret | false | ''
          a secret whose existence is unknown is not assumed provisioned | search-dev | failing | any | skip | DEPLOYMENT | skipped-unknown-secret | false | ''
          a namespace with the selected label is provisioned | search-dev | missing | team | skip | DEPLOYMENT | injected | true | PROVISIONED
          a namespace with another label value is skipped as before | data-dev | missing | team | skip | DEPLOYMENT | skipped-missing-secret | false | MISSING
          a namespace whose labels cannot be read is skipped as before | auth-dev | missing | team | skip | DEPLOYMENT | skipped-missing-secret | false | MISSING
          a namespace whose labels are not needed is provisioned without reading them | auth-dev | missing | any | skip | DEPLOYMENT | injected | true | PROVISIONED
          """)
  void a_missing_secret_is_added_only_where_the_provisioner_copies_it(
      String scenario,
      String namespace,
      String secret,
      String selector,
      String missingSecret,
      WorkloadKind kind,
      String outcome,
      boolean added,
      String warning) {
    InjectionDecision decision =
        policy(selector, missingSecret, lookup(namespace, secret))
            .decide(kind, namespace, spec(IMAGE));

    assertThat(decision.outcome().label()).isEqualTo(outcome);
    assertThat(decision.secretsToAdd()).isEqualTo(added ? List.of(SECRET) : List.of());
    switch (warning) {
      case "PROVISIONED" ->
          assertThat(decision.warnings()).containsExactly(PROVISIONED.formatted(namespace));
      case "MISSING" ->
          assertThat(decision.warnings()).containsExactly(MISSING.formatted(namespace));
      default -> assertThat(decision.warnings()).doesNotContain(PROVISIONED.formatted(namespace));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a rule without a source is skipped as before | ghcr.io/acme/tool:1 | skipped-missing-secret
          a pod needing both secrets gets the provisioned one and a warning for the other | ghcr.io/acme/tool:1,registry-api.tanhdev.com/search/api:2.3.0 | injected
          """)
  void only_secrets_with_a_source_are_provisioned(String scenario, String images, String outcome) {
    InjectionDecision decision =
        policy("any", "skip", new FakeSecretLookup())
            .decide(WorkloadKind.DEPLOYMENT, "search-dev", spec(images.split(",")));

    assertThat(decision.outcome().label()).isEqualTo(outcome);
    assertThat(decision.secretsToAdd()).doesNotContain("ghcr-pull");
    assertThat(decision.warnings())
        .contains("secret ghcr-pull does not exist in namespace search-dev; not added");
  }

  private static InjectionPolicy policy(
      String selector, String missingSecret, FakeSecretLookup lookup) {
    String selectorYaml = selector.equals("team") ? "{matchLabels: {team: platform}}" : "{}";
    PolicySettings settings =
        new ConfigLoader()
            .parse(
                CONFIG.formatted(missingSecret, selectorYaml).getBytes(StandardCharsets.UTF_8),
                "test",
                Map.of("PULLSECRET_NAMESPACE", "platform-dev"))
            .policy();
    NamespaceLabels labels = name -> Optional.ofNullable(LABELS.get(name));
    return new InjectionPolicy(settings, lookup, labels);
  }

  private static FakeSecretLookup lookup(String namespace, String secret) {
    return switch (secret) {
      case "present" -> new FakeSecretLookup().present(namespace, SECRET);
      case "opaque" ->
          new FakeSecretLookup()
              .present(namespace, SECRET, new SecretFacts("Opaque", null, Set.of()));
      case "failing" -> new FakeSecretLookup().failing();
      default -> new FakeSecretLookup();
    };
  }

  private static PodSpecFacts spec(String... images) {
    List<ContainerImage> containers =
        java.util.Arrays.stream(images).map(image -> new ContainerImage("c", image)).toList();
    return new PodSpecFacts(containers, PullSecretsField.ABSENT, List.of(), List.of(), null);
  }
}
