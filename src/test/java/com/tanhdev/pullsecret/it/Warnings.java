package com.tanhdev.pullsecret.it;

import com.tanhdev.pullsecret.kube.TestNamespace;

/** Warnings the webhook gives users, word for word as kubectl prints them. */
final class Warnings {

  private Warnings() {}

  /** The secret is neither in the namespace nor being provisioned there: the object is admitted. */
  static String missingSecret(String secret, TestNamespace namespace) {
    return "pullsecret-webhook: secret "
        + secret
        + " does not exist in namespace "
        + namespace.name()
        + "; not added";
  }
}
