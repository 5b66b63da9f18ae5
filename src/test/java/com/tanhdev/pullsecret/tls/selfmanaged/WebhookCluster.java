package com.tanhdev.pullsecret.tls.selfmanaged;

import static com.tanhdev.pullsecret.tls.selfmanaged.TestSettings.CONFIGURATION;
import static com.tanhdev.pullsecret.tls.selfmanaged.TestSettings.NAMESPACE;
import static com.tanhdev.pullsecret.tls.selfmanaged.TestSettings.SECRET;

import com.tanhdev.pullsecret.kube.WebhookConfigurations;
import com.tanhdev.pullsecret.testing.SelfManagedView;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.stream.IntStream;

/** The webhook's home in a mock cluster, under the production names, as the chart installs it. */
final class WebhookCluster extends SelfManagedView {

  private final KubernetesClient client;

  WebhookCluster(KubernetesClient client) {
    super(client, NAMESPACE, SECRET, CONFIGURATION);
    this.client = client;
  }

  /** A webhook configuration as the chart installs it in selfManaged mode: no caBundle. */
  void installWebhookConfiguration(int webhooks) {
    List<MutatingWebhook> entries =
        IntStream.range(0, webhooks)
            .mapToObj(
                i ->
                    new MutatingWebhookBuilder()
                        .withName("inject" + i + ".pullsecret.tanhdev.com")
                        .withNewClientConfig()
                        .withNewService()
                        .withNamespace(NAMESPACE)
                        .withName("pullsecret-webhook")
                        .withPath("/mutate")
                        .endService()
                        .endClientConfig()
                        .build())
            .toList();
    WebhookConfigurations.create(client, CONFIGURATION, entries);
  }
}
