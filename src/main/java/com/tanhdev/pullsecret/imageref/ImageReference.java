package com.tanhdev.pullsecret.imageref;

import java.util.Objects;

/**
 * A container image reference in the normalised form container runtimes pull from.
 *
 * @param registry lower-case {@code host} or {@code host:port}; {@code docker.io} for Docker Hub,
 *     whether implicit or written as {@code index.docker.io}
 * @param repository the path on the registry, e.g. {@code library/nginx}
 * @param tag the tag, or null
 * @param digest the digest such as {@code sha256:...}, or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  static final String OFFICIAL_PREFIX = "library/";

  public ImageReference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
  }

  /**
   * Reads an image string the way {@code distribution/reference} ParseNormalizedNamed does, in time
   * linear in its length. Never throws: anything a runtime would refuse is {@link
   * ParsedImage.Invalid}.
   */
  public static ParsedImage parse(String raw) {
    return ImageReferenceParser.parse(raw);
  }

  /**
   * True when this image is pulled from exactly {@code registryHost} ({@code host} or {@code
   * host:port}, any case). Whole-string comparison only: a prefix, suffix or path match would let a
   * look-alike registry receive the pull secret.
   */
  public boolean isOnRegistry(String registryHost) {
    return registryHost != null && registry.equals(RegistryHost.normalise(registryHost));
  }
}
