package com.tanhdev.pullsecret.provision.controller;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.provision.cluster.CacheStartFailure;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provisioner that cannot fill its caches at start stops with the reason, instead of standing for
 * the Lease with informers that have given up.
 */
@ExtendWith(ControlPlaneExtension.class)
class ProvisionerStartTest {

  @Test
  void an_api_server_that_cannot_be_reached_stops_the_start_with_its_address(
      ControlPlane plane, @TempDir Path dir) throws Exception {
    String closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = "https://127.0.0.1:" + socket.getLocalPort();
    }
    try (ProvisioningScenario scenario = ProvisioningScenario.create(plane.client(), dir, "");
        KubernetesClient unreachable =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(plane.client().getConfiguration())
                        .withMasterUrl(closedPort)
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build()) {

      assertThatThrownBy(() -> scenario.startProvisioner(unreachable, "provisioner-0"))
          .isInstanceOf(CacheStartFailure.class)
          .hasMessageStartingWith("could not list ")
          .hasMessageContaining("from the API server at " + closedPort);
    }
  }

  @Test
  void a_service_account_without_the_charts_rbac_stops_the_start_with_the_refusal(
      ControlPlane plane, @TempDir Path dir) {
    try (ProvisioningScenario scenario = ProvisioningScenario.create(plane.client(), dir, "");
        KubernetesClient unauthorised =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(plane.client().getConfiguration())
                        .withImpersonateUsername("system:serviceaccount:default:no-rbac")
                        .build())
                .build()) {

      assertThatThrownBy(() -> scenario.startProvisioner(unauthorised, "provisioner-0"))
          .isInstanceOf(CacheStartFailure.class)
          .hasMessageContaining("HTTP 403")
          .hasMessageContaining("cannot list resource")
          .hasMessageContaining("provisioner.enabled=true");
    }
  }
}
