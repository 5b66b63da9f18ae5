package com.tanhdev.pullsecret.image;

import com.tanhdev.pullsecret.kube.WebhookConfigurations;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A MutatingWebhookConfiguration for pod creation that sends the API server to {@code
 * https://127.0.0.1:<port>/mutate}, limited to the namespaces labelled {@code label=value}, so the
 * other tests sharing the API server never meet it.
 */
record LoopbackRegistration(String name, String label, String value, int port, String caPem) {

  void apply(KubernetesClient client) {
    String caBundle = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
    WebhookConfigurations.create(
        client,
        name,
        List.of(
            WebhookConfigurations.podCreate(
                "pullsecret.tanhdev.com",
                "https://127.0.0.1:" + port + "/mutate",
                caBundle,
                label,
                value)));
  }

  void delete(KubernetesClient client) {
    WebhookConfigurations.delete(client, name);
  }
}
