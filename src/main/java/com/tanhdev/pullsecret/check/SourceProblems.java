package com.tanhdev.pullsecret.check;

import java.util.Optional;

/** Why a workload's file cannot be edited in place at all, and how that is worded. */
final class SourceProblems {

  private SourceProblems() {}

  static Optional<String> of(ScannedWorkload workload) {
    DocumentSource source = workload.document().source();
    if (source == null) {
      return Optional.of("its position in the file is not known");
    }
    if (!source.text().isLosslessUtf8()) {
      // Writing back the decoded text would change bytes nobody asked to change.
      return Optional.of("the file is not UTF-8");
    }
    return Optional.empty();
  }

  static String describe(ScannedWorkload workload, String problem) {
    return workload.place() + ": cannot edit in place: " + problem;
  }
}
