package com.tanhdev.pullsecret.kube;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** Creates and deletes the MutatingWebhookConfigurations tests register their webhooks with. */
public final class WebhookConfigurations {

  private WebhookConfigurations() {}

  public static void create(KubernetesClient client, String name, List<MutatingWebhook> webhooks) {
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

  public static void delete(KubernetesClient client, String name) {
    client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(name).delete();
  }

  /**
   * An entry that sends Pod CREATE in the namespaces labelled {@code selectorLabel=selectorValue}
   * to {@code url}. Its failurePolicy is Fail, so that a call that fails for any reason (TLS
   * included) shows as a rejected pod instead of passing unnoticed.
   *
   * @param caBundle base64 of the PEM CAs, as pasted into a manifest; null for none
   */
  public static MutatingWebhook podCreate(
      String webhookName, String url, String caBundle, String selectorLabel, String selectorValue) {
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
