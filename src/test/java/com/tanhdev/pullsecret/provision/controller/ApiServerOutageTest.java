package com.tanhdev.pullsecret.provision.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.testing.CuttableProxy;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API server goes away in the middle of a fan-out (every connection dropped, new ones refused)
 * and comes back: the provisioner finishes the fan-out on its own, without a restart.
 */
@ExtendWith({ControlPlaneExtension.class, ProvisioningExtension.class})
class ApiServerOutageTest {

  @Test
  void a_fan_out_cut_off_halfway_completes_once_the_api_server_is_back(
      ControlPlane plane, ProvisioningScenario scenario) throws Exception {
    URI api = URI.create(plane.client().getMasterUrl().toString());
    try (CuttableProxy proxy =
            new CuttableProxy(new InetSocketAddress("127.0.0.1", api.getPort()));
        KubernetesClient viaProxy =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(plane.client().getConfiguration())
                        .withMasterUrl("https://127.0.0.1:" + proxy.port())
                        .build())
                .build()) {
      scenario.validSource();
      List<TestNamespace> namespaces = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        namespaces.add(scenario.selected("svc" + i + "-dev"));
      }
      ProvisionerProcess process = scenario.startProvisioner(viaProxy, "provisioner-0");
      await().atMost(ProvisioningScenario.PATIENCE).until(process::isLeader);
      namespaces.forEach(scenario::awaitCopyInSync);

      scenario.source(
          "kubernetes.io/dockerconfigjson",
          ProvisioningScenario.dockerConfig("ci-pull", "rotated-during-outage"),
          null);
      await()
          .atMost(ProvisioningScenario.PATIENCE)
          .pollInterval(Duration.ofMillis(5))
          .until(
              () ->
                  namespaces.stream()
                      .anyMatch(
                          ns ->
                              scenario
                                  .copyIn(ns)
                                  .getData()
                                  .equals(scenario.sourceSecret().getData())));
      proxy.cut();
      long cutAt = System.nanoTime();
      await("writes failing during the outage")
          .atMost(ProvisioningScenario.PATIENCE)
          .until(
              () ->
                  process
                      .metrics()
                      .scrape()
                      .contains("pullsecret_provisioning_reconcile_errors_total{secret="));
      assertThat(process.isReady()).as("caches keep their last state").isTrue();
      proxy.restore();
      long restoredAt = System.nanoTime();

      namespaces.forEach(scenario::awaitCopyInSync);
      System.out.println(
          "fan-out finished "
              + (System.nanoTime() - cutAt) / 1_000_000
              + " ms after the cut, "
              + (System.nanoTime() - restoredAt) / 1_000_000
              + " ms after the API server came back");
    }
  }
}
