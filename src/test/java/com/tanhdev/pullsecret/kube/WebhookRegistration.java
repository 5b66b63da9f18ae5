package com.tanhdev.pullsecret.kube;

import com.tanhdev.pullsecret.podspec.WorkloadKind;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The MutatingWebhookConfiguration that points the API server at a webhook on loopback. It only
 * selects namespaces carrying {@code selectorLabel=selectorValue}, so several registrations (with
 * different settings, or pointing at a stopped webhook) live side by side without touching each
 * other's namespaces.
 */
record WebhookRegistration(
    String name,
    String selectorLabel,
    String selectorValue,
    int port,
    String caPem,
    String failurePolicy,
    Collection<WorkloadKind> kinds) {

  /** The webhook's name prefixes its audit annotations: pullsecret.tanhdev.com/decision. */
  static final String WEBHOOK_NAME = "pullsecret.tanhdev.com";

  void apply(KubernetesClient client) {
    WebhookConfigurations.create(client, name, build().getWebhooks());
  }

  void delete(KubernetesClient client) {
    WebhookConfigurations.delete(client, name);
  }

  MutatingWebhookConfiguration build() {
    return new MutatingWebhookConfigurationBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withWebhooks(
            new MutatingWebhookBuilder()
                .withName(WEBHOOK_NAME)
                .withClientConfig(clientConfig())
                .withRules(kinds.stream().map(WebhookRegistration::rule).toList())
                .withNamespaceSelector(
                    new LabelSelectorBuilder()
                        .addToMatchLabels(selectorLabel, selectorValue)
                        .build())
                .withSideEffects("None")
                .withAdmissionReviewVersions("v1")
                .withFailurePolicy(failurePolicy)
                .withReinvocationPolicy("IfNeeded")
                .withTimeoutSeconds(5)
                .build())
        .build();
  }

  /** The webhook's address on loopback and the CA that the API server must trust for it. */
  WebhookClientConfig clientConfig() {
    return new WebhookClientConfigBuilder()
        .withUrl("https://127.0.0.1:" + port + "/mutate")
        .withCaBundle(Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)))
        .build();
  }

  /**
   * CREATE and UPDATE for every configured kind, wider than the chart registers on purpose: the
   * webhook itself must ignore what its config does not handle (a Pod UPDATE, say), and these tests
   * prove that it does.
   */
  private static RuleWithOperations rule(WorkloadKind kind) {
    return new RuleWithOperationsBuilder()
        .withApiGroups(kind.group())
        .withApiVersions("v1")
        .withOperations(List.of("CREATE", "UPDATE"))
        .withResources(kind.kind().toLowerCase(Locale.ROOT) + "s")
        .withScope("Namespaced")
        .build();
  }
}
