package com.tanhdev.pullsecret.lookup;

import java.util.Optional;
import java.util.Set;

/**
 * What is kept of a pull secret once it has been read: its type, why its docker config cannot be
 * read (if so), and which of the configured registries it holds credentials for. Nothing else of
 * the secret, and none of its data, is kept.
 *
 * @param type the Secret's type
 * @param unreadableReason why {@code .dockerconfigjson} cannot be read, or null when it can
 * @param registries the configured registries ({@code host[:port]}) some {@code auths} key matches
 */
public record SecretFacts(String type, String unreadableReason, Set<String> registries) {

  /** The only type the webhook accepts for a pull secret. */
  public static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";

  public SecretFacts {
    registries = Set.copyOf(registries);
  }

  /** What stops this secret from pulling from {@code registry}, if anything. */
  public Optional<SecretProblem> problemFor(String registry) {
    if (!DOCKER_CONFIG_JSON.equals(type)) {
      return Optional.of(SecretProblem.WRONG_TYPE);
    }
    if (unreadableReason != null) {
      return Optional.of(SecretProblem.UNPARSABLE);
    }
    return registries.contains(registry)
        ? Optional.empty()
        : Optional.of(SecretProblem.LACKS_REGISTRY);
  }

  /**
   * The problem as the end of a sentence that starts with the secret and its namespace, for
   * warnings and findings: "is of type Opaque, not kubernetes.io/dockerconfigjson".
   */
  public Optional<String> describeProblemFor(String registry) {
    return problemFor(registry)
        .map(
            problem ->
                switch (problem) {
                  case WRONG_TYPE -> "is of type " + type + ", not " + DOCKER_CONFIG_JSON;
                  case UNPARSABLE ->
                      "has a .dockerconfigjson that cannot be read: " + unreadableReason;
                  case LACKS_REGISTRY -> "has no credentials for " + registry;
                });
  }
}
