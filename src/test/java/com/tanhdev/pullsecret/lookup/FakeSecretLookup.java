package com.tanhdev.pullsecret.lookup;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory {@link SecretLookup} for tests: knows the secrets it is told about, nothing else. */
public final class FakeSecretLookup implements SecretLookup {

  private final Map<String, SecretFacts> present = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean failing;
  private volatile boolean synced = true;

  /** A usable secret: a dockerconfigjson with credentials for every registry. */
  public FakeSecretLookup present(String namespace, String name) {
    return present(namespace, name, null);
  }

  /** A secret with these facts; null facts mean usable for every registry. */
  public FakeSecretLookup present(String namespace, String name, SecretFacts facts) {
    present.put(namespace + "/" + name, facts == null ? USABLE : facts);
    return this;
  }

  /** Every lookup answers {@link LookupResult#ERROR}, as when the API server is unreachable. */
  public FakeSecretLookup failing() {
    failing = true;
    return this;
  }

  public FakeSecretLookup notSynced() {
    synced = false;
    return this;
  }

  public int calls() {
    return calls.get();
  }

  @Override
  public LookupResult find(String namespace, String secretName) {
    return inspect(namespace, secretName).result();
  }

  @Override
  public SecretAnswer inspect(String namespace, String secretName) {
    calls.incrementAndGet();
    if (failing) {
      return SecretAnswer.existenceOnly(LookupResult.ERROR);
    }
    SecretFacts facts = present.get(namespace + "/" + secretName);
    return facts == null
        ? SecretAnswer.existenceOnly(LookupResult.MISS)
        : new SecretAnswer(LookupResult.CACHE_HIT, facts == USABLE ? null : facts);
  }

  @Override
  public boolean isSynced() {
    return synced;
  }

  private static final SecretFacts USABLE =
      new SecretFacts(SecretFacts.DOCKER_CONFIG_JSON, null, Set.of());
}
