package com.tanhdev.pullsecret.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.lookup.FakeSecretLookup;
import com.tanhdev.pullsecret.lookup.SecretFacts;
import com.tanhdev.pullsecret.podspec.ContainerImage;
import com.tanhdev.pullsecret.podspec.PodSpecFacts;
import com.tanhdev.pullsecret.podspec.PullSecretsField;
import com.tanhdev.pullsecret.podspec.WorkloadKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure decision, with a fake lookup: which secrets, which outcome, which warnings. */
class InjectionPolicyTest {

  private static final String REGISTRY_IMAGE = "registry-api.tanhdev.com/payment/api:2.0.1";
  private static final String SECRET = "registry-api-tanhdev";

  private final FakeSecretLookup lookup =
      new FakeSecretLookup().present("payment-production", SECRET);

  private InjectionDecision decide(
      MissingSecretPolicy missing, WorkloadKind kind, String namespace, PodSpecFacts facts) {
    PolicySettings defaults = PolicySettings.defaults();
    PolicySettings settings =
        new PolicySettings(
            defaults.rules(), Mode.ENFORCE, missing, defaults.kinds(), defaults.lookupTimeout());
    return new InjectionPolicy(settings, lookup).decide(kind, namespace, facts);
  }

  private static PodSpecFacts spec(List<String> existing, String... images) {
    List<ContainerImage> containers =
        java.util.Arrays.stream(images).map(image -> new ContainerImage("c", image)).toList();
    PullSecretsField field = existing == null ? PullSecretsField.ABSENT : PullSecretsField.ARRAY;
    return new PodSpecFacts(
        containers, field, existing == null ? List.of() : existing, List.of(), null);
  }

  @Test
  void a_registry_image_with_the_secret_present_is_injected() {
    InjectionDecision decision =
        decide(
            MissingSecretPolicy.SKIP,
            WorkloadKind.POD,
            "payment-production",
            spec(null, REGISTRY_IMAGE));
    assertThat(decision.outcome()).isEqualTo(Outcome.INJECTED);
    assertThat(decision.secretsToAdd()).containsExactly(SECRET);
    assertThat(decision.warnings()).isEmpty();
  }

  @Test
  void many_containers_on_the_registry_need_the_secret_once() {
    InjectionDecision decision =
        decide(
            MissingSecretPolicy.SKIP,
            WorkloadKind.DEPLOYMENT,
            "payment-production",
            spec(null, REGISTRY_IMAGE, "registry-api.tanhdev.com/payment/worker:2.0.1", "nginx"));
    assertThat(decision.secretsToAdd()).containsExactly(SECRET);
    assertThat(lookup.calls()).isEqualTo(1);
  }

  @Test
  void a_secret_already_listed_is_not_looked_up_or_added_again() {
    InjectionDecision decision =
        decide(
            MissingSecretPolicy.SKIP,
            WorkloadKind.POD,
            "payment-production",
            spec(List.of("other", SECRET), REGISTRY_IMAGE));
    assertThat(decision.outcome()).isEqualTo(Outcome.ALREADY_PRESENT);
    assertThat(decision.secretsToAdd()).isEmpty();
    assertThat(lookup.calls()).isZero();
  }

  @Test
  void public_images_never_trigger_a_lookup() {
    InjectionDecision decision =
        decide(
            MissingSecretPolicy.SKIP,
            WorkloadKind.POD,
            "payment-production",
            spec(null, "nginx:1.27", "ghcr.io/org/app:1", "registry-api.tanhdev.com.evil.io/x:1"));
    assertThat(decision.outcome()).isEqualTo(Outcome.NO_MATCHING_IMAGE);
    assertThat(lookup.calls()).isZero();
  }

  @Test
  void a_missing_secret_is_skipped_with_a_warning_naming_it_and_the_namespace() {
    InjectionDecision decision =
        decide(
            MissingSecretPolicy.SKIP, WorkloadKind.POD, "payment-dev", spec(null, REGISTRY_IMAGE));
    assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_MISSING_SECRET);
    assertThat(decision.warnings())
        .containsExactly(
            "secret registry-api-tanhdev does not exist in namespace payment-dev; not added");
  }

  @Test
  void a_missing_secret_is_added_anyway_under_the_inject_policy() {
    InjectionDecision decision =
        decide(
            MissingSecretPolicy.INJECT,
            WorkloadKind.POD,
            "payment-dev",
            spec(null, REGISTRY_IMAGE));
    assertThat(decision.outcome()).isEqualTo(Outcome.INJECTED);
    assertThat(decision.secretsToAdd()).containsExactly(SECRET);
    assertThat(decision.warnings()).singleElement().asString().contains("added anyway");
  }

  @Test
  void a_pod_is_denied_under_the_deny_policy_but_a_deployment_is_only_warned() {
    InjectionDecision pod =
        decide(
            MissingSecretPolicy.DENY, WorkloadKind.POD, "payment-dev", spec(null, REGISTRY_IMAGE));
    assertThat(pod.isDenied()).isTrue();
    assertThat(pod.denyMessage()).contains("registry-api-tanhdev").contains("payment-dev");
    assertThat(pod.secretsToAdd()).isEmpty();

    InjectionDecision deployment =
        decide(
            MissingSecretPolicy.DENY,
            WorkloadKind.DEPLOYMENT,
            "payment-dev",
            spec(null, REGISTRY_IMAGE));
    assertThat(deployment.isDenied()).isFalse();
    assertThat(deployment.outcome()).isEqualTo(Outcome.SKIPPED_MISSING_SECRET);
  }

  @Test
  void a_secret_for_another_registry_denies_a_pod_but_only_warns_on_a_deployment() {
    lookup.present(
        "payment-dev", SECRET, new SecretFacts(SecretFacts.DOCKER_CONFIG_JSON, null, Set.of()));

    InjectionDecision pod =
        decide(
            MissingSecretPolicy.DENY, WorkloadKind.POD, "payment-dev", spec(null, REGISTRY_IMAGE));
    assertThat(pod.outcome()).isEqualTo(Outcome.DENIED_INVALID_SECRET);
    assertThat(pod.denyMessage())
        .isEqualTo(
            "secret registry-api-tanhdev in namespace payment-dev has no credentials for"
                + " registry-api.tanhdev.com: create or fix the image pull secret in this"
                + " namespace; the pod's controller will retry");

    InjectionDecision deployment =
        decide(
            MissingSecretPolicy.DENY,
            WorkloadKind.DEPLOYMENT,
            "payment-dev",
            spec(null, REGISTRY_IMAGE));
    assertThat(deployment.outcome()).isEqualTo(Outcome.SKIPPED_INVALID_SECRET);
    assertThat(deployment.warnings())
        .containsExactly(
            "secret registry-api-tanhdev has no credentials for registry-api.tanhdev.com; not"
                + " added, its pods are denied");
  }

  @Test
  void a_missing_secret_outranks_an_invalid_one_in_the_outcome() {
    PolicySettings defaults = PolicySettings.defaults();
    PolicySettings twoRules =
        new PolicySettings(
            List.of(
                new RegistryRule("registry-api.tanhdev.com", SECRET),
                new RegistryRule("ghcr.io", "ghcr-tanhdev")),
            Mode.ENFORCE,
            MissingSecretPolicy.SKIP,
            defaults.kinds(),
            defaults.lookupTimeout());
    lookup.present("payment-dev", SECRET, new SecretFacts("Opaque", null, Set.of()));

    InjectionDecision decision =
        new InjectionPolicy(twoRules, lookup)
            .decide(
                WorkloadKind.POD,
                "payment-dev",
                spec(null, REGISTRY_IMAGE, "ghcr.io/tanhdev/sidecar:1.0"));

    assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_MISSING_SECRET);
    assertThat(decision.warnings()).hasSize(2);
  }

  @Test
  void a_failing_lookup_is_unknown_with_its_own_warning() {
    lookup.failing();
    InjectionDecision decision =
        decide(
            MissingSecretPolicy.SKIP,
            WorkloadKind.POD,
            "payment-production",
            spec(null, REGISTRY_IMAGE));
    assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_UNKNOWN_SECRET);
    assertThat(decision.warnings()).singleElement().asString().startsWith("could not confirm");
  }

  @Test
  void an_unparsable_image_never_matches_and_becomes_a_warning() {
    InjectionDecision decision =
        decide(
            MissingSecretPolicy.SKIP,
            WorkloadKind.POD,
            "payment-production",
            spec(null, "registry-api.tanhdev.com/Payment/API:1"));
    assertThat(decision.outcome()).isEqualTo(Outcome.NO_MATCHING_IMAGE);
    assertThat(decision.warnings())
        .singleElement()
        .asString()
        .contains("is invalid (repository path must be lower case)");
  }

  @Test
  void pull_secrets_of_the_wrong_type_are_never_patched() {
    PodSpecFacts facts =
        new PodSpecFacts(
            List.of(new ContainerImage("api", REGISTRY_IMAGE)),
            PullSecretsField.WRONG_TYPE,
            List.of(),
            List.of(),
            "imagePullSecrets is a string, not a list");
    InjectionDecision decision =
        decide(MissingSecretPolicy.INJECT, WorkloadKind.POD, "payment-production", facts);
    assertThat(decision.outcome()).isEqualTo(Outcome.INVALID_POD_SPEC);
    assertThat(decision.secretsToAdd()).isEmpty();
  }
}
