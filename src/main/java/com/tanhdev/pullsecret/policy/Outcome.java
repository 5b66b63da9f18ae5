package com.tanhdev.pullsecret.policy;

import java.util.Locale;

/**
 * The closed list of decisions; {@link #label()} is what audit annotations, logs and metrics show.
 */
public enum Outcome {
  INJECTED,
  ALREADY_PRESENT,
  NO_MATCHING_IMAGE,
  SKIPPED_MISSING_SECRET,
  SKIPPED_INVALID_SECRET,
  SKIPPED_UNKNOWN_SECRET,
  DENIED_MISSING_SECRET,
  DENIED_INVALID_SECRET,
  OPTED_OUT,
  INVALID_POD_SPEC,
  NOT_HANDLED,
  ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
