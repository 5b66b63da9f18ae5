package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.lookup.SecretLookup;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the policy in force. A config reload swaps it in one step, so a review is decided wholly by
 * the old settings or wholly by the new ones.
 */
public final class CurrentPolicy {

  private final SecretLookup lookup;
  private final AtomicReference<InjectionPolicy> policy;

  public CurrentPolicy(PolicySettings settings, SecretLookup lookup) {
    this.lookup = lookup;
    this.policy = new AtomicReference<>(new InjectionPolicy(settings, lookup));
  }

  public InjectionPolicy get() {
    return policy.get();
  }

  public void replace(PolicySettings settings) {
    policy.set(new InjectionPolicy(settings, lookup));
  }
}
