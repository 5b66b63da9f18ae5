package com.tanhdev.pullsecret.lookup;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory {@link SecretLookup} for tests: knows the secrets it is told about, nothing else. */
public final class FakeSecretLookup implements SecretLookup {

  private final Set<String> present = ConcurrentHashMap.newKeySet();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean failing;
  private volatile boolean synced = true;

  public FakeSecretLookup present(String namespace, String name) {
    present.add(namespace + "/" + name);
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
    calls.incrementAndGet();
    if (failing) {
      return LookupResult.ERROR;
    }
    return present.contains(namespace + "/" + secretName)
        ? LookupResult.CACHE_HIT
        : LookupResult.MISS;
  }

  @Override
  public boolean isSynced() {
    return synced;
  }
}
