package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.lookup.LookupResult;

/**
 * What was found out about one needed secret.
 *
 * @param secret the secret's name
 * @param registry the registry whose images need it
 * @param alreadyListed whether the pod spec lists it already (then no lookup was made)
 * @param lookup the lookup's result, or null when none was made
 */
public record SecretCheck(
    String secret, String registry, boolean alreadyListed, LookupResult lookup) {

  /** True when the secret is known to exist or the spec already lists it. */
  public boolean isSatisfied() {
    return alreadyListed || (lookup != null && lookup.isPresent());
  }
}
