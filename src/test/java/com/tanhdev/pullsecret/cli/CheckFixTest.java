package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.check.TestManifests.documents;
import static com.tanhdev.pullsecret.check.TestManifests.fixture;
import static com.tanhdev.pullsecret.cli.CheckRun.MIGRATE_FINDING;
import static com.tanhdev.pullsecret.cli.CheckRun.WORKER_FINDING;
import static com.tanhdev.pullsecret.cli.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.cli.CheckRun.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code check --fix}: manifests out with the missing secrets added by the webhook's patch logic.
 */
class CheckFixTest {

  @TempDir Path dir;

  @Test
  void fixed_output_passes_a_second_check_and_keeps_the_users_entries_first() {
    Result fixed = run(fixture("payment-dev.yaml"), "--fix", "-");

    assertThat(fixed.exitCode()).isZero();
    assertThat(fixed.err().lines())
        .containsExactly(
            "fixed: " + WORKER_FINDING,
            "fixed: " + MIGRATE_FINDING,
            "fixed 2 findings in 4 workloads across 1 file");
    Result recheck = run(fixed.out(), "-");
    assertThat(recheck.exitCode()).isZero();
    assertThat(recheck.out()).isEqualTo("no findings in 4 workloads across 1 file\n");

    List<JsonNode> documents = documents(fixed.out());
    assertThat(
            documents.get(3).at("/spec/template/spec/imagePullSecrets").findValuesAsString("name"))
        .containsExactly("dockerhub-mirror", "payment-legacy-registry", "registry-api-tanhdev");
    assertThat(
            documents.get(5).at("/spec/template/spec/imagePullSecrets").findValuesAsString("name"))
        .containsExactly("registry-api-tanhdev");
  }

  @Test
  void fix_passes_every_document_it_does_not_fix_through_unchanged() {
    String input = fixture("payment-dev.yaml");

    List<JsonNode> before = documents(input);
    List<JsonNode> after = documents(run(input, "--fix", "-").out());

    assertThat(after).hasSameSizeAs(before);
    for (int i : List.of(0, 1, 2, 4, 6)) {
      assertThat(after.get(i)).as("document %d", i).isEqualTo(before.get(i));
    }
  }

  @Test
  void fix_keeps_a_plain_octal_file_mode_the_number_kubectl_reads() {
    Result fixed = run(fixture("payment-dev.yaml"), "--fix", "-");

    // 0440 and 0755 as kubectl reads them (YAML 1.1 octal); a quoted "0440" would be rejected.
    assertThat(fixed.out()).contains("defaultMode: 288", "defaultMode: 493");
    assertThat(fixed.out()).contains("value: \"5\"", "schedule: \"30 2 * * *\"");
  }
}
