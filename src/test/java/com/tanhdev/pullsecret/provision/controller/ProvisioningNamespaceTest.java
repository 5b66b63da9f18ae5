package com.tanhdev.pullsecret.provision.controller;

import static com.tanhdev.pullsecret.provision.controller.ProvisioningScenario.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.TestNamespace;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Namespaces that stop matching, terminate or go away, through the real API server. */
@ExtendWith(ProvisioningExtension.class)
class ProvisioningNamespaceTest {

  @Test
  void a_namespace_that_stops_matching_loses_our_copy_and_nothing_else(
      ProvisioningScenario scenario) {
    scenario.validSource();
    TestNamespace leaving = scenario.selected("search-dev");
    scenario.startLeader();
    scenario.awaitCopyInSync(leaving);
    scenario
        .admin
        .secrets()
        .inNamespace(leaving.name())
        .resource(
            new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata()
                .withName("database-password")
                .endMetadata()
                .withStringData(Map.of("password", "kept"))
                .build())
        .create();

    scenario.deselect(leaving);

    await().atMost(PATIENCE).until(() -> scenario.copyIn(leaving) == null);
    assertThat(
            scenario
                .admin
                .secrets()
                .inNamespace(leaving.name())
                .withName("database-password")
                .get())
        .isNotNull();
  }

  @Test
  void a_terminating_namespace_is_left_alone(ProvisioningScenario scenario) {
    scenario.source("Opaque", TestNamespace.DOCKER_CONFIG, null);
    TestNamespace terminating = scenario.selected("return-dev");
    ProvisionerProcess process = scenario.startLeader();
    await().atMost(PATIENCE).until(() -> !scenario.sourceEvents().isEmpty());
    // Without a namespace controller the namespace stays Terminating: nothing may be written in it.
    scenario.admin.namespaces().withName(terminating.name()).delete();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                scenario
                        .admin
                        .namespaces()
                        .withName(terminating.name())
                        .get()
                        .getMetadata()
                        .getDeletionTimestamp()
                    != null);
    scenario.deleteSource();
    await().atMost(PATIENCE).until(() -> scenario.sourceSecret() == null);

    scenario.validSource();
    TestNamespace marker = scenario.selected("marker");
    scenario.awaitCopyInSync(marker);

    assertThat(scenario.copyIn(terminating)).isNull();
    assertThat(process.metrics().scrape())
        .doesNotContain("pullsecret_provisioning_reconcile_errors_total{secret=");
  }
}
