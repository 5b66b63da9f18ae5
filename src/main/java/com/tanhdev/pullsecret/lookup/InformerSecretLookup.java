package com.tanhdev.pullsecret.lookup;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers from one informer per configured secret name, each watching that name in all namespaces,
 * and falls back to one bounded live read when the cache does not know the secret yet.
 *
 * <p>Each secret is read once, when the informer receives it, into {@link SecretFacts} (its type,
 * whether its docker config parses, which of the rules' registries it has credentials for); then
 * only its namespace, name and resource version stay in memory, never its data.
 *
 * <p>A name that is not configured is answered with {@link LookupResult#ERROR} without an API call:
 * the RBAC role only grants the configured names, so a live read would be refused anyway, and
 * reading per request would put the API server on the admission hot path.
 */
public final class InformerSecretLookup implements SecretLookup, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InformerSecretLookup.class);

  private final Map<String, WatchedSecretName> watched = new ConcurrentSkipListMap<>();
  private final KubernetesClient client;
  private final PullSecretReader reader = new PullSecretReader(JsonMapper.builder().build());
  private final LiveSecretReader liveReader;
  private volatile boolean started;

  /**
   * @param registriesBySecret each secret name to watch, with the registries the rules pair it with
   */
  public InformerSecretLookup(
      KubernetesClient client,
      Map<String, Set<String>> registriesBySecret,
      Duration liveReadTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    if (liveReadTimeout.isNegative() || liveReadTimeout.isZero()) {
      throw new IllegalArgumentException("liveReadTimeout must be positive: " + liveReadTimeout);
    }
    registriesBySecret.forEach(
        (name, registries) ->
            watched.put(name, WatchedSecretName.create(client, name, registries, reader)));
    this.liveReader = new LiveSecretReader(client, reader, liveReadTimeout);
  }

  /** Starts the informers without waiting for their first list; see {@link #isSynced()}. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    watched.forEach((name, watch) -> start(name, watch));
  }

  /**
   * Starts watching names a reloaded config introduced, so a new rule works without a restart.
   * Names no longer configured keep their informer: a watch is cheap, and a rule that comes back is
   * then answered from a warm cache. A name paired with a registry it was not read for is watched
   * anew (secret data is not kept, so it must be read again); the old watch answers until the new
   * one has listed every copy.
   */
  public synchronized void watchAlso(Map<String, Set<String>> registriesBySecret) {
    registriesBySecret.forEach(
        (name, registries) -> {
          WatchedSecretName current = watched.get(name);
          if (current != null && current.registries().containsAll(registries)) {
            return;
          }
          Set<String> all = new HashSet<>(registries);
          if (current != null) {
            all.addAll(current.registries());
          }
          WatchedSecretName replacement = WatchedSecretName.create(client, name, all, reader);
          if (current == null || !started) {
            watched.put(name, replacement);
            if (current != null) {
              current.informer().close();
            }
            if (started) {
              start(name, replacement);
            }
            return;
          }
          start(name, replacement)
              .thenRun(
                  () -> {
                    watched.put(name, replacement);
                    current.informer().close();
                  });
        });
  }

  private static CompletionStage<Void> start(String name, WatchedSecretName watch) {
    return watch
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
    return inspect(namespace, secretName).result();
  }

  @Override
  public SecretAnswer inspect(String namespace, String secretName) {
    if (namespace == null || secretName == null) {
      return SecretAnswer.existenceOnly(LookupResult.ERROR);
    }
    try {
      WatchedSecretName watch = watched.get(secretName);
      if (watch == null) {
        LOG.debug("secret name {} is not watched; answering error", secretName);
        return SecretAnswer.existenceOnly(LookupResult.ERROR);
      }
      SecretFacts facts = watch.facts(namespace, secretName);
      if (facts != null && watch.isCached(namespace, secretName)) {
        return new SecretAnswer(LookupResult.CACHE_HIT, facts);
      }
      return liveReader.read(namespace, secretName, watch.registries());
    } catch (RuntimeException e) {
      LOG.debug("lookup of secret {}/{} failed: {}", namespace, secretName, e.toString());
      return SecretAnswer.existenceOnly(LookupResult.ERROR);
    }
  }

  @Override
  public boolean isSynced() {
    return started && watched.values().stream().allMatch(w -> w.informer().hasSynced());
  }

  @Override
  public void close() {
    watched.values().forEach(w -> w.informer().close());
    liveReader.close();
  }

  /** What the informers hold; lets tests prove that no secret data is kept. */
  Stream<Secret> cachedSecrets() {
    return watched.values().stream().flatMap(w -> w.informer().getStore().list().stream());
  }

  @Override
  public String toString() {
    return "InformerSecretLookup{watching="
        + watched.keySet()
        + ", cached="
        + cachedSecrets().count()
        + ", synced="
        + isSynced()
        + "}";
  }
}
