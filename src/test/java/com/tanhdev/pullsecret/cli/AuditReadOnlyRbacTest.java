package com.tanhdev.pullsecret.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tanhdev.pullsecret.chart.Helm;
import com.tanhdev.pullsecret.cli.AuditRun.Result;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code audit} as the chart's CronJob runs it: as its own ServiceAccount, bound to exactly the
 * read-only ClusterRole the chart renders, and it sees what an administrator sees.
 */
@ExtendWith(ControlPlaneExtension.class)
class AuditReadOnlyRbacTest {

  private static ControlPlane plane;
  private static AuditScenario cluster;
  private static Config auditAccount;

  @BeforeAll
  static void installTheChartsAuditRbac(ControlPlane controlPlane) {
    plane = controlPlane;
    cluster = AuditScenario.prepare(plane.client());
    TestNamespace release = TestNamespace.create(plane.client(), "pullsecret-system", Map.of());
    String releaseName = "audit-" + release.name().substring(release.name().lastIndexOf('-') + 1);
    for (HasMetadata object : renderAuditRbac(releaseName, release.name())) {
      plane.client().resource(object).create();
    }
    String account = releaseName + "-pullsecret-webhook-audit";
    plane
        .client()
        .serviceAccounts()
        .inNamespace(release.name())
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName(account).endMetadata().build())
        .create();
    auditAccount =
        AuditRun.asServiceAccount(plane.client().getConfiguration(), release.name(), account);
  }

  @Test
  void the_audit_account_sees_exactly_what_an_administrator_sees() {
    List<String> args = new ArrayList<>(List.of("--output", "json"));
    cluster.namespaceNames().forEach(name -> args.addAll(List.of("--namespace", name)));

    Result asAdmin = AuditRun.run(plane.client().getConfiguration(), args.toArray(String[]::new));
    Result asAudit = AuditRun.run(auditAccount, args.toArray(String[]::new));

    assertThat(asAudit.err()).isEmpty();
    assertThat(asAudit.exitCode()).isEqualTo(1);
    assertThat(asAudit.out()).isEqualTo(asAdmin.out()).contains("\"pull-failing\"");
  }

  @Test
  void the_audit_account_reads_the_whole_cluster_without_naming_namespaces() {
    Result result = AuditRun.run(auditAccount, "--output", "json");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains(cluster.missing().name(), cluster.ghcrOnly().name());
  }

  @Test
  void the_audit_account_can_neither_read_other_secrets_nor_change_anything() {
    plane
        .client()
        .secrets()
        .inNamespace(cluster.valid().name())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("database-password")
                .endMetadata()
                .withStringData(Map.of("password", "hunter2"))
                .build())
        .create();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(auditAccount).build()) {
      assertThatThrownBy(
              () ->
                  client
                      .secrets()
                      .inNamespace(cluster.valid().name())
                      .withName("database-password")
                      .get())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("Forbidden");
      assertThatThrownBy(
              () ->
                  client
                      .apps()
                      .deployments()
                      .inNamespace(cluster.missing().name())
                      .withName("search-api")
                      .scale(0))
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("Forbidden");
    }
  }

  /** The chart's audit ClusterRole and binding, rendered as a release in that namespace. */
  private static List<HasMetadata> renderAuditRbac(String releaseName, String namespace) {
    String basedir = System.getProperty("project.basedir", System.getProperty("user.dir"));
    Helm.Result rendered =
        Helm.fromEnvironment()
            .run(
                List.of(
                    "template",
                    releaseName,
                    Path.of(basedir, "charts", "pullsecret-webhook").toString(),
                    "--namespace",
                    namespace,
                    "--set",
                    "audit.enabled=true",
                    "--show-only",
                    "templates/audit-clusterrole.yaml",
                    "--show-only",
                    "templates/audit-clusterrolebinding.yaml"));
    assertThat(rendered.succeeded()).as(rendered::describe).isTrue();
    return plane
        .client()
        .load(new ByteArrayInputStream(rendered.stdout().getBytes(StandardCharsets.UTF_8)))
        .items();
  }
}
