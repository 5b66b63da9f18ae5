package com.tanhdev.pullsecret.provision.controller;

import static com.tanhdev.pullsecret.provision.controller.ProvisioningScenario.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.chart.ProvisionerAccount;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.testing.CapturedLogs;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provisioner under exactly the RBAC the chart renders for it, authenticated with a token for
 * its ServiceAccount: every watch it opens must carry the field selector that RBAC by resource name
 * requires, and its Lease, Events and writes must fit the verbs granted.
 */
@ExtendWith({ControlPlaneExtension.class, ProvisioningExtension.class})
class ProvisionerRbacTest {

  @Test
  void the_whole_life_of_a_copy_works_with_the_rbac_the_chart_renders(
      ControlPlane plane, ProvisioningScenario scenario) {
    try (CapturedLogs logs = new CapturedLogs("com.tanhdev.pullsecret");
        CapturedLogs clientLogs = new CapturedLogs("io.fabric8.kubernetes.client")) {
      ProvisionerAccount account =
          ProvisionerAccount.install(
              plane.client(),
              scenario.release.name(),
              """
              rules:
                - registry: registry-api.tanhdev.com
                  secret: %s
                  source: %s/%s
              """
                  .formatted(scenario.secret, scenario.sources.name(), scenario.secret));
      scenario.writeConfig("  leaseName: " + account.leaseName());
      KubernetesClient restricted = account.newClient();
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
      scenario.awaitSourceEvent("CopyConflict");
      scenario.deselect(leaving);
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
                        .withName(account.leaseName())
                        .get()
                        .getSpec();
                return spec.getRenewTime().isAfter(spec.getAcquireTime().plusSeconds(10));
              });
      assertThat(process.isLeader()).isTrue();
      assertThat(logs.jsonLines()).noneMatch(line -> line.contains("orbidden"));
      assertThat(clientLogs.jsonLines()).noneMatch(line -> line.contains("orbidden"));
      assertThat(logs.errors()).isEmpty();
      scenario.close(); // stops the provisioner, which releases its Lease, before its client goes
      restricted.close();
    }
  }
}
