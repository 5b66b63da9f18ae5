package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.lookup.LookupResult;
import com.tanhdev.pullsecret.lookup.SecretProblem;

/**
 * What was found out about one needed secret.
 *
 * @param secret the secret's name
 * @param registry the registry whose images need it
 * @param alreadyListed whether the pod spec lists it already (then no lookup was made)
 * @param lookup the lookup's result, or null when none was made
 * @param problem why the secret, though it exists, cannot pull from the registry; null when it can
 *     (or was not looked up)
 * @param problemDescription {@code problem} as the end of a sentence about the secret, or null
 * @param isBeingProvisioned the lookup found no such secret, but the provisioner copies it into
 *     this namespace: it is about to exist
 */
public record SecretCheck(
    String secret,
    String registry,
    boolean alreadyListed,
    LookupResult lookup,
    SecretProblem problem,
    String problemDescription,
    boolean isBeingProvisioned) {

  /** A secret the spec already lists: nothing was looked up. */
  static SecretCheck listed(NeededSecret needed) {
    return new SecretCheck(needed.secret(), needed.registry(), true, null, null, null, false);
  }

  /** A secret not in the namespace yet that the provisioner is about to copy there. */
  static SecretCheck beingProvisioned(NeededSecret needed, LookupResult lookup) {
    return new SecretCheck(needed.secret(), needed.registry(), false, lookup, null, null, true);
  }

  /** True when the secret is known to exist and to be usable, or the spec already lists it. */
  public boolean isSatisfied() {
    return alreadyListed || (lookup != null && lookup.isPresent() && problem == null);
  }

  /** True when the secret exists but cannot pull from the registry. */
  public boolean isInvalid() {
    return problem != null;
  }
}
