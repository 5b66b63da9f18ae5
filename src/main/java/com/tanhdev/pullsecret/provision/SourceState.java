package com.tanhdev.pullsecret.provision;

/**
 * The source Secret as observed now.
 *
 * @param problem why it cannot be copied (missing or invalid), or null when it can
 * @param content what copies carry; null unless the source is valid
 */
public record SourceState(Status status, String problem, CopyContent content) {

  /** Whether the source can be copied. */
  public enum Status {
    MISSING,
    INVALID,
    VALID
  }

  public static SourceState missing(SourceRef source) {
    return new SourceState(Status.MISSING, "source secret " + source + " does not exist", null);
  }

  public static SourceState invalid(String problem) {
    return new SourceState(Status.INVALID, problem, null);
  }

  public static SourceState valid(CopyContent content) {
    return new SourceState(Status.VALID, null, content);
  }
}
