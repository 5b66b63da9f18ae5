package com.tanhdev.pullsecret.lookup;

/**
 * What a lookup found: how it was answered (for the metric) and, when the secret exists and was
 * read, what it can pull from.
 *
 * @param result how the lookup ended
 * @param facts the secret's facts, or null when it was not found, or when the lookup only knows
 *     existence (then the secret is taken to be usable, as before validity was checked)
 */
public record SecretAnswer(LookupResult result, SecretFacts facts) {

  /** An answer from a lookup that knows whether the secret exists, but not what it holds. */
  public static SecretAnswer existenceOnly(LookupResult result) {
    return new SecretAnswer(result, null);
  }
}
