package com.tanhdev.pullsecret.imageref;

import java.util.Objects;

/** The outcome of reading an image string from a pod spec: a usable reference, or why not. */
public sealed interface ParsedImage permits ParsedImage.Valid, ParsedImage.Invalid {

  /** A reference that container runtimes would also accept. */
  record Valid(ImageReference reference) implements ParsedImage {
    public Valid {
      Objects.requireNonNull(reference, "reference");
    }
  }

  /**
   * An image string no runtime could pull. {@code raw} is shortened because it ends up in admission
   * warnings and logs, and the pod spec it came from may hold an arbitrarily long string.
   */
  record Invalid(String raw, String reason) implements ParsedImage {
    static final int MAX_RAW_LENGTH = 200;
    private static final String ELLIPSIS = "...";

    public Invalid {
      Objects.requireNonNull(reason, "reason");
      raw = shorten(raw);
    }

    private static String shorten(String raw) {
      if (raw == null || raw.length() <= MAX_RAW_LENGTH) {
        return raw;
      }
      int end = MAX_RAW_LENGTH - ELLIPSIS.length();
      // Never split a surrogate pair: a lone surrogate is not valid UTF-8 in a JSON warning.
      if (Character.isHighSurrogate(raw.charAt(end - 1))) {
        end--;
      }
      return raw.substring(0, end) + ELLIPSIS;
    }
  }
}
