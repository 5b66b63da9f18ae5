package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.check.TestManifests.deployment;
import static com.tanhdev.pullsecret.cli.CheckRun.strip;
import static com.tanhdev.pullsecret.cli.CheckRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.cli.CheckRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strip}: the migration off hand-written entries, as a diff or in place. */
class StripCommandTest {

  private static final String IMAGE = "registry-api.tanhdev.com/auth/api:1.9.0";
  private static final String LISTED = "imagePullSecrets:\n- name: registry-api-tanhdev";

  @TempDir Path dir;

  @Test
  void without_in_place_a_unified_diff_is_printed_and_the_file_is_left_alone() throws IOException {
    String manifest = deployment("auth-dev", "auth-api", IMAGE, LISTED);
    Path file = write(dir, "apps/auth/base/deployment.yaml", manifest);

    Result result = strip("", file.toString());

    String path = file.toString().replaceFirst("^/+", "");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            --- a/%1$s
            +++ b/%1$s
            @@ -9,5 +9,3 @@
                   containers:
                   - name: app
                     image: registry-api.tanhdev.com/auth/api:1.9.0
            -      imagePullSecrets:
            -      - name: registry-api-tanhdev
            """
                .formatted(path));
    assertThat(Files.readString(file)).isEqualTo(manifest);
    assertThat(result.err())
        .isEqualTo(
            "stripped: %s:9: Deployment auth-dev/auth-api: removed registry-api-tanhdev\n"
                    .formatted(file)
                + "stripped 1 workload in 1 file of 1 file\n");
  }

  @Test
  void a_diff_of_standard_input_can_be_applied_by_patch() {
    Result result = strip(deployment("auth-dev", "auth-api", IMAGE, LISTED), "-");

    assertThat(result.out()).startsWith("--- a/-\n+++ b/-\n@@ -9,5 +9,3 @@\n");
  }

  @Test
  void only_the_secrets_of_rules_that_the_pod_specs_images_match_are_removed() throws IOException {
    Path config = write(dir, "pullsecret.yaml", CheckRun.TWO_RULES);
    String manifest =
        deployment(
            "order-dev",
            "order-api",
            "registry-api.tanhdev.com/order/api:3.8.1",
            "imagePullSecrets:\n- name: harbor-robot\n- name: registry-api-tanhdev\n- name: other");
    Path file = write(dir, "order.yaml", manifest);

    Result result = strip("", "--config", config.toString(), "--in-place", file.toString());

    assertThat(result.exitCode()).isZero();
    // harbor-robot stays: no image of this pod spec is on harbor, so the webhook adds nothing.
    assertThat(Files.readString(file))
        .isEqualTo(manifest.replace("      - name: registry-api-tanhdev\n", ""));
  }

  @Test
  void files_with_nothing_to_strip_are_not_written() throws IOException {
    Path clean = write(dir, "clean.yaml", deployment("auth-dev", "auth-api", IMAGE, ""));
    FileTime longAgo = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));
    Files.setLastModifiedTime(clean, longAgo);

    Result stripped = strip("", "--in-place", clean.toString());
    Result fixed = CheckRun.run("", "--fix", "--in-place", clean.toString());
    Files.setLastModifiedTime(clean, longAgo);
    Result fixedAgain = CheckRun.run("", "--fix", "--in-place", clean.toString());

    assertThat(stripped.out()).isEmpty();
    assertThat(stripped.err()).isEqualTo("stripped 0 workloads in 0 files of 1 file\n");
    assertThat(fixed.exitCode()).isZero();
    assertThat(fixedAgain.exitCode()).isZero();
    assertThat(Files.getLastModifiedTime(clean)).isEqualTo(longAgo);
  }

  @Test
  void in_place_on_standard_input_and_unknown_options_exit_two_with_the_usage() {
    Result stdin = strip("", "--in-place", "-");
    Result unknown = strip("", "--dry-run", "apps");

    assertThat(stdin.exitCode()).isEqualTo(2);
    assertThat(stdin.err())
        .startsWith("strip: --in-place writes files; standard input (-) has none\nUsage: ");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("strip: unknown option: --dry-run\n");
  }
}
