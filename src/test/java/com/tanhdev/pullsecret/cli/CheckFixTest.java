package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.check.TestManifests.documents;
import static com.tanhdev.pullsecret.check.TestManifests.fixture;
import static com.tanhdev.pullsecret.cli.CheckRun.MIGRATE_FINDING;
import static com.tanhdev.pullsecret.cli.CheckRun.WORKER_FINDING;
import static com.tanhdev.pullsecret.cli.CheckRun.run;
import static com.tanhdev.pullsecret.cli.CheckRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.cli.CheckRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code check --fix} on standard input: the stream out with the missing secrets added. */
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
  void fix_prints_the_input_with_the_added_lines_alone() {
    String input = fixture("payment-dev.yaml");

    String fixed = run(input, "--fix", "-").out();

    // The octal file modes, quoted numbers and comments stay as written, unlike a re-serialised
    // document (where 0440 would have become 288).
    String addedToWorker =
        "      - name: payment-legacy-registry\n      - name: registry-api-tanhdev\n";
    String addedToJob =
        "      imagePullSecrets:\n      - name: registry-api-tanhdev\n      initContainers:";
    assertThat(fixed).contains(addedToWorker, addedToJob, "defaultMode: 0440");
    assertThat(
            fixed
                .replace(addedToWorker, "      - name: payment-legacy-registry\n")
                .replace(addedToJob, "      initContainers:"))
        .isEqualTo(input);
  }

  @Test
  void an_entry_that_cannot_be_added_in_place_is_an_error_and_the_others_are_still_added()
      throws IOException {
    String list =
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: user-api, namespace: user-dev}
          spec:
            template:
              spec:
                containers:
                - {name: api, image: registry-api.tanhdev.com/user/api:2.0.0}
                imagePullSecrets: &pull
                - name: user-legacy
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: user-worker, namespace: user-dev}
          spec:
            template:
              spec:
                containers:
                - {name: worker, image: registry-api.tanhdev.com/user/worker:2.0.0}
                imagePullSecrets: *pull
        """;
    Path file = write(dir, "user.yaml", list);

    Result fixed = run("", "--fix", "--in-place", file.toString());

    assertThat(fixed.exitCode()).isEqualTo(1);
    assertThat(fixed.err().lines())
        .contains(
            "error: "
                + file
                + ":20: Deployment user-dev/user-worker: cannot edit in place: imagePullSecrets is"
                + " an alias; add the secret to its anchor",
            "fixed 1 of 2 findings in 2 workloads across 1 file");
    assertThat(Files.readString(file))
        .isEqualTo(
            list.replace(
                "        - name: user-legacy\n",
                "        - name: user-legacy\n        - name: registry-api-tanhdev\n"));
  }
}
