package com.tanhdev.pullsecret.lookup;

/**
 * Answers whether a named secret exists in a namespace, and what it can pull from. Production
 * answers from an informer cache (with one bounded live read on a miss); tests use a fake.
 * Implementations never expose secret data.
 */
public interface SecretLookup {

  /** Looks the secret up; never throws: failures and timeouts are {@link LookupResult#ERROR}. */
  LookupResult find(String namespace, String secretName);

  /**
   * Looks the secret up and says what it holds. Lookups that only know existence answer without
   * facts, and a found secret is then taken to be usable.
   */
  default SecretAnswer inspect(String namespace, String secretName) {
    return SecretAnswer.existenceOnly(find(namespace, secretName));
  }

  /** True once the cache has listed every watched secret at least once; readiness uses it. */
  boolean isSynced();
}
