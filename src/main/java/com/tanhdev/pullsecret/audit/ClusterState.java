package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.lookup.SecretFacts;
import java.util.List;
import java.util.Map;

/**
 * What {@code audit} read from the cluster: only what its checks need, and of the rules' secrets
 * only their {@link SecretFacts}.
 *
 * @param namespaces the audited namespaces' names
 * @param secrets per namespace, the rules' secrets found there
 * @param serviceAccountPullSecrets per namespace and ServiceAccount, its imagePullSecrets names
 * @param objects workloads and Pods in the audited namespaces
 */
record ClusterState(
    List<String> namespaces,
    Map<String, Map<String, SecretFacts>> secrets,
    Map<String, Map<String, List<String>>> serviceAccountPullSecrets,
    List<AuditedObject> objects) {

  SecretFacts secret(String namespace, String name) {
    return secrets.getOrDefault(namespace, Map.of()).get(name);
  }

  /** The ServiceAccount's pull secrets, empty when it (or the field) does not exist. */
  List<String> serviceAccountSecrets(String namespace, String serviceAccount) {
    return serviceAccountPullSecrets
        .getOrDefault(namespace, Map.of())
        .getOrDefault(serviceAccount, List.of());
  }
}
