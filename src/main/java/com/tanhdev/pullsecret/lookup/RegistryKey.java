package com.tanhdev.pullsecret.lookup;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The registry part of a key in a docker config's {@code auths}, read the way the kubelet reads it:
 * an optional {@code http://} or {@code https://} scheme and an optional path are allowed, the host
 * is compared without regard to case, a {@code *} in the host matches within one dot-separated part
 * (as in {@code *.tanhdev.com}), and the port must be equal (absent on both sides included).
 *
 * <p>A key with a path ({@code registry-api.tanhdev.com/auth}) counts as credentials for the
 * registry: the kubelet then uses it only for images under that path, which depends on the image
 * and is not judged here.
 *
 * @param host the lower-case host, possibly with {@code *} wildcards
 * @param port the port, or "" when the key has none
 */
record RegistryKey(String host, String port) {

  /** Reads an {@code auths} key. */
  static RegistryKey parse(String key) {
    String value = key;
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://")) {
      value = value.substring("https://".length());
    } else if (lower.startsWith("http://")) {
      value = value.substring("http://".length());
    }
    int slash = value.indexOf('/');
    return ofHostAndPort(slash < 0 ? value : value.substring(0, slash));
  }

  /** True when images from {@code registry} ({@code host[:port]}) would use this key. */
  boolean matches(String registry) {
    RegistryKey target = ofHostAndPort(registry);
    if (!port.equals(target.port)) {
      return false;
    }
    String[] patternParts = host.split("\\.", -1);
    String[] targetParts = target.host.split("\\.", -1);
    if (patternParts.length != targetParts.length) {
      return false;
    }
    for (int i = 0; i < patternParts.length; i++) {
      if (!globMatches(patternParts[i], targetParts[i])) {
        return false;
      }
    }
    return true;
  }

  private static RegistryKey ofHostAndPort(String hostAndPort) {
    String lower = hostAndPort.toLowerCase(Locale.ROOT);
    int colon = lower.lastIndexOf(':');
    String host = colon < 0 ? lower : lower.substring(0, colon);
    String port = colon < 0 ? "" : lower.substring(colon + 1);
    // The kubelet files Docker Hub credentials under index.docker.io; rules call it docker.io.
    return new RegistryKey(host.equals("index.docker.io") ? "docker.io" : host, port);
  }

  private static boolean globMatches(String pattern, String part) {
    if (!pattern.contains("*")) {
      return pattern.equals(part);
    }
    StringBuilder regex = new StringBuilder();
    for (String literal : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(literal));
    }
    return part.matches(regex.toString());
  }
}
