package com.tanhdev.pullsecret.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tanhdev.pullsecret.chart.Helm;
import com.tanhdev.pullsecret.kube.Deployments;
import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.pki.CertificateAuthority;
import com.tanhdev.pullsecret.pki.IssuedCertificate;
import com.tanhdev.pullsecret.pki.KeyAlgorithm;
import com.tanhdev.pullsecret.pki.SubjectAlternativeNames;
import com.tanhdev.pullsecret.testing.Loopback;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The whole product in a real cluster: the image built from the Dockerfile, the chart installed
 * with helm into K3s, and a Deployment from the private registry whose pods are stored with the
 * pull secret. It needs a Docker engine; without one it is skipped, never passed.
 */
class K3sChartInstallTest {

  private static final DockerImageName K3S = DockerImageName.parse("rancher/k3s:v1.34.6-k3s1");
  private static final String NAMESPACE = "pullsecret-system";
  private static final String RELEASE = "pullsecret-webhook";
  private static final String TLS_SECRET = "pullsecret-webhook-tls";
  private static final String PULL_SECRET = "registry-api-tanhdev";
  private static final String REGISTRY_IMAGE = "registry-api.tanhdev.com/auth/api:1.4.2";
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path workDir;

  @Test
  void pods_of_a_deployment_from_the_registry_are_stored_with_the_pull_secret() throws Exception {
    assumeTrue(
        DockerClientFactory.instance().isDockerAvailable(), "no Docker engine to run K3s in");
    Path projectRoot =
        Path.of(System.getProperty("project.basedir", System.getProperty("user.dir")));
    Path imageArchive = WebhookImage.buildAndSave(projectRoot, workDir);
    try (K3sContainer k3s =
        new K3sContainer(K3S)
            .withCopyFileToContainer(
                MountableFile.forHostPath(imageArchive),
                "/var/lib/rancher/k3s/agent/images/pullsecret-webhook.tar")) {
      k3s.start();
      Path kubeconfig = Files.writeString(workDir.resolve("kubeconfig"), k3s.getKubeConfigYaml());
      try (KubernetesClient client =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml()))
              .build()) {
        String caBundle = createNamespaceWithServingCertificate(client);
        installChart(projectRoot, kubeconfig, caBundle);
        createNamespace(client, "apps");
        client.secrets().inNamespace("apps").resource(pullSecret()).create();

        // failurePolicy Fail: until the API server reaches the new webhook, the apply is refused.
        await("the Deployment is admitted")
            .atMost(Duration.ofMinutes(1))
            .ignoreExceptions()
            .until(() -> client.resource(deployment()).serverSideApply() != null);

        await("the Deployment's pods are stored")
            .atMost(Duration.ofMinutes(2))
            .untilAsserted(
                () ->
                    assertThat(client.pods().inNamespace("apps").list().getItems())
                        .isNotEmpty()
                        .allSatisfy(
                            pod ->
                                assertThat(PodSpecs.pullSecretNames(pod)).contains(PULL_SECRET)));
      }
    }
  }

  /** A serving certificate from the project's own CA code, as an existingSecret install uses. */
  private static String createNamespaceWithServingCertificate(KubernetesClient client) {
    CertificateAuthority ca = Loopback.authority("pullsecret-k3s-test", Duration.ofDays(1));
    IssuedCertificate serving =
        ca.issueServingCertificate(
            SubjectAlternativeNames.forService(RELEASE, NAMESPACE),
            KeyAlgorithm.EC_P256,
            Duration.ofDays(1));
    createNamespace(client, NAMESPACE);
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(TLS_SECRET)
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withStringData(
                    Map.of("tls.crt", serving.certificatePem(), "tls.key", serving.privateKeyPem()))
                .build())
        .create();
    return Base64.getEncoder()
        .encodeToString(ca.root().certificatePem().getBytes(StandardCharsets.US_ASCII));
  }

  private static void installChart(Path projectRoot, Path kubeconfig, String caBundle) {
    List<String> arguments =
        List.of(
            "install",
            RELEASE,
            projectRoot.resolve("charts/pullsecret-webhook").toString(),
            "--kubeconfig=" + kubeconfig,
            "--namespace=" + NAMESPACE,
            "--wait",
            "--timeout=" + INSTALL_TIMEOUT.toSeconds() + "s",
            "--set=image.repository=" + WebhookImage.REPOSITORY,
            "--set=image.tag=" + WebhookImage.TAG,
            "--set=image.pullPolicy=Never",
            "--set=replicaCount=1",
            "--set=webhook.failurePolicy=Fail",
            "--set=certificates.mode=existingSecret",
            "--set=certificates.existingSecret.name=" + TLS_SECRET,
            "--set=certificates.existingSecret.caBundle=" + caBundle);
    Helm.Result result =
        Helm.fromEnvironment().run(arguments, INSTALL_TIMEOUT.plus(Duration.ofMinutes(1)));
    assertThat(result.succeeded()).as(result::describe).isTrue();
  }

  private static void createNamespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  private static Secret pullSecret() {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(PULL_SECRET)
        .endMetadata()
        .withType("kubernetes.io/dockerconfigjson")
        .withStringData(Map.of(".dockerconfigjson", TestNamespace.DOCKER_CONFIG))
        .build();
  }

  private static Deployment deployment() {
    Map<String, String> labels = Map.of("app.kubernetes.io/name", "auth-api");
    PodSpec spec =
        new PodSpecBuilder()
            .addNewContainer()
            .withName("api")
            .withImage(REGISTRY_IMAGE)
            .endContainer()
            .build();
    return Deployments.of("apps", "auth-api", labels, spec)
        .editSpec()
        .withReplicas(2)
        .endSpec()
        .build();
  }
}
