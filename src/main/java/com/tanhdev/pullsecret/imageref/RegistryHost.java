package com.tanhdev.pullsecret.imageref;

/**
 * The one spelling of a registry ({@code host} or {@code host:port}) that image references and
 * registry rules are compared in. Both sides go through {@link #normalise}, so a rule and an image
 * that name the same registry agree by construction.
 */
public final class RegistryHost {

  /** Docker Hub, whether implicit in a short name or written out. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String LEGACY_DOCKER_HUB = "index.docker.io";

  private RegistryHost() {}

  /**
   * Lower-cases ASCII letters only, whatever the default locale: a Turkish locale would turn 'I'
   * into a dotless 'ı', and full Unicode lower-casing turns look-alikes such as the Kelvin sign
   * into 'k', which would let a host that is not the rule's match it. {@code index.docker.io}
   * becomes {@code docker.io}, as runtimes treat them as one registry.
   */
  public static String normalise(String host) {
    StringBuilder lower = new StringBuilder(host.length());
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    String normalised = lower.toString();
    return normalised.equals(LEGACY_DOCKER_HUB) ? DOCKER_HUB : normalised;
  }
}
