package com.tanhdev.pullsecret.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.tanhdev.pullsecret.podspec.ContainerImage;
import com.tanhdev.pullsecret.podspec.PullSecretsField;
import com.tanhdev.pullsecret.podspec.WorkloadKind;
import com.tanhdev.pullsecret.policy.NeededSecret;
import com.tanhdev.pullsecret.policy.RegistryRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class WorkloadScannerTest {

  private static final RegistryRule PLATFORM =
      new RegistryRule("registry-api.tanhdev.com", "registry-api-tanhdev");
  private static final RegistryRule HARBOR =
      new RegistryRule("harbor.tanhdev.internal:8443", "harbor-robot");

  private final YAMLMapper yaml = ManifestYaml.mapper();
  private final WorkloadScanner scanner = new WorkloadScanner(List.of(PLATFORM, HARBOR));

  private WorkloadCheck scan(String manifest) {
    return scanner.scan(yaml.readTree(manifest)).orElseThrow();
  }

  @Test
  void a_service_or_a_config_map_is_not_a_workload() {
    assertThat(scanner.scan(yaml.readTree("apiVersion: v1\nkind: Service\nmetadata: {name: a}")))
        .isEmpty();
    assertThat(scanner.scan(yaml.readTree("apiVersion: v1\nkind: ConfigMap\ndata: {a: b}")))
        .isEmpty();
  }

  @Test
  void a_cron_job_is_read_at_its_job_template() {
    WorkloadCheck check =
        scan(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: auth-token-cleanup, namespace: auth-prod}
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                      - {name: cleanup, image: "registry-api.tanhdev.com/auth/cleanup:1.4.2"}
            """);

    assertThat(check.workload())
        .isEqualTo(new WorkloadName(WorkloadKind.CRON_JOB, "auth-prod", "auth-token-cleanup"));
    assertThat(check.missing())
        .containsExactly(
            new NeededSecret(
                "registry-api-tanhdev",
                "registry-api.tanhdev.com",
                new ContainerImage("cleanup", "registry-api.tanhdev.com/auth/cleanup:1.4.2")));
  }

  @Test
  void only_the_secrets_the_pod_spec_does_not_list_are_missing() {
    WorkloadCheck check =
        scan(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: order-api, namespace: order-dev}
            spec:
              initContainers:
              - {name: warm-cache, image: "harbor.tanhdev.internal:8443/platform/cache:2"}
              containers:
              - {name: api, image: "registry-api.tanhdev.com/order/api:3.8.1"}
              imagePullSecrets:
              - name: registry-api-tanhdev
            """);

    assertThat(check.missingSecretNames()).containsExactly("harbor-robot");
    assertThat(check.pullSecretsField()).isEqualTo(PullSecretsField.ARRAY);
  }

  @Test
  void a_workload_without_a_pod_spec_is_a_warning_not_a_finding() {
    WorkloadCheck check =
        scan(
            "apiVersion: apps/v1\n"
                + "kind: Deployment\n"
                + "metadata: {name: auth-api}\n"
                + "spec: {replicas: 3}");

    assertThat(check.missing()).isEmpty();
    assertThat(check.warnings()).containsExactly("no pod spec at /spec/template/spec");
  }

  @Test
  void image_pull_secrets_of_the_wrong_type_is_an_error_and_other_problems_are_warnings() {
    WorkloadCheck check =
        scan(
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {generateName: payment-db-migrate-, namespace: payment-dev}
            spec:
              template:
                spec:
                  containers:
                  - {name: migrate, image: "registry-api.tanhdev.com/payment/migrate:2.3.0"}
                  - {name: broken, image: 42}
                  imagePullSecrets: {name: registry-api-tanhdev}
            """);

    assertThat(check.workload().name()).isEqualTo("payment-db-migrate-");
    assertThat(check.missing()).isEmpty();
    assertThat(check.errors()).containsExactly("imagePullSecrets is an object, not a list");
    assertThat(check.warnings()).containsExactly("image of broken is a number, not a string");
  }

  @Test
  void the_opt_out_must_say_false() {
    String template =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: auth-api
          annotations: {pullsecret.tanhdev.com/inject: %s}
        spec:
          template:
            spec:
              containers:
              - {name: api, image: "registry-api.tanhdev.com/auth/api:1.4.2"}
        """;

    assertThat(scan(template.formatted("\" FALSE \"")).missing()).isEmpty();
    assertThat(scan(template.formatted("\"no\"")).missing()).hasSize(1);
  }
}
