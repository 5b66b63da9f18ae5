package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.check.TestManifests.deployment;
import static com.tanhdev.pullsecret.check.TestManifests.fixture;
import static com.tanhdev.pullsecret.cli.CheckRun.run;
import static com.tanhdev.pullsecret.cli.CheckRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.cli.CheckRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} inputs: directories, unreadable files, config files, overrides and options. */
class CheckInputTest {

  @TempDir Path dir;

  @Test
  void a_directory_is_walked_for_yaml_yml_and_json_files() throws IOException {
    String image = "registry-api.tanhdev.com/auth/api:1.4.2";
    write(dir, "apps/auth/base/deployment.yaml", deployment("auth-dev", "auth-api", image, ""));
    write(dir, "apps/auth/base/kustomization.yaml", "resources:\n- deployment.yaml\n");
    write(
        dir,
        "apps/order/base/job.yml",
        deployment("order-dev", "order-api", "registry-api.tanhdev.com/order/api:3.8.1", "")
            .replace("apps/v1", "batch/v1")
            .replace("Deployment", "Job"));
    write(
        dir,
        "apps/payment/base/pod.json",
        """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "payment-debug", "namespace": "payment-dev"},
         "spec": {"containers": [{"name": "shell",
                                  "image": "registry-api.tanhdev.com/payment/debug:1"}],
                  "imagePullSecrets": [{"name": "registry-api-tanhdev"}]}}
        """);
    write(dir, "apps/README.md", "not: [yaml");
    write(dir, "apps/auth/base/notes.txt", "not: [yaml");

    Result result = run("", dir.resolve("apps").toString());

    String apps = dir.resolve("apps").toString();
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.outLines())
        .containsExactly(
            apps
                + "/auth/base/deployment.yaml:9: Deployment auth-dev/auth-api container app pulls "
                + image
                + " but imagePullSecrets lacks registry-api-tanhdev",
            apps
                + "/order/base/job.yml:9: Job order-dev/order-api container app pulls"
                + " registry-api.tanhdev.com/order/api:3.8.1 but imagePullSecrets lacks"
                + " registry-api-tanhdev",
            "2 findings in 3 workloads across 4 files");
  }

  @Test
  void a_missing_file_is_unreadable_input() {
    Result result = run("", "-", "apps/auth/overlays/dev/missing.yaml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo("check: apps/auth/overlays/dev/missing.yaml: no such file or directory\n");
  }

  @Test
  void a_yaml_syntax_error_is_unreadable_input_naming_the_file_and_line() throws IOException {
    String valid = fixture("order-prod.yaml");
    int brokenLine = (int) valid.lines().count() + 6;
    Path broken =
        write(
            dir,
            "broken.yaml",
            valid
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: order-flags\n"
                + " namespace: order-prod\n");

    Result result = run("", "--fix", broken.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).as("nothing half-fixed is printed").isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "check: "
                + broken
                + ": line "
                + brokenLine
                + ", column 2: not valid YAML: expected"
                + " <block end>, but found '<block mapping start>' (while parsing a block mapping"
                + " at line "
                + (brokenLine - 4)
                + ", column 1)\n");
  }

  @Test
  void every_rule_of_a_config_file_is_applied() throws IOException {
    Path config = write(dir, "pullsecret.yaml", CheckRun.TWO_RULES);
    String both =
        deployment(
                "order-dev",
                "order-api",
                "registry-api.tanhdev.com/order/api:3.8.1",
                "imagePullSecrets:\n- name: registry-api-tanhdev")
            .replace(
                "        image: registry-api.tanhdev.com/order/api:3.8.1\n",
                "        image: registry-api.tanhdev.com/order/api:3.8.1\n"
                    + "      - name: cache\n"
                    + "        image: harbor.tanhdev.internal:8443/platform/cache:2\n");

    Result result = run(both, "--config", config.toString(), "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.outLines())
        .containsExactly(
            "-:9: Deployment order-dev/order-api container cache pulls"
                + " harbor.tanhdev.internal:8443/platform/cache:2 but imagePullSecrets lacks"
                + " harbor-robot",
            "1 finding in 1 workload across 1 file");
  }

  @Test
  void environment_overrides_apply_to_the_embedded_rules_as_they_do_for_serve() {
    Result result =
        run(
            Map.of("PULLSECRET_RULES", "harbor.tanhdev.internal:8443=harbor-robot"),
            deployment("order-dev", "order-api", "harbor.tanhdev.internal:8443/order/api:3", ""),
            "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("but imagePullSecrets lacks harbor-robot");
  }

  @Test
  void an_invalid_config_file_is_refused() throws IOException {
    Path config = write(dir, "pullsecret.yaml", "rules: []\n");

    Result result = run(fixture("order-prod.yaml"), "--config", config.toString(), "-");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("check: invalid configuration in " + config);
  }

  @Test
  void help_prints_the_usage_and_succeeds() {
    Result result = run("", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: pullsecret-webhook check [--config FILE]");
  }

  @Test
  void bad_options_exit_two_with_the_usage() {
    Result unknown = run("", "--strict", "-");
    Result noPath = run("");
    Result badFormat = run("", "--output", "yaml", "-");

    assertThat(List.of(unknown.exitCode(), noPath.exitCode(), badFormat.exitCode()))
        .containsOnly(2);
    assertThat(unknown.err()).startsWith("check: unknown option: --strict\nUsage: ");
    assertThat(noPath.err()).startsWith("check: no PATH given (use - to read standard input)\n");
    assertThat(badFormat.err())
        .startsWith("check: --output must be text, json, github or sarif, got yaml\n");
  }
}
