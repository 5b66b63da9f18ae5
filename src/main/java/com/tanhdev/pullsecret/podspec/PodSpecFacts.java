package com.tanhdev.pullsecret.podspec;

import java.util.List;

/**
 * What the decision needs to know about a pod spec, read from its raw JSON.
 *
 * @param images every image the spec pulls, in document order
 * @param pullSecretsField the state of {@code imagePullSecrets}
 * @param existingSecrets names already listed in {@code imagePullSecrets}
 * @param problems human sentences about container fields of the wrong type (warnings)
 * @param pullSecretsProblem why {@code imagePullSecrets} cannot be patched, or null when it can
 */
public record PodSpecFacts(
    List<ContainerImage> images,
    PullSecretsField pullSecretsField,
    List<String> existingSecrets,
    List<String> problems,
    String pullSecretsProblem) {

  public PodSpecFacts {
    images = List.copyOf(images);
    existingSecrets = List.copyOf(existingSecrets);
    problems = List.copyOf(problems);
  }

  public boolean lists(String secret) {
    return existingSecrets.contains(secret);
  }
}
