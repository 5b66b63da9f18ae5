package com.tanhdev.pullsecret.tls.selfmanaged;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Keeps the caBundle of every webhook in one MutatingWebhookConfiguration equal to the trusted CAs.
 * Needs get and patch on that configuration only.
 *
 * <p>The patch names each webhook by its index without locking on the resourceVersion: every
 * webhook gets the same value, so a concurrent change to the list at worst makes the patch fail (an
 * index out of range) or land on another entry that needs the same value; the next check corrects
 * either.
 */
public final class CaBundlePublisher {

  private static final Logger log = LoggerFactory.getLogger(CaBundlePublisher.class);

  private final KubernetesClient client;
  private final String webhookConfigurationName;
  private String lastProblem; // logged once, not on every check

  public CaBundlePublisher(KubernetesClient client, String webhookConfigurationName) {
    this.client = client;
    this.webhookConfigurationName = webhookConfigurationName;
  }

  /**
   * Patches the webhooks whose caBundle differs; true when all of them now trust exactly these CAs.
   * Failures are logged and answered with false: the caller retries on its next check.
   */
  public synchronized boolean publish(String caBundlePem) {
    String wanted = Base64.getEncoder().encodeToString(caBundlePem.getBytes(US_ASCII));
    try {
      MutatingWebhookConfiguration configuration = resource().get();
      if (configuration == null) {
        return problem("it does not exist (yet)");
      }
      List<MutatingWebhook> webhooks = configuration.getWebhooks();
      if (webhooks == null || webhooks.isEmpty()) {
        return problem("it has no webhooks");
      }
      ArrayNode patch = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < webhooks.size(); i++) {
        var clientConfig = webhooks.get(i).getClientConfig();
        if (clientConfig == null || !Objects.equals(clientConfig.getCaBundle(), wanted)) {
          // "add" sets the field whether or not it is there already.
          patch
              .addObject()
              .put("op", "add")
              .put("path", "/webhooks/" + i + "/clientConfig/caBundle")
              .put("value", wanted);
        }
      }
      if (!patch.isEmpty()) {
        resource().patch(PatchContext.of(PatchType.JSON), patch.toString());
        log.info(
            "Published the caBundle to {} webhook(s) of MutatingWebhookConfiguration {}",
            patch.size(),
            webhookConfigurationName);
      }
      lastProblem = null;
      return true;
    } catch (KubernetesClientException e) {
      return problem("the API server answered " + e.getCode() + ": " + e.getMessage());
    }
  }

  private boolean problem(String problem) {
    // An interrupted call is the process shutting down, not the API server refusing.
    if (!problem.equals(lastProblem) && !Thread.currentThread().isInterrupted()) {
      log.warn(
          "Cannot keep the caBundle of MutatingWebhookConfiguration {} current: {}",
          webhookConfigurationName,
          problem);
    }
    lastProblem = problem;
    return false;
  }

  private io.fabric8.kubernetes.client.dsl.Resource<MutatingWebhookConfiguration> resource() {
    return client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .withName(webhookConfigurationName);
  }
}
