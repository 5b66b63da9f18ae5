package com.tanhdev.pullsecret.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roll-out drill in short (two rolling restarts; {@code make load} runs twenty): a real
 * kube-apiserver calls two webhook replicas through the chart's Service and an EndpointSlice, with
 * {@code failurePolicy: Fail}, while pods and deployments are created at 50 per second. Restarts,
 * certificate changes and an API server restart fail no admission; a replica killed outright fails
 * only what it held and what was sent to it before its endpoint was withdrawn.
 */
class RolloutIT {

  private static final Duration DRILL_TIMEOUT = Duration.ofMinutes(20);

  /**
   * A killed replica fails the calls in flight on it and the calls that dialled its address before
   * the kubelet noticed the death (a relist each second) and its endpoint turned not ready; after
   * that, none. The target is recovery within 2 s.
   */
  private static final double RECOVERY_MILLIS = 2_000;

  @TempDir Path dir;

  @Test
  void no_admission_fails_through_restarts_certificate_changes_and_an_api_server_restart()
      throws Exception {
    Path report = dir.resolve("report.json");
    Path log = dir.resolve("drill.log");
    int exit =
        IsolatedNetwork.run(
            RolloutDrill.class,
            List.of("--restarts", "2", "--rate", "50", "--report", report.toString()),
            ProcessBuilder.Redirect.to(log.toFile()),
            DRILL_TIMEOUT);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(exit).as(output).isZero();
    DrillReport drill = DrillReport.read(report);
    System.out.println(drill.table());

    assertThat(drill.storedWithoutSecret()).isEmpty();
    assertThat(drill.scenarios()).hasSize(6).allSatisfy(s -> assertThat(s.calls()).isPositive());
    for (ScenarioResult scenario : drill.scenarios()) {
      if (scenario.name().startsWith("SIGKILL")) {
        assertThat(scenario.storedWithoutSecret()).isZero();
        assertThat(scenario.extra().get("lastFailureMillisAfterKill"))
            .as("failures end within the recovery target: %s", scenario)
            .isLessThan(RECOVERY_MILLIS);
      } else {
        assertThat(scenario.failedAdmissions()).as(scenario.toString()).isZero();
      }
    }
    ScenarioResult restarts = drill.scenarios().get(1);
    assertThat(restarts.extra().get("killedAtGraceEnd"))
        .as("every replica exited by itself within its grace period")
        .isZero();
  }
}
