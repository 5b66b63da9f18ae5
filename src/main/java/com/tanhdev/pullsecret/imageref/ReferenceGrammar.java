package com.tanhdev.pullsecret.imageref;

import java.util.function.IntPredicate;

/**
 * The character-level rules of {@code distribution/reference} (regexp.go) and {@code go-digest},
 * written as forward scans that visit each character a bounded number of times. Only ASCII counts
 * as a letter or digit, as in the Go regular expressions.
 */
final class ReferenceGrammar {

  private static final int MAX_TAG_LENGTH = 128;
  private static final int IMAGE_ID_LENGTH = 64;
  private static final int MIN_DIGEST_HEX = 32;
  private static final IntPredicate DIGIT = c -> c >= '0' && c <= '9';
  private static final IntPredicate LETTER = c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  private static final IntPredicate ALPHANUMERIC = LETTER.or(DIGIT);
  private static final IntPredicate LOWER_ALPHANUMERIC = DIGIT.or(c -> c >= 'a' && c <= 'z');
  private static final IntPredicate LOWER_HEX = DIGIT.or(c -> c >= 'a' && c <= 'f');
  private static final IntPredicate HEX = LOWER_HEX.or(c -> c >= 'A' && c <= 'F');
  private static final IntPredicate WORD = ALPHANUMERIC.or(c -> c == '_');

  private ReferenceGrammar() {}

  /** A bare image ID, which the runtime would take for a name; distribution refuses it. */
  static boolean isImageId(String raw) {
    return raw.length() == IMAGE_ID_LENGTH && all(raw, 0, raw.length(), LOWER_HEX);
  }

  /** {@code host[:port]} where host is dot-joined labels or a bracketed IPv6 literal. */
  static boolean isValidRegistry(String registry) {
    int hostEnd;
    if (registry.startsWith("[")) {
      int close = registry.indexOf(']');
      if (close < 2 || !all(registry, 1, close, HEX.or(c -> c == ':'))) {
        return false;
      }
      hostEnd = close + 1;
    } else {
      int colon = registry.indexOf(':');
      hostEnd = colon < 0 ? registry.length() : colon;
      if (!isValidHostName(registry, hostEnd)) {
        return false;
      }
    }
    return hostEnd == registry.length()
        || (registry.charAt(hostEnd) == ':'
            && hostEnd + 1 < registry.length()
            && all(registry, hostEnd + 1, registry.length(), DIGIT));
  }

  /** Why the repository path is invalid, or null when it is valid. */
  static String pathProblem(String path) {
    if (path.chars().anyMatch(c -> c >= 'A' && c <= 'Z')) {
      return "repository path must be lower case";
    }
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        if (i == start) {
          return "repository path must not have an empty component (leading, trailing or '//')";
        }
        if (!isValidPathComponent(path, start, i)) {
          return "repository path components must be lower-case letters and digits"
              + " joined by '.', '_', '__' or dashes";
        }
        start = i + 1;
      }
    }
    return null;
  }

  static boolean isValidTag(String tag) {
    return !tag.isEmpty()
        && tag.length() <= MAX_TAG_LENGTH
        && WORD.test(tag.charAt(0))
        && all(tag, 1, tag.length(), WORD.or(c -> c == '.' || c == '-'));
  }

  /**
   * Why the digest is invalid, or null. Beyond the reference grammar, go-digest (which every
   * runtime applies next) only knows sha256, sha384 and sha512, each with lower-case hex of fixed
   * length.
   */
  static String digestProblem(String digest) {
    int colon = digest.indexOf(':');
    int hexLength = digest.length() - colon - 1;
    if (colon < 0
        || !isValidAlgorithm(digest, colon)
        || hexLength < MIN_DIGEST_HEX
        || !all(digest, colon + 1, digest.length(), HEX)) {
      return "digest must look like 'sha256:' followed by hex";
    }
    String algorithm = digest.substring(0, colon);
    int expectedHex =
        switch (algorithm) {
          case "sha256" -> 64;
          case "sha384" -> 96;
          case "sha512" -> 128;
          default -> -1;
        };
    if (expectedHex < 0) {
      return "digest algorithm must be sha256, sha384 or sha512";
    }
    if (hexLength != expectedHex) {
      return algorithm + " digest must have exactly " + expectedHex + " hex characters";
    }
    if (!all(digest, colon + 1, digest.length(), LOWER_HEX)) {
      return "digest hex must be lower case";
    }
    return null;
  }

  private static boolean isValidHostName(String s, int end) {
    int labelStart = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || s.charAt(i) == '.') {
        if (!isValidLabel(s, labelStart, i)) {
          return false;
        }
        labelStart = i + 1;
      }
    }
    return true;
  }

  private static boolean isValidLabel(String s, int from, int to) {
    return from < to
        && ALPHANUMERIC.test(s.charAt(from))
        && ALPHANUMERIC.test(s.charAt(to - 1))
        && all(s, from, to, ALPHANUMERIC.or(c -> c == '-'));
  }

  /** Lower-case alphanumeric runs joined by exactly one of "." "_" "__" or a run of dashes. */
  private static boolean isValidPathComponent(String s, int from, int to) {
    if (!LOWER_ALPHANUMERIC.test(s.charAt(from)) || !LOWER_ALPHANUMERIC.test(s.charAt(to - 1))) {
      return false;
    }
    int i = from;
    while (i < to) {
      if (LOWER_ALPHANUMERIC.test(s.charAt(i))) {
        i++;
        continue;
      }
      int separatorStart = i;
      while (i < to && !LOWER_ALPHANUMERIC.test(s.charAt(i))) {
        i++;
      }
      String separator = s.substring(separatorStart, i);
      boolean isSeparator =
          separator.equals(".")
              || separator.equals("_")
              || separator.equals("__")
              || separator.chars().allMatch(c -> c == '-');
      if (!isSeparator) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z][A-Za-z0-9]*} parts joined by single '-', '_', '+' or '.'. */
  private static boolean isValidAlgorithm(String s, int end) {
    boolean expectLetter = true;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (expectLetter && !LETTER.test(c)) {
        return false;
      }
      if (c == '-' || c == '_' || c == '+' || c == '.') {
        expectLetter = true;
      } else if (ALPHANUMERIC.test(c)) {
        expectLetter = false;
      } else {
        return false;
      }
    }
    return end > 0 && !expectLetter;
  }

  private static boolean all(String s, int from, int to, IntPredicate test) {
    for (int i = from; i < to; i++) {
      if (!test.test(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
