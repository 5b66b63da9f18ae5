package com.tanhdev.pullsecret.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
  void with_certificate_files_no_admission_fails_through_restarts_renewals_and_rotations()
      throws Exception {
    DrillReport drill = drill("--restarts", "2", "--certificates", "files");

    assertThat(drill.storedWithoutSecret()).isEmpty();
    assertThat(drill.scenarios())
        .extracting(ScenarioResult::name)
        .containsExactly(
            "steady",
            "2 rolling restarts of both replicas",
            "SIGKILL of one of two replicas",
            "serving certificate renewed on one replica",
            "CA rotated across both replicas",
            "API server restarted");
    for (ScenarioResult scenario : drill.scenarios()) {
      assertThat(scenario.calls()).as(scenario.name()).isPositive();
      assertThat(scenario.storedWithoutSecret()).as(scenario.toString()).isZero();
      if (scenario.name().startsWith("SIGKILL")) {
        assertThat(scenario.extra().get("lastFailureMillisAfterBreak"))
            .as("failures end within the recovery target: %s", scenario)
            .isLessThan(RECOVERY_MILLIS);
      } else {
        assertThat(scenario.failedAdmissions()).as(scenario.toString()).isZero();
      }
    }
    assertThat(drill.scenarios().get(1).extra().get("killedAtGraceEnd"))
        .as("every replica exited by itself within its grace period")
        .isZero();
  }

  @Test
  void with_self_managed_certificates_no_admission_fails_through_a_restart_and_a_ca_rotation()
      throws Exception {
    DrillReport drill = drill("--restarts", "1", "--certificates", "selfManaged");

    assertThat(drill.storedWithoutSecret()).isEmpty();
    assertThat(drill.scenarios())
        .extracting(ScenarioResult::name)
        .containsExactly(
            "steady",
            "1 rolling restarts of both replicas",
            "self-managed CA rotated across both replicas");
    assertThat(drill.scenarios())
        .allSatisfy(
            scenario -> {
              assertThat(scenario.calls()).isPositive();
              assertThat(scenario.failedAdmissions()).as(scenario.toString()).isZero();
            });
  }

  private DrillReport drill(String... arguments) throws Exception {
    Path report = dir.resolve("report.json");
    Path log = dir.resolve("drill.log");
    List<String> options = new ArrayList<>(List.of(arguments));
    options.addAll(List.of("--rate", "50", "--report", report.toString()));
    int exit =
        IsolatedNetwork.run(
            RolloutDrill.class, options, ProcessBuilder.Redirect.to(log.toFile()), DRILL_TIMEOUT);
    assertThat(exit).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    DrillReport drill = DrillReport.read(report);
    System.out.println(drill.table());
    return drill;
  }
}
