package com.tanhdev.pullsecret.lookup;

import com.tanhdev.pullsecret.metrics.WebhookMetrics;

/** Counts every lookup by result, so "0 API calls per admission" can be seen on /metrics. */
public final class CountingSecretLookup implements SecretLookup {

  private final SecretLookup delegate;
  private final WebhookMetrics metrics;

  public CountingSecretLookup(SecretLookup delegate, WebhookMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public LookupResult find(String namespace, String secretName) {
    LookupResult result = delegate.find(namespace, secretName);
    metrics.lookup(result.label());
    return result;
  }

  @Override
  public SecretAnswer inspect(String namespace, String secretName) {
    SecretAnswer answer = delegate.inspect(namespace, secretName);
    metrics.lookup(answer.result().label());
    return answer;
  }

  @Override
  public boolean isSynced() {
    return delegate.isSynced();
  }
}
