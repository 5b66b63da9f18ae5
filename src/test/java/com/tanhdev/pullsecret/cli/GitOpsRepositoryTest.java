package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.cli.CheckRun.run;
import static com.tanhdev.pullsecret.cli.CheckRun.strip;
import static com.tanhdev.pullsecret.cli.ExternalCommand.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.cli.CheckRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's repository (24 services, two overlays each) through a real {@code kustomize
 * build}: the CI check on the built streams, and the migration with {@code strip --in-place}.
 */
class GitOpsRepositoryTest {

  @TempDir Path repo;

  private List<String> overlays;

  @BeforeEach
  void writeRepository() {
    overlays = ServiceRepository.write(repo);
  }

  @Test
  void every_built_overlay_passes_check_while_every_workload_lists_the_secret_by_hand() {
    int workloads = 0;
    for (String overlay : overlays) {
      Result checked = run(build(overlay), "-");

      assertThat(checked.exitCode()).as(overlay + ": " + checked.out()).isZero();
      workloads +=
          Integer.parseInt(checked.out().replaceAll("^no findings in (\\d+) .*\\n$", "$1"));
    }
    assertThat(overlays).hasSize(48);
    assertThat(workloads).isEqualTo(100);
  }

  @Test
  void a_workload_without_the_secret_fails_check_on_the_built_stream_at_its_pod_spec()
      throws IOException {
    Path worker = repo.resolve("apps/search/base/worker-deployment.yaml");
    Files.writeString(
        worker,
        Files.readString(worker)
            .replace(
                "      imagePullSecrets:\n"
                    + "      - name: registry-api-tanhdev # created by hand in every namespace\n",
                ""));

    Result checked = run(build("apps/search/overlays/dev"), "-");

    assertThat(checked.exitCode()).isEqualTo(1);
    assertThat(checked.outLines().get(0))
        .matches(
            "-:\\d+: Deployment search-dev/search-worker container worker pulls"
                + " registry-api.tanhdev.com/search/worker:1.1.0-rc.1 but imagePullSecrets lacks"
                + " registry-api-tanhdev");
    assertThat(checked.outLines().get(1)).isEqualTo("1 finding in 3 workloads across 1 file");
  }

  @Test
  void strip_in_place_is_a_diff_of_deletions_only_and_fix_on_the_build_gives_the_old_build_back() {
    succeed(repo, "git", "init", "-q");
    succeed(repo, "git", "add", ".");
    succeed(
        repo, "git", "-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-qm", "x");
    Map<String, String> builtBefore = new LinkedHashMap<>();
    overlays.forEach(overlay -> builtBefore.put(overlay, build(overlay)));

    Result stripped = strip("", "--in-place", repo.resolve("apps").toString());

    assertThat(stripped.exitCode()).as(stripped.err()).isZero();
    assertThat(stripped.err()).endsWith("stripped 50 workloads in 50 files of 122 files\n");
    List<String> numstat = succeed(repo, "git", "diff", "--numstat").lines().toList();
    assertThat(numstat).hasSize(50).allMatch(line -> line.matches("0\t2\tapps/.*"));
    assertThat(strip("", repo.resolve("apps").toString()).out())
        .as("nothing left to strip")
        .isEmpty();
    // What the webhook adds back, as check --fix previews it, is exactly what was written by hand.
    for (String overlay : overlays) {
      String built = build(overlay);
      assertThat(built).doesNotContain("imagePullSecrets");
      assertThat(run(built, "--fix", "-").out()).as(overlay).isEqualTo(builtBefore.get(overlay));
    }
  }

  private String build(String overlay) {
    return succeed(repo, ExternalCommand.kustomize(), "build", overlay);
  }
}
