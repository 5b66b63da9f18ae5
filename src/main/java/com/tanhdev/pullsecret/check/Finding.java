package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.policy.NeededSecret;

/**
 * A workload whose images need a pull secret its {@code imagePullSecrets} does not list. The
 * components are, in this order, the fields of a finding in {@code --output json}.
 *
 * @param file where the workload was read from
 * @param kind the workload's kind
 * @param namespace its namespace, or "" when the manifest has none
 * @param name its name
 * @param container the first container pulling from the rule's registry
 * @param image that container's image, as written
 * @param secret the secret the rule names
 */
public record Finding(
    String file,
    String kind,
    String namespace,
    String name,
    String container,
    String image,
    String secret) {

  static Finding of(String file, WorkloadName workload, NeededSecret needed) {
    return new Finding(
        file,
        workload.kind().kind(),
        workload.namespace(),
        workload.name(),
        needed.firstImage().container(),
        needed.firstImage().image(),
        needed.secret());
  }
}
