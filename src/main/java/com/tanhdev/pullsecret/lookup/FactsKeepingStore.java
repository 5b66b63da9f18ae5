package com.tanhdev.pullsecret.lookup;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An informer's store that reads each secret it receives into {@link SecretFacts}, then hands the
 * secret on to a store that keeps only its metadata key and resource version. The full secret is
 * dropped when {@link #put} returns.
 */
final class FactsKeepingStore implements ItemStore<Secret> {

  private final ItemStore<Secret> metadataOnly;
  private final PullSecretReader reader;
  private final Set<String> registries;
  private final Map<String, SecretFacts> factsByKey = new ConcurrentHashMap<>();

  FactsKeepingStore(
      ItemStore<Secret> metadataOnly, PullSecretReader reader, Set<String> registries) {
    this.metadataOnly = metadataOnly;
    this.reader = reader;
    this.registries = Set.copyOf(registries);
  }

  /** The facts of a cached secret, or null when the cache does not hold it. */
  SecretFacts facts(String key) {
    return factsByKey.get(key);
  }

  @Override
  public Secret put(String key, Secret secret) {
    factsByKey.put(key, reader.read(secret, registries));
    return metadataOnly.put(key, secret);
  }

  @Override
  public Secret remove(String key) {
    factsByKey.remove(key);
    return metadataOnly.remove(key);
  }

  @Override
  public String getKey(Secret secret) {
    return metadataOnly.getKey(secret);
  }

  @Override
  public Stream<String> keySet() {
    return metadataOnly.keySet();
  }

  @Override
  public Stream<Secret> values() {
    return metadataOnly.values();
  }

  @Override
  public int size() {
    return metadataOnly.size();
  }

  @Override
  public Secret get(String key) {
    return metadataOnly.get(key);
  }

  @Override
  public boolean isFullState() {
    return metadataOnly.isFullState();
  }
}
