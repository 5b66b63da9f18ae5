package com.tanhdev.pullsecret.cli;

import static com.tanhdev.pullsecret.cli.AuditScenario.API_IMAGE;
import static com.tanhdev.pullsecret.cli.AuditScenario.SECRET;
import static com.tanhdev.pullsecret.cli.AuditScenario.WORKER_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.cli.AuditRun.Result;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code audit} against a real API server holding a prepared cluster state. */
@ExtendWith(ControlPlaneExtension.class)
class AuditCommandTest {

  private static ControlPlane plane;
  private static AuditScenario cluster;

  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void prepareTheCluster(ControlPlane controlPlane) {
    plane = controlPlane;
    cluster = AuditScenario.prepare(plane.client());
  }

  private static Config admin() {
    return plane.client().getConfiguration();
  }

  private static String[] withNamespaces(String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    cluster.namespaceNames().forEach(name -> args.addAll(List.of("--namespace", name)));
    return args.toArray(String[]::new);
  }

  @Test
  void json_findings_name_every_missing_invalid_uninjected_and_failing_object() {
    Result result = AuditRun.run(admin(), withNamespaces("--output", "json"));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(json.readTree(result.out())).isEqualTo(json.valueToTree(expectedFindings()));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void text_findings_are_one_line_each_with_a_count() {
    Result result = AuditRun.run(admin(), "--namespace", cluster.opaque().name());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.outLines())
        .containsExactly(
            cluster.opaque().name()
                + " Secret/"
                + SECRET
                + ": secret-wrong-type: secret "
                + SECRET
                + " in namespace "
                + cluster.opaque().name()
                + " is of type Opaque, not kubernetes.io/dockerconfigjson",
            "1 finding");
  }

  @Test
  void a_namespace_whose_workloads_all_pull_with_the_secret_is_clean() {
    Result result = AuditRun.run(admin(), "--namespace", cluster.valid().name());

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out()).isEqualTo("no findings\n");
  }

  @Test
  void the_secret_data_is_never_printed() {
    Result result = AuditRun.run(admin(), withNamespaces("--output", "json"));

    assertThat(result.out()).doesNotContain("Y2ktcHVsbDpub3QtYS1yZWFsLXRva2Vu", "not-a-real-token");
  }

  @Test
  void without_namespaces_every_namespace_but_the_excluded_and_opted_out_ones_is_audited(
      @TempDir Path dir) throws IOException {
    TestNamespace optedOut =
        TestNamespace.create(
            plane.client(), "legacy-dev", Map.of("pullsecret.tanhdev.com/inject", "disabled"));
    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config, "excludedNamespaces: [kube-system, " + cluster.missing().name() + "]\n");

    Result result = AuditRun.run(admin(), "--config", config.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    List<String> namespaces =
        json.readTree(result.out()).valueStream().map(f -> f.path("namespace").asString()).toList();
    assertThat(namespaces)
        .contains(cluster.opaque().name(), cluster.ghcrOnly().name(), "default")
        .doesNotContain(
            cluster.missing().name(), optedOut.name(), "kube-system", cluster.valid().name());
  }

  @Test
  void an_unreachable_cluster_exits_2_with_the_reason() {
    Config nowhere = new ConfigBuilder(admin()).withMasterUrl("https://127.0.0.1:1").build();

    Result result = AuditRun.run(nowhere, "--namespace", "default");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("audit: cannot read the cluster: ");
  }

  @Test
  void an_identity_without_read_access_exits_2_naming_what_it_may_not_read() {
    Config stranger = AuditRun.asServiceAccount(admin(), "default", "no-rights");

    Result result = AuditRun.run(stranger, "--namespace", cluster.valid().name());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("audit: cannot read the cluster: ")
        .contains("forbidden", "system:serviceaccount:default:no-rights");
  }

  @Test
  void a_named_namespace_that_does_not_exist_exits_2() {
    Result result = AuditRun.run(admin(), "--namespace", "no-such-namespace");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("audit: namespace no-such-namespace does not exist\n");
  }

  @Test
  void an_unknown_option_exits_2_with_the_usage() {
    Result result = AuditRun.run(admin(), "--namespaces", "x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("audit: unknown argument: --namespaces\nUsage:");
  }

  private List<Map<String, String>> expectedFindings() {
    String opaque = cluster.opaque().name();
    String ghcr = cluster.ghcrOnly().name();
    String missing = cluster.missing().name();
    String noCredentials =
        "secret "
            + SECRET
            + " in namespace "
            + ghcr
            + " has no credentials for registry-api.tanhdev.com";
    return List.of(
        finding(
            opaque,
            "Secret",
            SECRET,
            "secret-wrong-type",
            "secret "
                + SECRET
                + " in namespace "
                + opaque
                + " is of type Opaque, not kubernetes.io/dockerconfigjson"),
        finding(ghcr, "Secret", SECRET, "secret-lacks-registry", noCredentials),
        finding(
            ghcr,
            "Deployment",
            "payment-api",
            "not-injected",
            "container app pulls "
                + API_IMAGE
                + " but imagePullSecrets does not list "
                + SECRET
                + "; it is opted out with pullsecret.tanhdev.com/inject: \"false\""),
        finding(
            ghcr,
            "Pod",
            "payment-api-0",
            "pull-failing",
            "container app waits in ImagePullBackOff pulling "
                + API_IMAGE
                + "; likely cause: "
                + noCredentials),
        finding(
            missing,
            "Secret",
            SECRET,
            "secret-missing",
            "secret " + SECRET + " does not exist in namespace " + missing),
        finding(
            missing,
            "CronJob",
            "search-reindex",
            "not-injected",
            "container app pulls "
                + WORKER_IMAGE
                + " but imagePullSecrets does not list "
                + SECRET),
        finding(
            missing,
            "Deployment",
            "search-api",
            "not-injected",
            "container app pulls " + API_IMAGE + " but imagePullSecrets does not list " + SECRET));
  }

  private static Map<String, String> finding(
      String namespace, String kind, String name, String problem, String detail) {
    Map<String, String> finding = new LinkedHashMap<>();
    finding.put("namespace", namespace);
    finding.put("kind", kind);
    finding.put("name", name);
    finding.put("secret", SECRET);
    finding.put("problem", problem);
    finding.put("detail", detail);
    return finding;
  }
}
