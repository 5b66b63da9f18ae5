package com.tanhdev.pullsecret.chart;

import static org.awaitility.Awaitility.await;

import com.tanhdev.pullsecret.kube.ApiAnswer;
import com.tanhdev.pullsecret.kube.ApiRequests;
import com.tanhdev.pullsecret.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The chart's rendered MutatingWebhookConfiguration, installed into the test API server with two
 * changes: its client config points at a webhook on loopback instead of the in-cluster Service, and
 * its namespace selector also requires a scope label. Tests sharing the API server leave that label
 * off their namespaces, so this configuration never reaches them. Rules, object selector and match
 * conditions stay exactly as rendered.
 */
final class InstalledWebhookConfiguration implements AutoCloseable {

  static final String SCOPE_LABEL = "pullsecret-webhook.test/chart-scope";

  private static final Duration TAKES_EFFECT_TIMEOUT = Duration.ofSeconds(30);

  private final KubernetesClient client;
  private final String name;

  private InstalledWebhookConfiguration(KubernetesClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /**
   * Installs the configuration for the namespaces labelled with {@code scope}, and returns once a
   * registry pod in {@code selected} (a namespace the chart's selector takes, holding the secret)
   * gets its secret: the API server picks up a new webhook configuration a moment after storing it.
   */
  static InstalledWebhookConfiguration install(
      KubernetesClient client,
      RenderedManifests manifests,
      WebhookClientConfig loopback,
      String scope,
      TestNamespace selected) {
    MutatingWebhookConfiguration configuration =
        client
            .getKubernetesSerialization()
            .unmarshal(
                manifests.one("MutatingWebhookConfiguration").toString(),
                MutatingWebhookConfiguration.class);
    configuration.getMetadata().setName(scope);
    for (MutatingWebhook webhook : configuration.getWebhooks()) {
      webhook.setClientConfig(loopback);
      webhook.setNamespaceSelector(withScope(webhook.getNamespaceSelector(), scope));
    }
    client.resource(configuration).create();
    InstalledWebhookConfiguration installed = new InstalledWebhookConfiguration(client, scope);
    try {
      installed.awaitInjects(RegistryWorkloads.pod(selected.name(), Map.of()));
      return installed;
    } catch (RuntimeException e) {
      installed.close();
      throw e;
    }
  }

  /** Deletes the configuration; it is cluster-scoped and would outlive the test otherwise. */
  @Override
  public void close() {
    client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(name).delete();
  }

  /** Match labels are ANDed with match expressions, so adding one only narrows the selector. */
  private static LabelSelector withScope(LabelSelector rendered, String scope) {
    LabelSelector selector = rendered == null ? new LabelSelector() : rendered;
    Map<String, String> matchLabels = new HashMap<>();
    if (selector.getMatchLabels() != null) {
      matchLabels.putAll(selector.getMatchLabels());
    }
    matchLabels.put(SCOPE_LABEL, scope);
    selector.setMatchLabels(matchLabels);
    return selector;
  }

  private void awaitInjects(Pod probe) {
    ApiRequests api = new ApiRequests(client);
    await("the chart's webhook configuration " + name + " takes effect")
        .atMost(TAKES_EFFECT_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> isInjected(api.dryRunCreate(probe)));
  }

  private static boolean isInjected(ApiAnswer answer) {
    return answer.succeeded()
        && !answer.object(Pod.class).getSpec().getImagePullSecrets().isEmpty();
  }
}
