package com.tanhdev.pullsecret.provision.controller;

import static com.tanhdev.pullsecret.provision.controller.ProvisioningScenario.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.testing.CapturedLogs;
import io.fabric8.kubernetes.api.model.Event;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator sees: log lines, Events, metrics, and a config change taking effect. */
@ExtendWith(ProvisioningExtension.class)
class ProvisioningOperabilityTest {

  private static final String PASSWORD = "s3cr3t-registry-token";

  @Test
  void no_secret_data_reaches_the_logs_the_events_or_the_metrics(ProvisioningScenario scenario) {
    String config = ProvisioningScenario.dockerConfig("ci-pull", PASSWORD);
    List<String> forbidden =
        List.of(
            PASSWORD,
            Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8)),
            Base64.getEncoder()
                .encodeToString(("ci-pull:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    try (CapturedLogs logs = new CapturedLogs("com.tanhdev.pullsecret")) {
      scenario.source("kubernetes.io/dockerconfigjson", config, null);
      TestNamespace copied = scenario.selected("analytics-dev");
      TestNamespace conflicted = scenario.selected("analytics-production");
      conflicted.withSecret(scenario.secret, "kubernetes.io/dockerconfigjson", config);
      ProvisionerProcess process = scenario.startLeader();
      scenario.awaitCopyInSync(copied);
      await().atMost(PATIENCE).until(() -> !scenario.sourceEvents().isEmpty());
      // A Secret's type cannot change: the Opaque source is a new one.
      scenario.deleteSource();
      await().atMost(PATIENCE).until(() -> scenario.sourceSecret() == null);
      scenario.source("Opaque", config, null);
      scenario.awaitSourceEvent("SourceInvalid");

      List<String> lines = logs.jsonLines();
      assertThat(lines).anyMatch(line -> line.contains("copy created"));
      assertThat(lines).anyMatch(line -> line.contains("copy not made: conflict"));
      assertThat(lines).anyMatch(line -> line.contains("source cannot be copied"));
      List<String> events = scenario.sourceEvents().stream().map(Event::getMessage).toList();
      String metrics = process.metrics().scrape();
      for (String secret : forbidden) {
        assertThat(lines).noneMatch(line -> line.contains(secret));
        assertThat(events).noneMatch(message -> message.contains(secret));
        assertThat(metrics).doesNotContain(secret);
      }
    }
  }

  @Test
  void the_source_gets_one_event_per_change_of_the_fan_out_not_one_per_namespace(
      ProvisioningScenario scenario) {
    scenario.validSource();
    for (int i = 0; i < 12; i++) {
      scenario.selected("svc" + i + "-dev");
    }
    scenario.startLeader();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                scenario.sourceEvents().stream()
                    .anyMatch(e -> e.getMessage().startsWith("Copies in sync in 12 of 12")));

    scenario.source(
        "kubernetes.io/dockerconfigjson",
        ProvisioningScenario.dockerConfig("ci-pull", "rotated"),
        null);
    TestNamespace last = scenario.selected("svc-last-dev");
    scenario.awaitCopyInSync(last);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                scenario.sourceEvents().stream()
                    .anyMatch(e -> e.getMessage().startsWith("Copies in sync in 13 of 13")));

    assertThat(scenario.sourceEvents()).hasSizeLessThanOrEqualTo(4);
  }

  @Test
  void a_source_updated_fifty_times_in_a_row_ends_in_its_last_version_without_an_event_flood(
      ProvisioningScenario scenario) {
    scenario.validSource();
    List<TestNamespace> namespaces =
        List.of(scenario.selected("flap-a-dev"), scenario.selected("flap-b-dev"));
    scenario.startLeader();
    namespaces.forEach(scenario::awaitCopyInSync);
    int eventsBefore = scenario.sourceEvents().size();

    for (int i = 0; i < 50; i++) {
      scenario.source(
          "kubernetes.io/dockerconfigjson",
          ProvisioningScenario.dockerConfig("ci-pull", "flap-" + i),
          null);
    }

    String last =
        Base64.getEncoder()
            .encodeToString(
                ProvisioningScenario.dockerConfig("ci-pull", "flap-49")
                    .getBytes(StandardCharsets.UTF_8));
    for (TestNamespace namespace : namespaces) {
      await()
          .atMost(PATIENCE)
          .until(() -> last.equals(scenario.copyIn(namespace).getData().get(".dockerconfigjson")));
    }
    assertThat(scenario.sourceEvents().size() - eventsBefore).isLessThanOrEqualTo(2);
  }

  @Test
  void the_metrics_count_copies_by_state(ProvisioningScenario scenario) {
    scenario.validSource();
    scenario.selected("frontend-dev");
    scenario.selected("frontend-production");
    ProvisionerProcess process = scenario.startLeader();

    String prefix = "pullsecret_provisioning_copies{secret=\"" + scenario.secret + "\",state=";
    await()
        .atMost(PATIENCE)
        .until(() -> process.metrics().scrape().contains(prefix + "\"in_sync\"} 2.0"));
    String metrics = process.metrics().scrape();
    assertThat(metrics)
        .contains(prefix + "\"desired\"} 2.0")
        .contains(prefix + "\"conflicted\"} 0.0")
        .contains(prefix + "\"failed\"} 0.0")
        .contains("pullsecret_provisioning_source_valid{secret=\"" + scenario.secret + "\"} 1.0")
        .contains("pullsecret_provisioning_last_sync_timestamp_seconds{secret=")
        .contains("pullsecret_provisioning_is_leader 1.0");
  }

  @Test
  void a_config_change_takes_effect_without_a_restart(ProvisioningScenario scenario) {
    scenario.validSource();
    TestNamespace handMade = scenario.selected("checkout-dev");
    handMade.withSecret(
        scenario.secret, "kubernetes.io/dockerconfigjson", TestNamespace.DOCKER_CONFIG);
    scenario.startLeader();
    scenario.awaitSourceEvent("CopyConflict");

    scenario.writeConfig("  adoptExisting: true");

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                "pullsecret-webhook"
                    .equals(
                        scenario
                            .copyIn(handMade)
                            .getMetadata()
                            .getLabels()
                            .get("app.kubernetes.io/managed-by")));
  }
}
