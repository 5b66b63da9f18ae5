package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.lookup.NamespaceLabels;
import com.tanhdev.pullsecret.lookup.SecretLookup;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the policy in force. A config reload swaps it in one step, so a review is decided wholly by
 * the old settings or wholly by the new ones.
 */
public final class CurrentPolicy {

  private final SecretLookup lookup;
  private final NamespaceLabels namespaceLabels;
  private final AtomicReference<InjectionPolicy> policy;

  public CurrentPolicy(PolicySettings settings, SecretLookup lookup) {
    this(settings, lookup, NamespaceLabels.UNKNOWN);
  }

  public CurrentPolicy(
      PolicySettings settings, SecretLookup lookup, NamespaceLabels namespaceLabels) {
    this.lookup = lookup;
    this.namespaceLabels = namespaceLabels;
    this.policy = new AtomicReference<>(new InjectionPolicy(settings, lookup, namespaceLabels));
  }

  public InjectionPolicy get() {
    return policy.get();
  }

  public void replace(PolicySettings settings) {
    policy.set(new InjectionPolicy(settings, lookup, namespaceLabels));
  }
}
