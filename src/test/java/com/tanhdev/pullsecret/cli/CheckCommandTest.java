package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.check.TestManifests.deployment;
import static com.tanhdev.pullsecret.check.TestManifests.documents;
import static com.tanhdev.pullsecret.check.TestManifests.fixture;
import static com.tanhdev.pullsecret.cli.CheckRun.MIGRATE_FINDING;
import static com.tanhdev.pullsecret.cli.CheckRun.WORKER_FINDING;
import static com.tanhdev.pullsecret.cli.CheckRun.run;
import static com.tanhdev.pullsecret.cli.CheckRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.cli.CheckRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code check} findings and exit codes, as a CI pipeline sees them. */
class CheckCommandTest {

  @TempDir Path dir;

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
    Path manifest = write(dir, "payment-dev.yaml", fixture("payment-dev.yaml"));

    Result result = run("", "--output", "json", manifest.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode findings = JsonMapper.builder().build().readTree(result.out());
    String expected =
        """
        [{"file": "%1$s", "line": 86, "column": 7, "kind": "Deployment", "namespace": "payment-dev",
          "name": "payment-worker", "container": "worker",
          "image": "registry-api.tanhdev.com/payment/worker:2.3.0",
          "secret": "registry-api-tanhdev"},
         {"file": "%1$s", "line": 132, "column": 7, "kind": "Job", "namespace": "payment-dev",
          "name": "payment-db-migrate", "container": "migrate",
          "image": "registry-api.tanhdev.com/payment/migrate:2.3.0",
          "secret": "registry-api-tanhdev"}]
        """
            .formatted(manifest);
    assertThat(findings).isEqualTo(JsonMapper.builder().build().readTree(expected));
    assertThat(findings.get(0).propertyNames())
        .containsExactly(
            "file", "line", "column", "kind", "namespace", "name", "container", "image", "secret");
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
            "-:114: Deployment auth-dev/the-real-registry container app pulls "
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
            "-:42: Deployment auth-dev/auth-sync container app pulls "
                + image
                + " but imagePullSecrets lacks registry-api-tanhdev",
            "1 finding in 3 workloads across 1 file");
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
                + " of container app is invalid");
  }
}
