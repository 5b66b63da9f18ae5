package com.tanhdev.pullsecret.lookup;

/**
 * Answers whether a named secret exists in a namespace. Production answers from an informer cache
 * (with one bounded live read on a miss); tests use a fake. Implementations never expose secret
 * data.
 */
public interface SecretLookup {

  /** Looks the secret up; never throws: failures and timeouts are {@link LookupResult#ERROR}. */
  LookupResult find(String namespace, String secretName);

  /** True once the cache has listed every watched secret at least once; readiness uses it. */
  boolean isSynced();
}
