package com.tanhdev.pullsecret.lookup;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One secret name watched in every namespace, with the facts of each copy read for the registries
 * the rules pair with that name.
 *
 * @param registries the registries whose credentials are looked for in this name's secrets
 */
record WatchedSecretName(
    SharedIndexInformer<Secret> informer, FactsKeepingStore store, Set<String> registries) {

  /**
   * The field selector on metadata.name is what lets the API server authorize a cluster-wide
   * list/watch against an RBAC rule restricted by resourceNames. The reduced item store keeps only
   * the key and resource version of each secret, so the data never stays in memory.
   */
  static WatchedSecretName create(
      KubernetesClient client, String secretName, Set<String> registries, PullSecretReader reader) {
    FactsKeepingStore store =
        new FactsKeepingStore(
            new ReducedStateItemStore<>(
                ReducedStateItemStore.NAME_KEY_STATE,
                Secret.class,
                client.getKubernetesSerialization()),
            reader,
            registries);
    SharedIndexInformer<Secret> informer =
        client
            .secrets()
            .inAnyNamespace()
            .withField("metadata.name", secretName)
            .runnableInformer(0)
            .itemStore(store);
    return new WatchedSecretName(informer, store, Set.copyOf(registries));
  }

  CompletionStage<Void> start() {
    return informer.start();
  }

  boolean isCached(String namespace, String secretName) {
    return informer.getStore().getByKey(Cache.namespaceKeyFunc(namespace, secretName)) != null;
  }

  /** The cached copy's facts, or null when the cache does not hold it. */
  SecretFacts facts(String namespace, String secretName) {
    return store.facts(Cache.namespaceKeyFunc(namespace, secretName));
  }
}
