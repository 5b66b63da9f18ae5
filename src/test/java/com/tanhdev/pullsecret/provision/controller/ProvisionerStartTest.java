package com.tanhdev.pullsecret.provision.controller;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tanhdev.pullsecret.provision.cluster.CacheStartFailure;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A provisioner that cannot fill its caches at start stops with the reason, instead of standing for
 * the Lease with informers that have given up.
 */
@ExtendWith(ProvisioningExtension.class)
class ProvisionerStartTest {

  @Test
  void an_api_server_that_cannot_be_reached_stops_the_start_with_its_address(
      ProvisioningScenario scenario) throws Exception {
    String closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = "https://127.0.0.1:" + socket.getLocalPort();
    }
    try (KubernetesClient unreachable =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(scenario.admin.getConfiguration())
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
      ProvisioningScenario scenario) {
    try (KubernetesClient unauthorised =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(scenario.admin.getConfiguration())
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
