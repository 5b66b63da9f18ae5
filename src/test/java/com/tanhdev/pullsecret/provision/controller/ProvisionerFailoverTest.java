package com.tanhdev.pullsecret.provision.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas, as the chart runs them: one leads and writes, the other stands by ready, and takes
 * over when the leader goes away. Takeover times are printed for the benchmarks, not asserted.
 */
@ExtendWith({ControlPlaneExtension.class, ProvisioningExtension.class})
class ProvisionerFailoverTest {

  /** A crashed leader's Lease runs out after 15 s; a candidate retries every 2 s. */
  private static final Duration CRASH_PATIENCE = Duration.ofSeconds(45);

  private ControlPlane plane;
  private ProvisioningScenario scenario;
  private KubernetesClient firstClient;
  private KubernetesClient secondClient;

  @BeforeEach
  void start(ControlPlane controlPlane, ProvisioningScenario provisioning) {
    plane = controlPlane;
    scenario = provisioning;
    scenario.validSource();
    firstClient = newClient();
    secondClient = newClient();
  }

  @AfterEach
  void stop() {
    scenario.close(); // its provisioners release their Lease through these clients
    firstClient.close();
    secondClient.close();
  }

  private KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(plane.client().getConfiguration()).build();
  }

  private static int status(ProvisionerProcess process, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + process.healthPort() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  private static String scrape(ProvisionerProcess process) {
    return process.metrics().scrape();
  }

  @Test
  void the_standby_is_ready_but_writes_nothing_until_it_leads() throws Exception {
    ProvisionerProcess leader = scenario.startProvisioner(firstClient, "provisioner-a");
    await().atMost(ProvisioningScenario.PATIENCE).until(leader::isLeader);
    ProvisionerProcess standby = scenario.startProvisioner(secondClient, "provisioner-b");
    await().atMost(ProvisioningScenario.PATIENCE).until(standby::isReady);

    assertThat(status(standby, "/readyz")).isEqualTo(200);
    assertThat(status(standby, "/healthz")).isEqualTo(200);
    assertThat(standby.isLeader()).isFalse();
    assertThat(scrape(standby)).contains("pullsecret_provisioning_is_leader 0.0");
    assertThat(scrape(leader)).contains("pullsecret_provisioning_is_leader 1.0");
    TestNamespace namespace = scenario.selected("gateway-dev");
    scenario.awaitCopyInSync(namespace);
    assertThat(scrape(standby))
        .doesNotContain(
            "pullsecret_provisioning_copies{secret=\""
                + scenario.secret
                + "\",state=\"in_sync\"} 1.0");
  }

  @Test
  void a_crashed_leader_is_replaced_once_its_lease_runs_out() {
    ProvisionerProcess leader = scenario.startProvisioner(firstClient, "provisioner-a");
    await().atMost(ProvisioningScenario.PATIENCE).until(leader::isLeader);
    ProvisionerProcess standby = scenario.startProvisioner(secondClient, "provisioner-b");
    await().atMost(ProvisioningScenario.PATIENCE).until(standby::isReady);
    scenario.awaitCopyInSync(scenario.selected("warehouse-dev"));

    // A crash: the connection goes first, so the Lease is not released and must run out.
    firstClient.close();
    leader.close();
    long crashed = System.nanoTime();
    TestNamespace created = scenario.selected("warehouse-production");
    await().atMost(CRASH_PATIENCE).until(() -> scenario.copyIn(created) != null);

    System.out.println(
        "failover after a crash: " + (System.nanoTime() - crashed) / 1_000_000 + " ms");
    assertThat(standby.isLeader()).isTrue();
  }

  @Test
  void a_leader_that_shuts_down_hands_over_at_once() {
    ProvisionerProcess leader = scenario.startProvisioner(firstClient, "provisioner-a");
    await().atMost(ProvisioningScenario.PATIENCE).until(leader::isLeader);
    ProvisionerProcess standby = scenario.startProvisioner(secondClient, "provisioner-b");
    await().atMost(ProvisioningScenario.PATIENCE).until(standby::isReady);

    leader.close();
    long stopped = System.nanoTime();
    TestNamespace created = scenario.selected("fulfillment-dev");
    await().atMost(CRASH_PATIENCE).until(() -> scenario.copyIn(created) != null);

    System.out.println(
        "failover after a shutdown: " + (System.nanoTime() - stopped) / 1_000_000 + " ms");
  }
}
