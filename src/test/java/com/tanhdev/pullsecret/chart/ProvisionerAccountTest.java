package com.tanhdev.pullsecret.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.ControlPlaneExtension;
import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart's provisioner RBAC on a real API server, asked as the provisioner's own ServiceAccount
 * ({@code kubectl auth can-i}): what the contract grants is allowed, everything next to it denied.
 */
@ExtendWith(ControlPlaneExtension.class)
class ProvisionerAccountTest {

  private static KubernetesClient admin;
  private static TestNamespace release;
  private static TestNamespace source;
  private static KubernetesClient asProvisioner;
  private static ProvisionerAccount account;

  @BeforeAll
  static void installTheChartsProvisionerRbac(ControlPlane plane) {
    admin = plane.client();
    release = TestNamespace.create(plane.client(), "pullsecret-system", Map.of());
    source = TestNamespace.create(plane.client(), "infrastructure", Map.of());
    account =
        ProvisionerAccount.install(
            plane.client(),
            release.name(),
            """
            rules:
              - registry: registry-api.tanhdev.com
                secret: registry-api-tanhdev
                source: %s/registry-api-tanhdev
              - registry: quay.io
                secret: quay-pull
            """
                .formatted(source.name()));
    asProvisioner = account.newClient();
  }

  @AfterAll
  static void closeTheClient() {
    if (asProvisioner != null) {
      asProvisioner.close();
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} in {3}")
  @CsvSource({
    "create, secrets,, auth-dev, ",
    "get, secrets, registry-api-tanhdev, auth-dev, ",
    "watch, secrets, registry-api-tanhdev, , ",
    "update, secrets, registry-api-tanhdev, auth-dev, ",
    "delete, secrets, registry-api-tanhdev, auth-dev, ",
    "get, secrets, registry-api-tanhdev, SOURCE, ",
    "watch, namespaces,, , ",
    "create, events,, auth-dev, ",
    "patch, events,, auth-dev, events.k8s.io",
    "get, leases, LEASE, RELEASE, coordination.k8s.io",
    "update, leases, LEASE, RELEASE, coordination.k8s.io",
    "create, leases,, RELEASE, coordination.k8s.io",
  })
  void the_provisioner_may(
      String verb, String resource, String name, String namespace, String group) {
    assertThat(canI(verb, resource, name, namespace, group)).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} {2} in {3}")
  @CsvSource({
    "get, secrets, database-password, auth-dev, ",
    "list, secrets,, auth-dev, ",
    "watch, secrets,, , ",
    "get, secrets, quay-pull, auth-dev, ",
    "get, secrets, database-password, SOURCE, ",
    "update, namespaces, auth-dev, , ",
    "delete, namespaces, auth-dev, , ",
    "get, configmaps,, auth-dev, ",
    "list, pods,, auth-dev, ",
    "update, leases, someone-elses-lease, RELEASE, coordination.k8s.io",
    "patch, leases, LEASE, RELEASE, coordination.k8s.io",
    "create, leases,, auth-dev, coordination.k8s.io",
    "update, mutatingwebhookconfigurations,, , admissionregistration.k8s.io",
  })
  void the_provisioner_may_not(
      String verb, String resource, String name, String namespace, String group) {
    assertThat(canI(verb, resource, name, namespace, group)).isFalse();
  }

  @Test
  void listing_copies_works_by_name_across_namespaces_and_is_refused_without_the_name() {
    TestNamespace copy =
        TestNamespace.create(admin, "auth-dev", Map.of()).withPullSecret("registry-api-tanhdev");

    assertThat(
            asProvisioner
                .secrets()
                .inAnyNamespace()
                .withField("metadata.name", "registry-api-tanhdev")
                .list()
                .getItems())
        .extracting(secret -> secret.getMetadata().getNamespace())
        .contains(copy.name());
    assertThatThrownBy(() -> asProvisioner.secrets().inAnyNamespace().list())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("Forbidden")
        .hasMessageContaining(account.userName());
  }

  private static boolean canI(
      String verb, String resource, String name, String namespace, String group) {
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withVerb(verb)
            .withResource(resource)
            .withGroup(group == null ? "" : group)
            .withName(name == null ? null : name.replace("LEASE", account.leaseName()))
            .withNamespace(namespace == null ? null : resolve(namespace))
            .endResourceAttributes()
            .endSpec()
            .build();
    return asProvisioner
        .authorization()
        .v1()
        .selfSubjectAccessReview()
        .create(review)
        .getStatus()
        .getAllowed();
  }

  private static String resolve(String namespace) {
    return switch (namespace) {
      case "SOURCE" -> source.name();
      case "RELEASE" -> release.name();
      default -> namespace;
    };
  }
}
