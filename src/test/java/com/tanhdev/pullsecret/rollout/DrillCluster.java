package com.tanhdev.pullsecret.rollout;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.chart.ChartObjects;
import com.tanhdev.pullsecret.image.Kubeconfig;
import com.tanhdev.pullsecret.kube.ApiRequests;
import com.tanhdev.pullsecret.kube.ControlPlane;
import com.tanhdev.pullsecret.kube.PodSpecs;
import com.tanhdev.pullsecret.kube.TestNamespace;
import com.tanhdev.pullsecret.kube.WebhookFixture;
import com.tanhdev.pullsecret.pki.TlsMaterialException;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cluster of a drill: a control plane with aggregator routing, the chart's Service and
 * MutatingWebhookConfiguration in the release namespace (with {@code failurePolicy: Fail}, so that
 * every call that fails is a refused create, and the caBundle the drill trusts), a namespace of
 * workloads holding the pull secret, and one the webhook leaves out, for the API server's own
 * latency.
 */
final class DrillCluster implements AutoCloseable {

  static final String SECRET = WebhookFixture.SECRET;
  static final String SERVICE = "pullsecret-webhook";

  private static final Duration TAKES_EFFECT_TIMEOUT = Duration.ofSeconds(60);

  private final ControlPlane plane;
  private final String releaseNamespace = ChartObjects.releaseNamespace();
  private final TestNamespace workloads;
  private final TestNamespace leftOut;
  private final String configurationName;

  private DrillCluster(ControlPlane plane, String caBundlePem) {
    this.plane = plane;
    KubernetesClient client = plane.client();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(releaseNamespace)
                .endMetadata()
                .build())
        .create();
    Service service = ChartObjects.rendered("Service", Service.class);
    client.resource(service).create();
    MutatingWebhookConfiguration configuration =
        ChartObjects.rendered(
            "MutatingWebhookConfiguration",
            MutatingWebhookConfiguration.class,
            "webhook.failurePolicy=Fail");
    if (caBundlePem != null) {
      for (MutatingWebhook webhook : configuration.getWebhooks()) {
        webhook
            .getClientConfig()
            .setCaBundle(Base64.getEncoder().encodeToString(caBundlePem.getBytes(US_ASCII)));
      }
    }
    client.resource(configuration).create();
    this.configurationName = configuration.getMetadata().getName();
    this.workloads =
        TestNamespace.create(client, "payment-production", Map.of()).withPullSecret(SECRET);
    this.leftOut =
        TestNamespace.create(
                client, "left-out", Map.of("pullsecret.tanhdev.com/inject", "disabled"))
            .withPullSecret(SECRET);
  }

  /**
   * Starts the control plane and installs the chart's objects, trusting {@code caBundlePem} (null
   * for none: a self-managed webhook publishes its own).
   */
  static DrillCluster start(String caBundlePem) {
    ControlPlane plane = ControlPlane.startWithAggregatorRouting();
    try {
      return new DrillCluster(plane, caBundlePem);
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  KubernetesClient client() {
    return plane.client();
  }

  ControlPlane plane() {
    return plane;
  }

  String releaseNamespace() {
    return releaseNamespace;
  }

  String workloadNamespace() {
    return workloads.name();
  }

  String leftOutNamespace() {
    return leftOut.name();
  }

  String configurationName() {
    return configurationName;
  }

  /** Replaces the caBundle of every webhook of the configuration, as an operator rotating a CA. */
  void trust(String caBundlePem) {
    String bundle = Base64.getEncoder().encodeToString(caBundlePem.getBytes(US_ASCII));
    client()
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .withName(configurationName)
        .edit(
            configuration -> {
              configuration.getWebhooks().forEach(w -> w.getClientConfig().setCaBundle(bundle));
              return configuration;
            });
  }

  /** The environment of a webhook pod: its namespace and a kubeconfig in {@code dir}. */
  Map<String, String> webhookEnvironment(Path dir) throws IOException, TlsMaterialException {
    Path kubeconfig = Kubeconfig.write(client(), releaseNamespace, dir.resolve("kubeconfig"));
    return Map.of("KUBECONFIG", kubeconfig.toString(), "PULLSECRET_NAMESPACE", releaseNamespace);
  }

  /** Polls server-side dry runs until the API server demonstrably calls a webhook replica. */
  void awaitAdmissionsWork() {
    ApiRequests api = new ApiRequests(client());
    await("the API server calls the webhook through its Service")
        .atMost(TAKES_EFFECT_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                PodSpecs.pullSecretNames(api.dryRunCreate(probePod()).object(Pod.class))
                    .contains(SECRET));
  }

  /** Pods and Deployments stored in the workload namespace without the pull secret. */
  List<String> storedWithoutSecret() {
    KubernetesClient client = client();
    String namespace = workloads.name();
    return Stream.concat(
            client.pods().inNamespace(namespace).list().getItems().stream(),
            client.apps().deployments().inNamespace(namespace).list().getItems().stream())
        .filter(object -> !PodSpecs.pullSecretNames(object).contains(SECRET))
        .map(object -> object.getKind() + "/" + object.getMetadata().getName())
        .toList();
  }

  /** Objects stored in the workload namespace. */
  int storedCount() {
    String namespace = workloads.name();
    return client().pods().inNamespace(namespace).list().getItems().size()
        + client().apps().deployments().inNamespace(namespace).list().getItems().size();
  }

  @Override
  public void close() {
    plane.close();
  }

  private Pod probePod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("probe")
        .withNamespace(workloads.name())
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(AdmissionTraffic.IMAGE)
        .endContainer()
        .endSpec()
        .build();
  }
}
