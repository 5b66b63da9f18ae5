package com.tanhdev.pullsecret.policy;

/** What to do when a needed secret does not exist (or cannot be confirmed) in the namespace. */
public enum MissingSecretPolicy {
  /** No entry for that secret, plus a warning naming it. */
  SKIP,
  /** Add the entry anyway, plus a warning: the pod fails to pull until the secret appears. */
  INJECT,
  /**
   * Reject Pods so their controller retries until the secret exists. Workload templates are never
   * denied for this: a denied Deployment would block a whole GitOps sync.
   */
  DENY
}
