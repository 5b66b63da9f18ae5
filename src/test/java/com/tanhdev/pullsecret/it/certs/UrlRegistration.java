package com.tanhdev.pullsecret.it.certs;

import com.tanhdev.pullsecret.kube.WebhookConfigurations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
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
      webhooks.add(
          WebhookConfigurations.podCreate(
              "inject" + i + ".pullsecret.tanhdev.com",
              urls.get(i),
              caBundle,
              selectorLabel,
              selectorValue));
    }
    WebhookConfigurations.create(client, name, webhooks);
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
    WebhookConfigurations.delete(client, name);
  }
}
