package com.tanhdev.pullsecret.it.certs;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * A MutatingWebhookConfiguration that calls webhooks by URL, one entry per URL, for Pod CREATE in
 * the namespaces carrying {@code selectorLabel=selectorValue} only. Its failurePolicy is Fail, so a
 * call that fails for any reason (TLS included) rejects the pod instead of passing unnoticed.
 *
 * @param caBundle base64 of the PEM CAs, as pasted into the manifest; null for none (the API server
 *     then trusts the system roots only, as in a fresh selfManaged install)
 */
record UrlRegistration(
    String name, String selectorLabel, String selectorValue, String caBundle, List<String> urls) {

  UrlRegistration {
    urls = List.copyOf(urls);
  }

  void apply(KubernetesClient client) {
    List<MutatingWebhook> webhooks = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      webhooks.add(webhook("inject" + i + ".pullsecret.tanhdev.com", urls.get(i)));
    }
    client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .resource(
            new MutatingWebhookConfigurationBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withWebhooks(webhooks)
                .build())
        .create();
  }

  /** Points the first webhook entry at another URL, keeping everything else. */
  void repoint(KubernetesClient client, String url) {
    client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .withName(name)
        .edit(
            configuration -> {
              configuration.getWebhooks().get(0).getClientConfig().setUrl(url);
              return configuration;
            });
  }

  void delete(KubernetesClient client) {
    client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(name).delete();
  }

  private MutatingWebhook webhook(String webhookName, String url) {
    return new MutatingWebhookBuilder()
        .withName(webhookName)
        .withNewClientConfig()
        .withUrl(url)
        .withCaBundle(caBundle)
        .endClientConfig()
        .addNewRule()
        .withApiGroups("")
        .withApiVersions("v1")
        .withOperations("CREATE")
        .withResources("pods")
        .withScope("Namespaced")
        .endRule()
        .withNamespaceSelector(
            new LabelSelectorBuilder().addToMatchLabels(selectorLabel, selectorValue).build())
        .withSideEffects("None")
        .withAdmissionReviewVersions("v1")
        .withFailurePolicy("Fail")
        .withTimeoutSeconds(5)
        .build();
  }
}
