package com.tanhdev.pullsecret.provision.controller;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A namespace deleted for good, which takes kube-controller-manager's namespace controller: the
 * provisioner neither blocks the deletion (no finalizers) nor keeps counting the namespace.
 */
class NamespaceDeletionTest {

  private static ControlPlane plane;

  @RegisterExtension
  static final BeforeAllCallback CONTROL_PLANE =
      context -> plane = ControlPlaneExtension.sharedWithControllerManager(context);

  @Test
  void a_deleted_namespace_goes_away_and_is_no_longer_counted(@TempDir Path dir) {
    try (ProvisioningScenario scenario = ProvisioningScenario.create(plane.client(), dir)) {
      scenario.validSource();
      TestNamespace deleted = scenario.selected("admin-dev");
      TestNamespace kept = scenario.selected("admin-production");
      ProvisionerProcess process = scenario.startLeader();
      scenario.awaitCopyInSync(deleted);
      scenario.awaitCopyInSync(kept);

      scenario.admin.namespaces().withName(deleted.name()).delete();

      await("namespace deleted")
          .atMost(Duration.ofSeconds(60))
          .until(() -> scenario.admin.namespaces().withName(deleted.name()).get() == null);
      String desired =
          "pullsecret_provisioning_copies{secret=\""
              + scenario.secret
              + "\",state=\"desired\"} 1.0";
      await()
          .atMost(ProvisioningScenario.PATIENCE)
          .until(() -> process.metrics().scrape().contains(desired));
    }
  }
}
