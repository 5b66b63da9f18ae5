package com.tanhdev.pullsecret.provision.controller;

import static com.tanhdev.pullsecret.provision.controller.ProvisioningScenario.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.testing.CapturedLogs;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioner under exactly the contract's least-privilege RBAC: every watch it opens must
 * carry the field selector that RBAC by resource name requires, and its Lease, Events and writes
 * must fit the verbs granted.
 */
@ExtendWith(ControlPlaneExtension.class)
class ProvisionerRbacTest {

  @Test
  void the_whole_life_of_a_copy_works_with_the_contracts_rbac(
      ControlPlane plane, @TempDir Path dir) {
    try (ProvisioningScenario scenario = ProvisioningScenario.create(plane.client(), dir, "");
        CapturedLogs logs = new CapturedLogs("com.tanhdev.pullsecret");
        CapturedLogs clientLogs = new CapturedLogs("io.fabric8.kubernetes.client");
        KubernetesClient restricted =
            new KubernetesClientBuilder()
                .withConfig(
                    ContractRbac.install(
                        plane.client(), scenario, "pullsecret-webhook-provisioner"))
                .build()) {
      scenario.validSource();
      TestNamespace leaving = scenario.selected("notification-dev");
      TestNamespace conflicted = scenario.selected("notification-production");
      conflicted.withPullSecret(scenario.secret);
      ProvisionerProcess process = scenario.startProvisioner(restricted, "provisioner-0");
      await().atMost(PATIENCE).until(process::isLeader);
      await().atMost(PATIENCE).until(process::isReady);

      scenario.awaitCopyInSync(leaving);
      scenario.source(
          "kubernetes.io/dockerconfigjson",
          ProvisioningScenario.dockerConfig("ci-pull", "rotated"),
          null);
      scenario.awaitCopyInSync(leaving);
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  scenario.sourceEvents().stream()
                      .anyMatch(e -> "CopyConflict".equals(e.getReason())));
      scenario
          .admin
          .namespaces()
          .withName(leaving.name())
          .edit(
              ns -> {
                ns.getMetadata().setLabels(Map.of());
                return ns;
              });
      await().atMost(PATIENCE).until(() -> scenario.copyIn(leaving) == null);

      // The Lease was renewed (leaseDuration is 15 s) under the granted verbs.
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                var spec =
                    plane
                        .client()
                        .leases()
                        .inNamespace(scenario.release.name())
                        .withName("pullsecret-webhook-provisioner")
                        .get()
                        .getSpec();
                return spec.getRenewTime().isAfter(spec.getAcquireTime().plusSeconds(10));
              });
      assertThat(process.isLeader()).isTrue();
      assertThat(logs.jsonLines()).noneMatch(line -> line.contains("orbidden"));
      assertThat(clientLogs.jsonLines()).noneMatch(line -> line.contains("orbidden"));
      assertThat(logs.errors()).isEmpty();
    }
  }
}
