package com.tanhdev.pullsecret.provision;

import java.util.List;

/**
 * Where one rule secret's fan-out stands: what the Event on its source says. Equal summaries make
 * no new Event, which is what keeps Events to one per change rather than one per namespace.
 *
 * @param sourceProblem why the source cannot be copied, or null
 * @param conflicted the conflicted namespaces, sorted, at most {@link #NAMES_SHOWN}
 */
public record FanOutSummary(
    String sourceProblem,
    int selected,
    int inSync,
    int conflictedCount,
    List<String> conflicted,
    int failed,
    int pending) {

  static final int NAMES_SHOWN = 5;

  public FanOutSummary {
    conflicted = List.copyOf(conflicted);
  }

  /** A write is in flight: the summary will change again in a moment. */
  public boolean isSettling() {
    return pending > 0;
  }

  public boolean isWarning() {
    return sourceProblem != null || conflictedCount > 0 || failed > 0;
  }

  /** The Event reason: one word a user can filter on. */
  public String reason() {
    if (sourceProblem != null) {
      return sourceProblem.endsWith("does not exist") ? "SourceMissing" : "SourceInvalid";
    }
    if (conflictedCount > 0) {
      return "CopyConflict";
    }
    return failed > 0 ? "CopyFailed" : "CopiesInSync";
  }

  public String message() {
    StringBuilder text = new StringBuilder();
    if (sourceProblem != null) {
      text.append(sourceProblem).append("; existing copies are kept. ");
    }
    text.append("Copies in sync in ")
        .append(inSync)
        .append(" of ")
        .append(selected)
        .append(" selected namespaces");
    if (conflictedCount > 0) {
      text.append("; ")
          .append(conflictedCount)
          .append(" hold a same-named secret not created by pullsecret-webhook, left alone: ")
          .append(String.join(", ", conflicted));
      if (conflictedCount > conflicted.size()) {
        text.append(" and ").append(conflictedCount - conflicted.size()).append(" more");
      }
    }
    if (failed > 0) {
      text.append("; ").append(failed).append(" failed and are retried");
    }
    return text.append('.').toString();
  }
}
