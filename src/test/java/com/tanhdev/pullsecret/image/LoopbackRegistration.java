package com.tanhdev.pullsecret.image;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A MutatingWebhookConfiguration for pod creation that sends the API server to {@code
 * https://127.0.0.1:<port>/mutate}, limited to the namespaces labelled {@code label=value}, so the
 * other tests sharing the API server never meet it.
 */
record LoopbackRegistration(String name, String label, String value, int port, String caPem) {

  void apply(KubernetesClient client) {
    client.admissionRegistration().v1().mutatingWebhookConfigurations().resource(build()).create();
  }

  void delete(KubernetesClient client) {
    client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(name).delete();
  }

  private MutatingWebhookConfiguration build() {
    return new MutatingWebhookConfigurationBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .addNewWebhook()
        .withName("pullsecret.tanhdev.com")
        .withNewClientConfig()
        .withUrl("https://127.0.0.1:" + port + "/mutate")
        .withCaBundle(Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)))
        .endClientConfig()
        .addNewRule()
        .withApiGroups("")
        .withApiVersions("v1")
        .withOperations("CREATE")
        .withResources("pods")
        .withScope("Namespaced")
        .endRule()
        .withNewNamespaceSelector()
        .addToMatchLabels(label, value)
        .endNamespaceSelector()
        .withSideEffects("None")
        .withAdmissionReviewVersions("v1")
        // Fail, so that a webhook the API server cannot reach shows as a failed create.
        .withFailurePolicy("Fail")
        .withTimeoutSeconds(5)
        .endWebhook()
        .build();
  }
}
