package com.tanhdev.pullsecret.provision.controller;

import static com.tanhdev.pullsecret.provision.controller.ProvisioningScenario.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.provision.CopyContent;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The life of a source and its copies, through the real API server. */
@ExtendWith(ProvisioningExtension.class)
class ProvisioningLifecycleTest {

  @Test
  void a_copy_carries_only_the_type_the_data_and_our_marker(ProvisioningScenario scenario) {
    scenario.source(
        "kubernetes.io/dockerconfigjson",
        TestNamespace.DOCKER_CONFIG,
        new ObjectMetaBuilder()
            .withLabels(
                Map.of(
                    "argocd.argoproj.io/instance", "infrastructure-production",
                    "app.kubernetes.io/managed-by", "Helm"))
            .withAnnotations(
                Map.of(
                    "kubectl.kubernetes.io/last-applied-configuration", "{\"kind\":\"Secret\"}",
                    "meta.helm.sh/release-name", "infrastructure",
                    "argocd.argoproj.io/tracking-id", "infrastructure:/Secret:infrastructure/x"))
            .withFinalizers("example.com/keep")
            .build());
    TestNamespace namespace = scenario.selected("auth-dev");
    scenario.startLeader();

    Secret copy = scenario.awaitCopyInSync(namespace);

    Secret source = scenario.sourceSecret();
    assertThat(copy.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
    assertThat(copy.getData()).isEqualTo(source.getData());
    assertThat(copy.getMetadata().getLabels())
        .isEqualTo(Map.of("app.kubernetes.io/managed-by", "pullsecret-webhook"));
    assertThat(copy.getMetadata().getAnnotations())
        .containsOnlyKeys("pullsecret.tanhdev.com/source", "pullsecret.tanhdev.com/source-hash")
        .containsEntry(
            "pullsecret.tanhdev.com/source", scenario.sources.name() + "/" + scenario.secret);
    assertThat(copy.getMetadata().getAnnotations().get("pullsecret.tanhdev.com/source-hash"))
        .matches("sha256:[0-9a-f]{64}");
    assertThat(copy.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(copy.getMetadata().getFinalizers()).isEmpty();
  }

  @Test
  void a_new_matching_namespace_gets_its_copy_and_others_and_the_source_namespace_do_not(
      ProvisioningScenario scenario) {
    scenario.validSource();
    scenario.startLeader();

    long created = System.nanoTime();
    TestNamespace fresh = scenario.selected("catalog-dev");
    scenario.awaitCopyInSync(fresh);
    long millis = (System.nanoTime() - created) / 1_000_000;
    System.out.println("new namespace to copy present: " + millis + " ms");

    TestNamespace unlabelled = TestNamespace.create(scenario.admin, "catalog-dev", Map.of());
    scenario
        .admin
        .namespaces()
        .withName(scenario.sources.name())
        .edit(
            ns -> {
              ns.getMetadata().getLabels().put(ProvisioningScenario.SELECT_LABEL, scenario.label);
              return ns;
            });
    TestNamespace marker = scenario.selected("marker");
    scenario.awaitCopyInSync(marker); // everything queued before it has been decided
    assertThat(scenario.copyIn(unlabelled)).isNull();
    assertThat(scenario.sourceSecret().getMetadata().getLabels()).isNullOrEmpty();
  }

  @Test
  void a_rotated_source_reaches_every_copy(ProvisioningScenario scenario) {
    scenario.validSource();
    List<TestNamespace> namespaces =
        List.of(scenario.selected("a-dev"), scenario.selected("b-dev"), scenario.selected("c-dev"));
    scenario.startLeader();
    namespaces.forEach(scenario::awaitCopyInSync);

    scenario.source(
        "kubernetes.io/dockerconfigjson",
        ProvisioningScenario.dockerConfig("ci-pull", "rotated-token"),
        null);

    namespaces.forEach(scenario::awaitCopyInSync);
  }

  @Test
  void a_copy_deleted_or_edited_by_hand_is_repaired(ProvisioningScenario scenario) {
    scenario.validSource();
    TestNamespace deleted = scenario.selected("order-dev");
    TestNamespace edited = scenario.selected("order-production");
    scenario.startLeader();
    scenario.awaitCopyInSync(deleted);
    scenario.awaitCopyInSync(edited);

    scenario.admin.secrets().inNamespace(deleted.name()).withName(scenario.secret).delete();
    scenario
        .admin
        .secrets()
        .inNamespace(edited.name())
        .withName(scenario.secret)
        .edit(
            s ->
                new io.fabric8.kubernetes.api.model.SecretBuilder(s)
                    .withStringData(Map.of(".dockerconfigjson", "{\"auths\":{}}"))
                    .build());

    scenario.awaitCopyInSync(deleted);
    scenario.awaitCopyInSync(edited);
  }

  @Test
  void a_finalizer_someone_else_put_on_a_copy_survives_a_rotation(ProvisioningScenario scenario) {
    scenario.validSource();
    TestNamespace namespace = scenario.selected("warehouse-dev");
    scenario.startLeader();
    scenario.awaitCopyInSync(namespace);
    var copy = scenario.admin.secrets().inNamespace(namespace.name()).withName(scenario.secret);
    copy.edit(
        s ->
            new SecretBuilder(s)
                .editMetadata()
                .addToFinalizers("backup.example.com/hold")
                .endMetadata()
                .build());
    try {
      scenario.source(
          "kubernetes.io/dockerconfigjson",
          ProvisioningScenario.dockerConfig("ci-pull", "rotated-token"),
          null);

      Secret rotated = scenario.awaitCopyInSync(namespace);
      assertThat(rotated.getMetadata().getFinalizers()).containsExactly("backup.example.com/hold");
    } finally {
      copy.edit(
          s -> new SecretBuilder(s).editMetadata().withFinalizers(List.of()).endMetadata().build());
    }
  }

  @Test
  void a_copy_made_immutable_by_hand_still_follows_a_rotation(ProvisioningScenario scenario) {
    scenario.validSource();
    TestNamespace namespace = scenario.selected("catalog-dev");
    scenario.startLeader();
    scenario.awaitCopyInSync(namespace);
    scenario
        .admin
        .secrets()
        .inNamespace(namespace.name())
        .withName(scenario.secret)
        .edit(s -> new SecretBuilder(s).withImmutable(true).build());

    scenario.source(
        "kubernetes.io/dockerconfigjson",
        ProvisioningScenario.dockerConfig("ci-pull", "rotated-token"),
        null);

    scenario.awaitCopyInSync(namespace);
  }

  @Test
  void a_copy_replaced_by_an_opaque_secret_with_our_marker_is_made_again(
      ProvisioningScenario scenario) {
    scenario.validSource();
    TestNamespace namespace = scenario.selected("return-dev");
    Secret source = scenario.sourceSecret();
    // What kubectl replace --force of an edited copy leaves: our whole marker on another type.
    scenario.createLabelledAsOurs(
        namespace,
        Map.of(
            "pullsecret.tanhdev.com/source",
            scenario.sources.name() + "/" + scenario.secret,
            "pullsecret.tanhdev.com/source-hash",
            CopyContent.hashOf(source.getType(), source.getData())),
        "Opaque",
        Map.of("note", "not a pull secret"));

    scenario.startLeader();

    Secret copy = scenario.awaitCopyInSync(namespace);
    assertThat(copy.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
  }

  @Test
  void a_source_created_after_start_is_picked_up(ProvisioningScenario scenario) {
    TestNamespace namespace = scenario.selected("review-dev");
    scenario.startLeader();
    await().atMost(PATIENCE).until(() -> !scenario.sourceEvents().isEmpty());
    assertThat(scenario.copyIn(namespace)).isNull();

    scenario.validSource();

    scenario.awaitCopyInSync(namespace);
  }
}
