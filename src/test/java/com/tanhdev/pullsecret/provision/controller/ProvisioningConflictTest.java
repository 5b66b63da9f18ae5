package com.tanhdev.pullsecret.provision.controller;

import static com.tanhdev.pullsecret.provision.controller.ProvisioningScenario.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Same-named secrets we did not create, and sources that cannot be copied. */
@ExtendWith(ProvisioningExtension.class)
class ProvisioningConflictTest {

  private static final String HAND_MADE =
      ProvisioningScenario.dockerConfig("someone", "typed-by-hand");

  private static String metric(ProvisionerProcess process, String name, String labels) {
    String prefix = name + "{" + labels + "} ";
    return process
        .metrics()
        .scrape()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()))
        .findFirst()
        .orElse("absent");
  }

  @Test
  void a_hand_made_secret_is_left_alone_and_reported_until_it_goes_away(
      ProvisioningScenario scenario) {
    scenario.validSource();
    TestNamespace namespace = scenario.selected("auth-dev");
    namespace.withSecret(scenario.secret, "kubernetes.io/dockerconfigjson", HAND_MADE);
    Secret handMade = scenario.copyIn(namespace);
    ProvisionerProcess process = scenario.startLeader();

    awaitConflictReported(scenario, process, namespace, handMade);

    scenario.admin.secrets().inNamespace(namespace.name()).withName(scenario.secret).delete();

    scenario.awaitCopyInSync(namespace);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                metric(process, "pullsecret_provisioning_copies", conflicted(scenario))
                    .equals("0.0"));
  }

  @Test
  void a_secret_that_only_wears_our_label_is_left_alone_and_reported(
      ProvisioningScenario scenario) {
    scenario.validSource();
    TestNamespace namespace = scenario.selected("review-dev");
    Secret imitation =
        scenario.createLabelledAsOurs(
            namespace,
            Map.of(),
            "kubernetes.io/dockerconfigjson",
            Map.of(".dockerconfigjson", HAND_MADE));
    ProvisionerProcess process = scenario.startLeader();

    awaitConflictReported(scenario, process, namespace, imitation);
  }

  /** Counted, announced on the source, and the secret itself untouched. */
  private static void awaitConflictReported(
      ProvisioningScenario scenario,
      ProvisionerProcess process,
      TestNamespace namespace,
      Secret untouched) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                metric(process, "pullsecret_provisioning_copies", conflicted(scenario))
                    .equals("1.0"));
    await().atMost(PATIENCE).until(() -> scenario.hasSourceEvent("CopyConflict", namespace.name()));
    assertThat(scenario.copyIn(namespace).getMetadata().getResourceVersion())
        .isEqualTo(untouched.getMetadata().getResourceVersion());
  }

  private static String conflicted(ProvisioningScenario scenario) {
    return "secret=\"" + scenario.secret + "\",state=\"conflicted\"";
  }

  @Test
  void adopt_existing_takes_over_a_dockerconfigjson_secret_but_never_an_opaque_one(
      ProvisioningScenario scenario) {
    scenario.writeConfig("  adoptExisting: true");
    scenario.validSource();
    TestNamespace adopted = scenario.selected("user-dev");
    adopted.withSecret(scenario.secret, "kubernetes.io/dockerconfigjson", HAND_MADE);
    TestNamespace opaque = scenario.selected("user-production");
    opaque.withSecret(scenario.secret, "Opaque", HAND_MADE);
    Secret opaqueBefore = scenario.copyIn(opaque);

    scenario.startLeader();

    Secret copy = scenario.awaitCopyInSync(adopted);
    assertThat(copy.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "pullsecret-webhook");
    await().atMost(PATIENCE).until(() -> scenario.hasSourceEvent("CopyConflict", opaque.name()));
    assertThat(scenario.copyIn(opaque).getMetadata().getResourceVersion())
        .isEqualTo(opaqueBefore.getMetadata().getResourceVersion());
  }

  @Test
  void an_invalid_source_is_reported_and_never_copied(ProvisioningScenario scenario) {
    scenario.source(
        "kubernetes.io/dockerconfigjson", "{\"auths\":{\"ghcr.io\":{\"auth\":\"eDp5\"}}}", null);
    TestNamespace namespace = scenario.selected("pricing-dev");
    ProvisionerProcess process = scenario.startLeader();

    String secretLabel = "secret=\"" + scenario.secret + "\"";
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                metric(process, "pullsecret_provisioning_source_valid", secretLabel).equals("0.0"));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                scenario.hasSourceEvent(
                    "SourceInvalid", "has no credentials for registry-api.tanhdev.com"));
    assertThat(scenario.copyIn(namespace)).isNull();

    scenario.validSource();

    scenario.awaitCopyInSync(namespace);
    assertThat(metric(process, "pullsecret_provisioning_source_valid", secretLabel))
        .isEqualTo("1.0");
  }

  @Test
  void a_deleted_source_leaves_the_copies_in_place_and_a_recreated_one_is_followed(
      ProvisioningScenario scenario) {
    scenario.validSource();
    TestNamespace namespace = scenario.selected("payment-dev");
    scenario.startLeader();
    scenario.awaitCopyInSync(namespace);

    scenario.deleteSource();

    await()
        .atMost(PATIENCE)
        .until(() -> scenario.hasSourceEvent("SourceMissing", "existing copies are kept"));
    assertThat(scenario.copyIn(namespace)).isNotNull();

    scenario.source(
        "kubernetes.io/dockerconfigjson",
        ProvisioningScenario.dockerConfig("ci-pull", "recreated"),
        null);
    scenario.awaitCopyInSync(namespace);
  }

  @Test
  void delete_copies_with_source_removes_our_copies_and_only_ours(ProvisioningScenario scenario) {
    scenario.writeConfig("  deleteCopiesWithSource: true");
    scenario.validSource();
    TestNamespace ours = scenario.selected("shipping-dev");
    TestNamespace theirs = scenario.selected("shipping-production");
    theirs.withSecret(scenario.secret, "kubernetes.io/dockerconfigjson", HAND_MADE);
    scenario.startLeader();
    scenario.awaitCopyInSync(ours);

    scenario.deleteSource();

    await().atMost(PATIENCE).until(() -> scenario.copyIn(ours) == null);
    assertThat(scenario.copyIn(theirs)).isNotNull();
    assertThat(scenario.copyIn(theirs).getMetadata().getLabels()).isNullOrEmpty();
  }

  @Test
  void a_missing_source_in_a_namespace_with_no_copy_makes_nothing(ProvisioningScenario scenario) {
    TestNamespace namespace = scenario.selected("loyalty-dev");
    scenario.startLeader();

    await()
        .atMost(PATIENCE)
        .until(() -> scenario.hasSourceEvent("SourceMissing", "does not exist"));
    assertThat(scenario.copyIn(namespace)).isNull();
    assertThat(scenario.admin.secrets().inNamespace(namespace.name()).list().getItems())
        .extracting(s -> s.getMetadata().getName())
        .doesNotContain(scenario.secret);
  }
}
