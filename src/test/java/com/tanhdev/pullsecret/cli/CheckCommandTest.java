package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.check.TestManifests.deployment;
import static com.tanhdev.pullsecret.check.TestManifests.documents;
import static com.tanhdev.pullsecret.check.TestManifests.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code check} as a pipeline runs it: arguments, stdin and files in; exit code and output out. */
class CheckCommandTest {

  private static final String WORKER_FINDING =
      "-: Deployment payment-dev/payment-worker container worker pulls"
          + " registry-api.tanhdev.com/payment/worker:2.3.0 but imagePullSecrets lacks"
          + " registry-api-tanhdev";
  private static final String MIGRATE_FINDING =
      "-: Job payment-dev/payment-db-migrate container migrate pulls"
          + " registry-api.tanhdev.com/payment/migrate:2.3.0 but imagePullSecrets lacks"
          + " registry-api-tanhdev";

  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private static Result run(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new CheckCommand(env)
            .run(
                List.of(args),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Result run(String stdin, String... args) {
    return run(Map.of(), stdin, args);
  }

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void a_kustomize_build_stream_on_stdin_reports_exactly_the_two_workloads_missing_the_secret() {
    Result result = run(fixture("payment-dev.yaml"), "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.outLines())
        .containsExactly(
            WORKER_FINDING, MIGRATE_FINDING, "2 findings in 4 workloads across 1 file");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void a_stream_where_every_workload_lists_the_secret_is_clean() {
    Result result = run(fixture("order-prod.yaml"), "-");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("no findings in 4 workloads across 1 file\n");
  }

  @Test
  void json_output_is_an_array_of_findings_with_exactly_the_documented_fields() throws IOException {
    Path manifest = write("payment-dev.yaml", fixture("payment-dev.yaml"));

    Result result = run("", "--output", "json", manifest.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode findings = JsonMapper.builder().build().readTree(result.out());
    String expected =
        """
        [{"file": "%1$s", "kind": "Deployment", "namespace": "payment-dev",
          "name": "payment-worker", "container": "worker",
          "image": "registry-api.tanhdev.com/payment/worker:2.3.0",
          "secret": "registry-api-tanhdev"},
         {"file": "%1$s", "kind": "Job", "namespace": "payment-dev",
          "name": "payment-db-migrate", "container": "migrate",
          "image": "registry-api.tanhdev.com/payment/migrate:2.3.0",
          "secret": "registry-api-tanhdev"}]
        """
            .formatted(manifest);
    assertThat(findings).isEqualTo(JsonMapper.builder().build().readTree(expected));
    assertThat(findings.get(0).propertyNames())
        .containsExactly("file", "kind", "namespace", "name", "container", "image", "secret");
  }

  @Test
  void json_output_without_findings_is_an_empty_array_and_a_missing_namespace_is_empty() {
    Result clean = run(fixture("order-prod.yaml"), "--output=json", "-");
    Result noNamespace =
        run(
            deployment("x", "auth-api", "registry-api.tanhdev.com/auth/api:1.4.2", "")
                .replace("  namespace: x\n", ""),
            "--output=json",
            "-");

    JsonMapper json = JsonMapper.builder().build();
    assertThat(clean.exitCode()).isZero();
    assertThat(json.readTree(clean.out())).isEqualTo(json.createArrayNode());
    JsonNode finding = json.readTree(noNamespace.out()).get(0);
    assertThat(finding.get("namespace").stringValue()).isEmpty();
    assertThat(finding.get("name").stringValue()).isEqualTo("auth-api");
  }

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

  @Test
  void a_directory_is_walked_for_yaml_yml_and_json_files() throws IOException {
    String image = "registry-api.tanhdev.com/auth/api:1.4.2";
    write("apps/auth/base/deployment.yaml", deployment("auth-dev", "auth-api", image, ""));
    write("apps/auth/base/kustomization.yaml", "resources:\n- deployment.yaml\n");
    write(
        "apps/order/base/job.yml",
        deployment("order-dev", "order-api", "registry-api.tanhdev.com/order/api:3.8.1", "")
            .replace("apps/v1", "batch/v1")
            .replace("Deployment", "Job"));
    write(
        "apps/payment/base/pod.json",
        """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "payment-debug", "namespace": "payment-dev"},
         "spec": {"containers": [{"name": "shell",
                                  "image": "registry-api.tanhdev.com/payment/debug:1"}],
                  "imagePullSecrets": [{"name": "registry-api-tanhdev"}]}}
        """);
    write("apps/README.md", "not: [yaml");
    write("apps/auth/base/notes.txt", "not: [yaml");

    Result result = run("", dir.resolve("apps").toString());

    String apps = dir.resolve("apps").toString();
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.outLines())
        .containsExactly(
            apps
                + "/auth/base/deployment.yaml: Deployment auth-dev/auth-api container app pulls "
                + image
                + " but imagePullSecrets lacks registry-api-tanhdev",
            apps
                + "/order/base/job.yml: Job order-dev/order-api container app pulls"
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
  void public_images_and_lookalike_hosts_produce_no_findings_unlike_the_registry_itself() {
    String images =
        String.join(
            "\n",
            "nginx:1.27",
            "docker.io/library/redis:7.4",
            "ghcr.io/tanhdev/tools:1.0",
            "registry-api.tanhdev.com.evil.example/auth/api:1.4.2",
            "evil.example/registry-api.tanhdev.com/auth/api:1.4.2",
            "xregistry-api.tanhdev.com/auth/api:1.4.2",
            "registry-api.tanhdev.co/auth/api:1.4.2",
            "registry-api.tanhdev.com:5000/auth/api:1.4.2");
    StringBuilder stream = new StringBuilder();
    int index = 0;
    for (String image : images.split("\n")) {
      stream.append("---\n").append(deployment("auth-dev", "app-" + index++, image, ""));
    }

    String control = "REGISTRY-API.tanhdev.com/auth/api:1.4.2";
    stream.append("---\n").append(deployment("auth-dev", "the-real-registry", control, ""));

    Result result = run(stream.toString(), "-");

    assertThat(result.outLines())
        .containsExactly(
            "-: Deployment auth-dev/the-real-registry container app pulls "
                + control
                + " but imagePullSecrets lacks registry-api-tanhdev",
            "1 finding in 9 workloads across 1 file");
  }

  @Test
  void an_opt_out_on_the_workload_or_on_its_pod_template_is_respected() {
    String image = "registry-api.tanhdev.com/auth/api:1.4.2";
    String optedOut =
        deployment("auth-dev", "auth-api", image, "")
            .replace(
                "  namespace: auth-dev\n",
                "  namespace: auth-dev\n"
                    + "  annotations:\n"
                    + "    pullsecret.tanhdev.com/inject: \"false\"\n");
    String templateOptedOut =
        deployment("auth-dev", "auth-worker", image, "")
            .replace(
                "  template:\n",
                "  template:\n    metadata:\n      annotations:\n"
                    + "        pullsecret.tanhdev.com/inject: \"False\"\n");
    String optedIn =
        deployment("auth-dev", "auth-sync", image, "")
            .replace(
                "  namespace: auth-dev\n",
                "  namespace: auth-dev\n"
                    + "  annotations:\n"
                    + "    pullsecret.tanhdev.com/inject: \"true\"\n");

    Result result = run(optedOut + "---\n" + templateOptedOut + "---\n" + optedIn, "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.outLines())
        .containsExactly(
            "-: Deployment auth-dev/auth-sync container app pulls "
                + image
                + " but imagePullSecrets lacks registry-api-tanhdev",
            "1 finding in 3 workloads across 1 file");
  }

  @Test
  void every_rule_of_a_config_file_is_applied() throws IOException {
    Path config =
        write(
            "pullsecret.yaml",
            """
            rules:
              - registry: registry-api.tanhdev.com
                secret: registry-api-tanhdev
              - registry: harbor.tanhdev.internal:8443
                secret: harbor-robot
            """);
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
            "-: Deployment order-dev/order-api container cache pulls"
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
    Path config = write("pullsecret.yaml", "rules: []\n");

    Result result = run(fixture("order-prod.yaml"), "--config", config.toString(), "-");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("check: invalid configuration in " + config);
  }

  @Test
  void image_pull_secrets_that_is_not_a_list_fails_the_check_on_stderr() {
    String wrong =
        deployment(
            "auth-dev",
            "auth-api",
            "registry-api.tanhdev.com/auth/api:1.4.2",
            "imagePullSecrets: registry-api-tanhdev");

    Result checked = run(wrong, "-");
    Result fixed = run(wrong, "--fix", "-");

    assertThat(checked.exitCode()).isEqualTo(1);
    assertThat(checked.out()).isEqualTo("no findings in 1 workload across 1 file\n");
    assertThat(checked.err())
        .isEqualTo(
            "error: -: Deployment auth-dev/auth-api: imagePullSecrets is a string, not a list\n");
    assertThat(fixed.exitCode()).isEqualTo(1);
    assertThat(documents(fixed.out())).containsExactlyElementsOf(documents(wrong));
  }

  @Test
  void an_invalid_image_reference_is_a_warning_not_a_finding() {
    Result result =
        run(deployment("auth-dev", "auth-api", "Registry-API.tanhdev.com/Auth/API", ""), "-");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("no findings in 1 workload across 1 file\n");
    assertThat(result.err())
        .startsWith(
            "warning: -: Deployment auth-dev/auth-api: image \"Registry-API.tanhdev.com/Auth/API\""
                + " of container app is not a valid image reference");
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
    Result badFormat = run("", "--output", "sarif", "-");

    assertThat(List.of(unknown.exitCode(), noPath.exitCode(), badFormat.exitCode()))
        .containsOnly(2);
    assertThat(unknown.err()).startsWith("check: unknown option: --strict\nUsage: ");
    assertThat(noPath.err()).startsWith("check: no PATH given (use - to read standard input)\n");
    assertThat(badFormat.err()).startsWith("check: --output must be text or json, got sarif\n");
  }
}
