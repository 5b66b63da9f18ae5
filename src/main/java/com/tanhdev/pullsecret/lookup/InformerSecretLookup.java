package com.tanhdev.pullsecret.lookup;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers from one informer per configured secret name, each watching that name in all namespaces,
 * and falls back to one bounded live read when the cache does not know the secret yet.
 *
 * <p>The informers keep only each secret's namespace, name and resource version, never its data: a
 * pull secret is a registry credential, and this class only needs to know that it exists.
 *
 * <p>A name that is not configured is answered with {@link LookupResult#ERROR} without an API call:
 * the RBAC role only grants the configured names, so a live read would be refused anyway, and
 * reading per request would put the API server on the admission hot path.
 */
public final class InformerSecretLookup implements SecretLookup, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InformerSecretLookup.class);

  private final Map<String, SharedIndexInformer<Secret>> informersBySecretName =
      new ConcurrentSkipListMap<>();
  private final KubernetesClient client;
  private final LiveSecretReader liveReader;
  private volatile boolean started;

  public InformerSecretLookup(
      KubernetesClient client, Collection<String> secretNames, Duration liveReadTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    if (liveReadTimeout.isNegative() || liveReadTimeout.isZero()) {
      throw new IllegalArgumentException("liveReadTimeout must be positive: " + liveReadTimeout);
    }
    for (String name : secretNames) {
      informersBySecretName.put(name, metadataOnlyInformer(client, name));
    }
    this.liveReader = new LiveSecretReader(client, liveReadTimeout);
  }

  /** Starts the informers without waiting for their first list; see {@link #isSynced()}. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    informersBySecretName.forEach(InformerSecretLookup::startInformer);
  }

  /**
   * Starts watching names a reloaded config introduced, so a new rule works without a restart.
   * Names no longer configured keep their informer: a watch is cheap, and a rule that comes back is
   * then answered from a warm cache.
   */
  public synchronized void watchAlso(Collection<String> secretNames) {
    for (String name : secretNames) {
      if (!informersBySecretName.containsKey(name)) {
        SharedIndexInformer<Secret> informer = metadataOnlyInformer(client, name);
        informersBySecretName.put(name, informer);
        if (started) {
          startInformer(name, informer);
        }
      }
    }
  }

  private static void startInformer(String name, SharedIndexInformer<Secret> informer) {
    informer
        .start()
        .whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                LOG.warn("informer for secret name {} failed to start", name, failure);
              }
            });
  }

  @Override
  public LookupResult find(String namespace, String secretName) {
    if (namespace == null || secretName == null) {
      return LookupResult.ERROR;
    }
    try {
      SharedIndexInformer<Secret> informer = informersBySecretName.get(secretName);
      if (informer == null) {
        LOG.debug("secret name {} is not watched; answering error", secretName);
        return LookupResult.ERROR;
      }
      if (informer.getStore().getByKey(Cache.namespaceKeyFunc(namespace, secretName)) != null) {
        return LookupResult.CACHE_HIT;
      }
      return liveReader.read(namespace, secretName);
    } catch (RuntimeException e) {
      LOG.debug("lookup of secret {}/{} failed: {}", namespace, secretName, e.toString());
      return LookupResult.ERROR;
    }
  }

  @Override
  public boolean isSynced() {
    return started
        && informersBySecretName.values().stream().allMatch(SharedIndexInformer::hasSynced);
  }

  @Override
  public void close() {
    informersBySecretName.values().forEach(SharedIndexInformer::close);
    liveReader.close();
  }

  /** What the informers hold; lets tests prove that no secret data is kept. */
  Stream<Secret> cachedSecrets() {
    return informersBySecretName.values().stream().flatMap(i -> i.getStore().list().stream());
  }

  @Override
  public String toString() {
    return "InformerSecretLookup{watching="
        + informersBySecretName.keySet()
        + ", cached="
        + cachedSecrets().count()
        + ", synced="
        + isSynced()
        + "}";
  }

  /**
   * The field selector on metadata.name is what lets the API server authorize a cluster-wide
   * list/watch against an RBAC rule restricted by resourceNames. The reduced item store keeps only
   * the key and resource version of each secret, so the data never stays in memory.
   */
  private static SharedIndexInformer<Secret> metadataOnlyInformer(
      KubernetesClient client, String secretName) {
    return client
        .secrets()
        .inAnyNamespace()
        .withField("metadata.name", secretName)
        .runnableInformer(0)
        .itemStore(
            new ReducedStateItemStore<>(
                ReducedStateItemStore.NAME_KEY_STATE,
                Secret.class,
                client.getKubernetesSerialization()));
  }
}
