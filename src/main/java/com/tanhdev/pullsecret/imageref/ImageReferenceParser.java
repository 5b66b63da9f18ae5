package com.tanhdev.pullsecret.imageref;

import static com.tanhdev.pullsecret.imageref.ImageReference.OFFICIAL_PREFIX;
import static com.tanhdev.pullsecret.imageref.RegistryHost.DOCKER_HUB;

import java.util.Locale;

/**
 * Splits an image string into registry, repository, tag and digest, following {@code
 * distribution/reference} (ParseNormalizedNamed and splitDockerDomain) so that the registry we
 * match is the one the runtime will contact. Each step is a single forward scan: pod specs are
 * attacker-controlled, and a backtracking regular expression could be made to spin on them.
 */
final class ImageReferenceParser {

  // distribution's NameTotalLengthMax: registries refuse longer repository names.
  private static final int MAX_NAME_LENGTH = 255;
  private static final String LOCALHOST = "localhost";

  private ImageReferenceParser() {}

  static ParsedImage parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      return invalid(raw, "image reference is empty");
    }
    if (hasOuterWhitespace(raw)) {
      return invalid(raw, "image reference has leading or trailing whitespace");
    }
    if (ReferenceGrammar.isImageId(raw)) {
      return invalid(raw, "a 64-character hex image ID cannot be used as a repository name");
    }
    // Neither the name nor the tag may contain '@', and the tag follows the last '/'.
    int at = raw.indexOf('@');
    String beforeDigest = at < 0 ? raw : raw.substring(0, at);
    String digest = at < 0 ? null : raw.substring(at + 1);
    int tagColon = beforeDigest.indexOf(':', beforeDigest.lastIndexOf('/') + 1);
    String name = tagColon < 0 ? beforeDigest : beforeDigest.substring(0, tagColon);
    String tag = tagColon < 0 ? null : beforeDigest.substring(tagColon + 1);
    if (name.isEmpty()) {
      return invalid(raw, "image reference has no repository name");
    }
    return parseName(raw, name, tag, digest);
  }

  private static ParsedImage parseName(String raw, String name, String tag, String digest) {
    int slash = name.indexOf('/');
    String firstComponent = slash < 0 ? "" : name.substring(0, slash);
    // A single component ("nginx", even "localhost" or "example.com") is always a Docker Hub name.
    boolean hasRegistry = slash >= 0 && looksLikeRegistry(firstComponent);
    String registry = hasRegistry ? RegistryHost.normalise(firstComponent) : DOCKER_HUB;
    String repository = hasRegistry ? name.substring(slash + 1) : name;
    // Checked after lower-casing (distribution compares case-sensitively) so that one Docker Hub
    // rule, and one repository name, covers DOCKER.IO/nginx as well as docker.io/nginx.
    if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
      repository = OFFICIAL_PREFIX + repository;
    }

    if (registry.length() + 1 + repository.length() > MAX_NAME_LENGTH) {
      return invalid(raw, "repository name must not be more than 255 characters");
    }
    if (hasRegistry && !ReferenceGrammar.isValidRegistry(firstComponent)) {
      return invalid(raw, "registry must be a host name or [IPv6] address with an optional port");
    }
    String pathProblem = ReferenceGrammar.pathProblem(repository);
    if (pathProblem != null) {
      return invalid(raw, pathProblem);
    }
    if (tag != null && !ReferenceGrammar.isValidTag(tag)) {
      return invalid(
          raw,
          "tag must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
    }
    String digestProblem = digest == null ? null : ReferenceGrammar.digestProblem(digest);
    if (digestProblem != null) {
      return invalid(raw, digestProblem);
    }
    return new ParsedImage.Valid(new ImageReference(registry, repository, tag, digest));
  }

  /**
   * splitDockerDomain's rule. A first component with upper case is taken as a host because
   * repository paths may not contain upper case, so it cannot be one.
   */
  private static boolean looksLikeRegistry(String firstComponent) {
    return firstComponent.equals(LOCALHOST)
        || firstComponent.indexOf('.') >= 0
        || firstComponent.indexOf(':') >= 0
        || !firstComponent.toLowerCase(Locale.ROOT).equals(firstComponent);
  }

  private static boolean hasOuterWhitespace(String raw) {
    return Character.isWhitespace(raw.charAt(0))
        || Character.isWhitespace(raw.charAt(raw.length() - 1))
        || Character.isSpaceChar(raw.charAt(0))
        || Character.isSpaceChar(raw.charAt(raw.length() - 1));
  }

  private static ParsedImage invalid(String raw, String reason) {
    return new ParsedImage.Invalid(raw, reason);
  }
}
