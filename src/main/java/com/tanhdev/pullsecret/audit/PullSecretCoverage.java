package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.podspec.PodSpecFacts;
import tools.jackson.databind.JsonNode;

/**
 * Whether a pod spec will pull with a secret: it lists it, or it lists no pull secret at all and
 * its ServiceAccount does. The API server's ServiceAccount admission copies the account's
 * imagePullSecrets into a pod only when the pod has none of its own.
 */
final class PullSecretCoverage {

  private PullSecretCoverage() {}

  static boolean covers(
      ClusterState state, String namespace, JsonNode podSpec, PodSpecFacts facts, String secret) {
    if (facts.lists(secret)) {
      return true;
    }
    return facts.existingSecrets().isEmpty()
        && state.serviceAccountSecrets(namespace, serviceAccount(podSpec)).contains(secret);
  }

  /** {@code serviceAccount} is the deprecated spelling, still honoured by the API server. */
  private static String serviceAccount(JsonNode podSpec) {
    for (String field : new String[] {"serviceAccountName", "serviceAccount"}) {
      JsonNode name = podSpec.path(field);
      if (name.isString() && !name.stringValue().isEmpty()) {
        return name.stringValue();
      }
    }
    return "default";
  }
}
