package com.tanhdev.pullsecret.check;

import static com.tanhdev.pullsecret.check.TestManifests.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.policy.PolicySettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which objects count as workloads, with the default rules, across a whole stream. */
class ManifestCheckerTest {

  private static final String IMAGE = "registry-api.tanhdev.com/auth/api:1.4.2";

  private static CheckResult check(String stream) {
    Manifests manifests =
        new ManifestReader(
                ManifestYaml.mapper(),
                new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)))
            .read(List.of("-"));
    return new ManifestChecker(new WorkloadScanner(PolicySettings.defaults().rules()))
        .check(manifests);
  }

  @Test
  void every_workload_kind_is_checked_whatever_kinds_the_config_handles() {
    String stream =
        String.join(
            "---\n",
            deployment("auth-dev", "auth-cache", IMAGE, "").replace("Deployment", "StatefulSet"),
            deployment("auth-dev", "auth-agent", IMAGE, "").replace("Deployment", "DaemonSet"),
            deployment("auth-dev", "auth-api-7f9c", IMAGE, "").replace("Deployment", "ReplicaSet"),
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: auth-debug, namespace: auth-dev}
            spec:
              ephemeralContainers:
              - {name: debugger, image: "registry-api.tanhdev.com/platform/debug:1"}
            """);

    CheckResult result = check(stream);

    assertThat(result.findings())
        .extracting(finding -> finding.kind() + " " + finding.name() + " " + finding.container())
        .containsExactly(
            "StatefulSet auth-cache app",
            "DaemonSet auth-agent app",
            "ReplicaSet auth-api-7f9c app",
            "Pod auth-debug debugger");
    assertThat(result.workloads()).isEqualTo(4);
  }

  @Test
  void a_kind_of_the_same_name_from_another_api_group_is_not_a_workload() {
    CheckResult result =
        check(
            deployment("auth-dev", "auth-api", IMAGE, "")
                .replace("apps/v1", "rollouts.tanhdev.com/v1"));

    assertThat(result.findings()).isEmpty();
    assertThat(result.workloads()).isZero();
  }

  @Test
  void the_items_of_a_kubectl_list_are_checked_and_located_at_their_pod_spec() {
    String list =
        """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"name": "auth-api", "namespace": "auth-prod"},
           "spec": {"template": {"spec": {
             "containers": [{"name": "api", "image": "registry-api.tanhdev.com/auth/api:1.4.2"}],
             "imagePullSecrets": [{"name": "registry-api-tanhdev"}]}}}},
          {"apiVersion": "batch/v1", "kind": "Job",
           "metadata": {"name": "auth-db-migrate", "namespace": "auth-prod"},
           "spec": {"template": {"spec": {
             "containers": [{"name": "migrate",
                             "image": "registry-api.tanhdev.com/auth/migrate:1.4.2"}]}}}}]}
        """;

    CheckResult result = check(list);

    assertThat(result.findings())
        .containsExactly(
            new Finding(
                "-",
                9,
                34,
                "Job",
                "auth-prod",
                "auth-db-migrate",
                "migrate",
                "registry-api.tanhdev.com/auth/migrate:1.4.2",
                "registry-api-tanhdev"));
    assertThat(result.workloads()).isEqualTo(2);
  }

  @Test
  void warnings_and_errors_name_the_file_and_the_workload() {
    CheckResult result =
        check(
            deployment("auth-dev", "auth-api", "registry-api.tanhdev.com/Auth/api", "")
                + "---\n"
                + deployment(
                    "auth-dev",
                    "auth-worker",
                    IMAGE,
                    "imagePullSecrets: {registry-api-tanhdev: true}"));

    assertThat(result.warnings())
        .singleElement()
        .asString()
        .startsWith("-: Deployment auth-dev/auth-api: image \"registry-api.tanhdev.com/Auth/api\"");
    assertThat(result.errors())
        .containsExactly(
            "-: Deployment auth-dev/auth-worker: imagePullSecrets is an object, not a list");
    assertThat(result.isClean()).isFalse();
  }
}
